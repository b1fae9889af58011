//===- LlmAllExecutionsCommand.cpp - `calcc llm-all-executions` -----------===//
//
// `calcc llm-all-executions|lae APP NUM_PROCS MAX_BATCH DATATYPE SYSTEM OUT
// [-f MODE] [-n] [-d] [-c N]`: every feasible candidate of Calculon's space
// as a CSV row (docs/calculon-model.md §11.3), in enumeration order (Calculon
// shuffles), streamed to OUT (.csv or .csv.gz) and published atomically.
// `-d` evaluates everything but writes nothing.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"
#include "tools/driver/SearchCommandOptions.h"

#include "eval/calculon/search/CalculonSearch.h"
#include "eval/calculon/search/SearchArgs.h"
#include "eval/output/Gzip.h"
#include "eval/output/StreamFile.h"
#include "eval/search/ProgressBar.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand laeCommand(
    "llm-all-executions",
    "Evaluate every execution (Calculon 'llm-all-executions', 'lae')");
static cl::SubCommand laeAlias("lae", "Alias of llm-all-executions");

static driver::SearchCommandOptions
    laeOptions(laeCommand, laeAlias, "Evaluate everything, write nothing");

static int usage(const Twine &message) {
  return driver::reportError("calcc llm-all-executions: ", message,
                             driver::ExitUsageError);
}

static int fail(const Twine &message) {
  return driver::reportError("", message);
}

static bool parseOptions(calculon::SearchArgs &args, std::string &error) {
  if (!laeOptions.parse(args, error))
    return false;
  StringRef out = args.outputPath;
  if (!out.endswith(".csv") && !out.endswith(".csv.gz")) {
    error = "output '" + args.outputPath + "' must be *.csv or *.csv.gz";
    return false;
  }
  // lae always explores both overlaps (§11.3).
  return true;
}

static int runLae() {
  calculon::SearchArgs args;
  std::string error;
  if (!parseOptions(args, error))
    return usage(error);
  cost::Model model;
  cost::System system;
  calculon::ExecutionSpace space;
  if (!driver::loadSearchInputs(args, laeOptions.inputOptions(), model, system,
                                space))
    return driver::ExitInputError;
  if (!laeOptions.announceSize(space.numCandidates(), /*atMost=*/false))
    return driver::ExitInputError;

  // The header goes first; with -d the rows are formatted but dropped. A
  // .gz file is a sequence of gzip members (the header, then one per chunk
  // of rows) compressed by the worker threads.
  bool gzip = StringRef(args.outputPath).endswith(".gz");
  eval::StreamFile file;
  if (!laeOptions.debug()) {
    std::string header, packed;
    raw_string_ostream os(header);
    calculon::writeCsvHeader(os, /*rankColumn=*/false, /*withLayers=*/false,
                             /*experts=*/model.isMoe());
    StringRef text = os.str();
    if (gzip && !eval::gzipCompress(text, packed, eval::GzipDefaultCompression))
      return fail(args.outputPath + ": cannot compress output");
    if (!file.open(args.outputPath, /*compress=*/false, error) ||
        !file.write(gzip ? StringRef(packed) : text))
      return fail(error.empty() ? args.outputPath + ": cannot write" : error);
  }
  search::ProgressBar bar(errs(), sys::Process::StandardErrIsDisplayed(),
                          space.numGroups(),
                          laeOptions.progressLog("lae", space.numCandidates()));
  calculon::SearchSummary summary;
  bool written = calculon::findAllExecutions(
      model, system, space, laeOptions.cpus(), gzip && !laeOptions.debug(),
      [&](uint64_t groups, uint64_t n, uint64_t feasible) {
        bar.update(groups, n, feasible);
      },
      [&](StringRef rows) { return laeOptions.debug() || file.write(rows); },
      summary);
  bar.finish();
  calculon::logSummary(errs(), summary);
  if (!written) {
    file.discard();
    return fail(args.outputPath + ": cannot write");
  }
  if (summary.counts.numAccepted() == 0) {
    if (!laeOptions.noneOk()) {
      file.discard();
      return fail(calculon::nothingFitsMessage(summary));
    }
    errs() << "No acceptable configurations found :(\n";
  }
  if (laeOptions.debug())
    return driver::ExitSuccess;
  if (!file.commit(error))
    return fail(error);
  errs() << "Output: " << args.outputPath << "\n";
  return driver::ExitSuccess;
}

static driver::Command laeRegistration(laeCommand, runLae);
static driver::Command laeAliasRegistration(laeAlias, runLae);
