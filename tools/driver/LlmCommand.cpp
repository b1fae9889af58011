//===- LlmCommand.cpp - `calcc llm`: Calculon's single evaluation ---------===//
//
// `calcc llm MODEL EXEC SYSTEM OUT [-l] [-p PEERS]`, Calculon's positional
// arguments (docs/calculon-model.md §13); each input is Calculon JSON or a .calc
// file declaring one entity of its kind (LlmInputs.h). OUT is `-` (Calculon's
// summary text; calcc's layout with --calcc-summary), `*.json` or
// `*.json.gz` (the 96 statistics, then calcc's own for a mixture-of-experts
// model). Every rejection prints
// `error: <message>` and exits 1 without writing any file.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/CalcInputFlags.h"
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"

#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/PyRepr.h"
#include "eval/calculon/StatsWriter.h"
#include "eval/cost/Training.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/Gzip.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand llmCommand("llm",
                                 "Evaluate one execution (Calculon 'llm')");
static cl::list<std::string> llmArgs(cl::Positional, cl::sub(llmCommand),
                                     cl::desc("MODEL EXEC SYSTEM OUT"),
                                     cl::OneOrMore);
static cl::opt<bool> llmLayers("l", cl::sub(llmCommand),
                               cl::desc("Include per-layer statistics"));
static cl::alias llmLayersLong("layers", cl::aliasopt(llmLayers));
static cl::opt<std::string> llmPeers("p", cl::sub(llmCommand),
                                     cl::desc("Write the peers file"),
                                     cl::value_desc("PEERS"));
static cl::alias llmPeersLong("peers", cl::aliasopt(llmPeers));
static cl::opt<bool> llmCalccSummary(
    "calcc-summary", cl::sub(llmCommand),
    cl::desc("With OUT '-': calcc's layout of the summary (sections, MoE and "
             "context-parallel lines) instead of Calculon's text"));
static driver::CalcInputFlags llmInputFlags(llmCommand, llmCommand);

/// The system dict of Calculon's summary: the JSON file's own text as
/// Python prints it, or, for a `.calc` system, the JSON it stands for.
static std::string systemRepr(StringRef path, const cost::System &system) {
  std::string text;
  raw_string_ostream os(text);
  if (!path.endswith(".calc")) {
    if (auto buf = MemoryBuffer::getFile(path))
      if (calculon::writeJsonAsPyRepr((*buf)->getBuffer(), os))
        return os.str();
    text.clear();
  }
  calculon::writeSystemPyRepr(system, os);
  return os.str();
}

static int fail(const Twine &message) {
  return driver::reportError("", message);
}

/// Writes an output completely or not at all, gzip-compressed for `.gz`.
static bool writeOutput(StringRef path, std::string contents,
                        std::string &error) {
  if (path.endswith(".gz")) {
    std::string packed;
    if (!eval::gzipCompress(contents, packed)) {
      error = ("cannot compress '" + path + "'").str();
      return false;
    }
    contents.swap(packed);
  }
  return eval::writeFileAtomically(path, contents, error);
}

static bool outputKind(StringRef out, bool &compact) {
  compact = out.endswith(".json.gz");
  return out == "-" || out.endswith(".json") || compact;
}

static int runLlm() {
  if (llmArgs.size() != 4) {
    return driver::reportError(
        "calcc llm: ",
        "expected 4 arguments MODEL EXEC SYSTEM OUT, got " +
            Twine(llmArgs.size()),
        driver::ExitUsageError);
  }
  StringRef out = llmArgs[3];
  bool compact;
  if (!outputKind(out, compact)) {
    return driver::reportError(
        "calcc llm: ", "output '" + out + "' must be '-', *.json or *.json.gz",
        driver::ExitUsageError);
  }
  if (llmCalccSummary && out != "-")
    return driver::reportError("calcc llm: ",
                               "--calcc-summary needs OUT '-', not '" + out +
                                   "'",
                               driver::ExitUsageError);
  calculon::LlmInputs in;
  if (!driver::loadLlmInputs(llmArgs[0], llmArgs[1], llmArgs[2],
                             llmInputFlags.options(), in))
    return driver::ExitInputError;
  std::string error;
  cost::Workspace ws;
  cost::Stats stats;
  cost::EvalStatus status =
      cost::evaluateTraining(in.model, in.system, in.exe, ws, stats);
  if (!status.ok()) {
    std::string message;
    raw_string_ostream os(message);
    cost::renderStatus(status, os);
    return fail(os.str());
  }
  if (!llmPeers.empty()) {
    std::string peers;
    raw_string_ostream os(peers);
    calculon::writePeersJson(os, in.exe);
    if (!writeOutput(llmPeers, os.str(), error))
      return fail(error);
  }
  if (out == "-") {
    if (llmCalccSummary)
      calculon::writeSummary(outs(), in.model, in.exe, stats);
    else
      calculon::writeCalculonSummary(outs(), in.model, in.exe, stats,
                                     systemRepr(llmArgs[2], in.system));
    return driver::ExitSuccess;
  }

  SmallVector<cost::LayerStats, 32> layers;
  if (llmLayers)
    cost::layerStats(ws, layers);
  cost::StatTypes types;
  cost::statTypes(in.model, in.system, in.exe, ws, types);
  std::string text;
  raw_string_ostream os(text);
  calculon::writeStatsJson(os, stats, types, layers, llmLayers, compact,
                           /*withExtStats=*/in.model.isMoe());
  if (!writeOutput(out, os.str(), error))
    return fail(error);
  return driver::ExitSuccess;
}

static driver::Command llmRegistration(llmCommand, runLlm);
