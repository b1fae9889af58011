//===- LlmOptimalExecutionCommand.cpp - `calcc llm-optimal-execution` -----===//
//
// `calcc llm-optimal-execution|loe APP NUM_PROCS MAX_BATCH DATATYPE SYSTEM
// OUT [-t N] [-f MODE] [-m] [-n] [-d] [-l] [--no-tp-overlap]
// [--no-dp-overlap] [-c N]`: Calculon's search for the best executions by
// sample rate (docs/calculon-model.md §11.2). OUT is .json, .json.gz, .csv or
// .csv.gz. Logs go to stderr; nothing fits is an error (exit 1) unless -n.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"
#include "tools/driver/SearchCommandOptions.h"

#include "eval/calculon/StatsWriter.h"
#include "eval/calculon/search/CalculonSearch.h"
#include "eval/calculon/search/SearchArgs.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/Gzip.h"
#include "eval/search/ProgressBar.h"

#include "eval/calculon/PyFloat.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand loeCommand(
    "llm-optimal-execution",
    "Search the best executions (Calculon 'llm-optimal-execution', 'loe')");
static cl::SubCommand loeAlias("loe", "Alias of llm-optimal-execution");

#define LOE_SUBS cl::sub(loeCommand), cl::sub(loeAlias)
static cl::opt<int> loeTopN("t", LOE_SUBS, cl::init(1),
                            cl::desc("Keep the N best executions (> 0)"),
                            cl::value_desc("N"));
static cl::alias loeTopNLong("top-n", cl::aliasopt(loeTopN));
static cl::opt<bool> loeMbsBreak("m", LOE_SUBS,
                                 cl::desc("Stop growing the microbatch after "
                                          "a size with no success"));
static cl::alias loeMbsBreakLong("mbs-break", cl::aliasopt(loeMbsBreak));
static cl::opt<bool> loeLayers("l", LOE_SUBS,
                               cl::desc("Include per-layer statistics"));
static cl::alias loeLayersLong("layers", cl::aliasopt(loeLayers));
static cl::opt<bool> loeNoTpOverlap("no-tp-overlap", LOE_SUBS,
                                    cl::desc("Only tensor_par_overlap none"));
static cl::opt<bool> loeNoDpOverlap("no-dp-overlap", LOE_SUBS,
                                    cl::desc("Only data_par_overlap false"));
static driver::SearchCommandOptions loeOptions(loeCommand, loeAlias,
                                               "Enumerate and count only");

static int usage(const Twine &message) {
  return driver::reportError("calcc llm-optimal-execution: ", message,
                             driver::ExitUsageError);
}

static int fail(const Twine &message) {
  return driver::reportError("", message);
}

/// Checks the options; fills `args` from the positional arguments.
static bool parseOptions(calculon::SearchArgs &args, std::string &error) {
  if (!loeOptions.parse(args, error))
    return false;
  StringRef out = args.outputPath;
  if (!out.endswith(".json") && !out.endswith(".json.gz") &&
      !out.endswith(".csv") && !out.endswith(".csv.gz")) {
    error = "output '" + args.outputPath +
            "' must be *.json, *.json.gz, *.csv or *.csv.gz";
    return false;
  }
  if (loeTopN <= 0) {
    error = "-t must be > 0";
    return false;
  }
  args.space.allowTpOverlap = !loeNoTpOverlap;
  args.space.allowDpOverlap = !loeNoDpOverlap;
  return true;
}

static int writeResults(const calculon::SearchArgs &args, StringRef attention,
                        ArrayRef<calculon::RankedExecution> best,
                        bool experts) {
  StringRef out = args.outputPath;
  std::string text, error;
  raw_string_ostream os(text);
  if (out.endswith(".csv") || out.endswith(".csv.gz"))
    calculon::writeOptimalCsv(os, attention, best, loeLayers, experts);
  else
    calculon::writeOptimalJson(os, attention, best, loeLayers,
                               out.endswith(".gz"), experts);
  StringRef contents = os.str();
  std::string packed;
  if (out.endswith(".gz")) {
    if (!eval::gzipCompress(contents, packed))
      return fail(out + ": cannot compress output");
    contents = packed;
  }
  if (!eval::writeFileAtomically(out, contents, error))
    return fail(error);
  errs() << "Output: " << out << "\n";
  return driver::ExitSuccess;
}

static int runLoe() {
  calculon::SearchArgs args;
  std::string error;
  if (!parseOptions(args, error))
    return usage(error);
  cost::Model model;
  cost::System system;
  calculon::ExecutionSpace space;
  if (!driver::loadSearchInputs(args, loeOptions.inputOptions(), model, system,
                                space))
    return driver::ExitInputError;
  // -m may skip microbatch sizes: the space is then an upper bound.
  if (!loeOptions.announceSize(space.numCandidates(), /*atMost=*/loeMbsBreak))
    return driver::ExitInputError;

  calculon::OptimalOptions options;
  options.topN = size_t(loeTopN);
  options.mbsBreak = loeMbsBreak;
  options.debug = loeOptions.debug();
  options.layers = loeLayers;
  options.threads = loeOptions.cpus();
  search::ProgressLog log =
      loeOptions.progressLog("loe", space.numCandidates());
  log.exactTotal = !loeMbsBreak;
  search::ProgressBar bar(errs(), sys::Process::StandardErrIsDisplayed(),
                          space.numGroups(), log);
  std::vector<calculon::RankedExecution> best;
  calculon::SearchSummary summary;
  calculon::findOptimalExecutions(
      model, system, space, options,
      [&](uint64_t groups, uint64_t n, uint64_t feasible) {
        bar.update(groups, n, feasible);
      },
      best, summary);
  bar.finish();
  calculon::logSummary(errs(), summary);
  if (loeOptions.debug())
    return driver::ExitSuccess;
  if (best.empty()) {
    if (!loeOptions.noneOk())
      return fail(calculon::nothingFitsMessage(summary));
    errs() << "No acceptable configurations found :(\n";
  } else {
    errs() << "Best sample rate: ";
    calculon::writePyFloat(errs(), best.front().stats[cost::Stat::SampleRate]);
    errs() << "\n";
  }
  return writeResults(args, calculon::attentionTypeName(model), best,
                      model.isMoe());
}

static driver::Command loeRegistration(loeCommand, runLoe);
static driver::Command loeAliasRegistration(loeAlias, runLoe);
