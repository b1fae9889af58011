//===- LlmAllExecutionsCommand.cpp - `calcc llm-all-executions` -----------===//
//
// `calcc llm-all-executions|lae APP NUM_PROCS MAX_BATCH DATATYPE SYSTEM OUT
// [-f MODE] [-n] [-d] [-c N]`: every feasible candidate of Calculon's space
// as a CSV row (calculon-model.md §11.3), in enumeration order (Calculon
// shuffles), streamed to OUT (.csv or .csv.gz) and published atomically.
// `-d` evaluates everything but writes nothing.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"

#include "eval/search/CalculonSearch.h"
#include "eval/output/Gzip.h"
#include "eval/search/ProgressBar.h"
#include "eval/search/SearchArgs.h"
#include "eval/search/StreamFile.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand laeCommand(
    "llm-all-executions",
    "Evaluate every execution (Calculon 'llm-all-executions', 'lae')");
static cl::SubCommand laeAlias("lae", "Alias of llm-all-executions");

#define LAE_SUBS cl::sub(laeCommand), cl::sub(laeAlias)
static cl::list<std::string>
    laeArgs(cl::Positional, LAE_SUBS,
            cl::desc("APP NUM_PROCS MAX_BATCH DATATYPE SYSTEM OUT"),
            cl::ZeroOrMore);
static cl::opt<std::string>
    laeFused("f", LAE_SUBS, cl::init("true"),
             cl::desc("Fused activation: true, false or both"),
             cl::value_desc("MODE"));
static cl::alias laeFusedLong("fused_activation", cl::aliasopt(laeFused));
static cl::opt<bool> laeNoneOk("n", LAE_SUBS,
                               cl::desc("Exit 0 even if nothing fits"));
static cl::alias laeNoneOkLong("noneok", cl::aliasopt(laeNoneOk));
static cl::opt<bool> laeDebug("d", LAE_SUBS,
                              cl::desc("Evaluate everything, write nothing"));
static cl::alias laeDebugLong("debug", cl::aliasopt(laeDebug));
static cl::opt<int> laeCpus("c", LAE_SUBS, cl::init(0),
                            cl::desc("Worker threads (default: one per "
                                     "core)"),
                            cl::value_desc("N"));
static cl::alias laeCpusLong("cpus", cl::aliasopt(laeCpus));
static cl::list<std::string> laeIncludeDirs(
    "I", cl::Prefix, cl::ZeroOrMore, LAE_SUBS, cl::value_desc("dir"),
    cl::desc("Search DIR for imports of .calc inputs"));
static cl::opt<std::string> laeStdlibDir(
    "stdlib-dir", LAE_SUBS, cl::value_desc("dir"),
    cl::desc("Read std/ imports of .calc inputs from DIR"));

/// -I and --stdlib-dir, for the .calc inputs.
static driver::CalcInputOptions laeInputOptions() {
  driver::CalcInputOptions options;
  options.includeDirs.assign(laeIncludeDirs.begin(), laeIncludeDirs.end());
  options.stdlibDir = laeStdlibDir;
  return options;
}

static int usage(const Twine &message) {
  return driver::reportError("calcc llm-all-executions: ", message,
                             driver::ExitUsageError);
}

static int fail(const Twine &message) {
  return driver::reportError("", message);
}

static bool parseOptions(search::SearchArgs &args, std::string &error) {
  if (!search::parseSearchArgs(laeArgs, args, error))
    return false;
  StringRef out = args.outputPath;
  if (!out.endswith(".csv") && !out.endswith(".csv.gz")) {
    error = "output '" + args.outputPath + "' must be *.csv or *.csv.gz";
    return false;
  }
  if (laeCpus < 0) {
    error = "-c must be >= 1";
    return false;
  }
  if (!search::parseFusedMode(laeFused, args.space.fused)) {
    error = "-f must be true, false or both, got '" + laeFused + "'";
    return false;
  }
  // lae always explores both overlaps (§11.3).
  return true;
}

static int runLae() {
  search::SearchArgs args;
  std::string error;
  if (!parseOptions(args, error))
    return usage(error);
  cost::Model model;
  cost::System system;
  search::ExecutionSpace space;
  if (!driver::loadSearchInputs(args, laeInputOptions(), model, system))
    return driver::ExitInputError;
  if (!search::ExecutionSpace::build(model, system, args.space, space, error))
    return fail(error);

  // The header goes first; with -d the rows are formatted but dropped. A
  // .gz file is a sequence of gzip members (the header, then one per chunk
  // of rows) compressed by the worker threads.
  bool gzip = StringRef(args.outputPath).endswith(".gz");
  search::StreamFile file;
  if (!laeDebug) {
    std::string header, packed;
    raw_string_ostream os(header);
    search::writeCsvHeader(os, /*rankColumn=*/false, /*withLayers=*/false);
    StringRef text = os.str();
    if (gzip && !eval::gzipCompress(text, packed, eval::GzipDefaultCompression))
      return fail(args.outputPath + ": cannot compress output");
    if (!file.open(args.outputPath, /*compress=*/false, error) ||
        !file.write(gzip ? StringRef(packed) : text))
      return fail(error.empty() ? args.outputPath + ": cannot write" : error);
  }
  search::ProgressBar bar(errs(), sys::Process::StandardErrIsDisplayed(),
                          space.numGroups());
  search::SearchSummary summary;
  bool written = search::findAllExecutions(
      model, system, space, unsigned(laeCpus), gzip && !laeDebug,
      [&](uint64_t groups, uint64_t n) { bar.update(groups, n); },
      [&](StringRef rows) { return laeDebug || file.write(rows); }, summary);
  bar.finish();
  search::logSummary(errs(), summary);
  if (!written) {
    file.discard();
    return fail(args.outputPath + ": cannot write");
  }
  if (summary.counts.numAccepted() == 0) {
    if (!laeNoneOk) {
      file.discard();
      return fail(search::nothingFitsMessage(summary));
    }
    errs() << "No acceptable configurations found :(\n";
  }
  if (laeDebug)
    return driver::ExitSuccess;
  if (!file.commit(error))
    return fail(error);
  errs() << "Output: " << args.outputPath << "\n";
  return driver::ExitSuccess;
}

static driver::Command laeRegistration(laeCommand, runLae);
static driver::Command laeAliasRegistration(laeAlias, runLae);
