//===- FuzzCalculonJson.cpp - calc-fuzz-calculon-json ---------------------===//
//
// Calculon's JSON readers (eval/calculon/) on arbitrary text, and what
// `calcc llm` does with inputs they accept. An input is up to three JSON
// documents separated by NUL bytes:
//   - one document: read as a model, as an execution and as a system file;
//   - three: model, execution and system, read like `calcc llm` reads them
//     (loadLlmInputs) and, when accepted, evaluated (cost::evaluateTraining)
//     and written out (summary, statistics with layers, peers).
// A reader must accept or reject with a "FILE: ..." message; an evaluation
// must succeed or fail with a status. Anything else, a crash or a sanitizer
// report included, is a finding.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FuzzCommon.h"

#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/InputKind.h"
#include "eval/calculon/JsonReader.h"
#include "eval/calculon/StatsWriter.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/SmallVector.h"

using namespace calc;
using namespace calc::calculon;
using llvm::StringRef;

namespace {

/// A rejection must say why.
void checkRejection(bool ok, const std::string &error, StringRef input) {
  if (!ok && error.empty())
    fuzz::finding("a reader failed without a message", input);
}

void readEachKind(StringRef text) {
  std::string error;
  {
    JsonReader reader("model.json", text);
    cost::Model model;
    bool ok = !reader.failed() && checkInputKind(reader, InputKind::Model) &&
              loadModel(reader, model, error);
    checkRejection(ok, reader.failed() ? reader.error() : error, text);
  }
  error.clear();
  {
    JsonReader reader("exe.json", text);
    cost::Execution exe;
    AttentionType attention;
    bool ok = !reader.failed() &&
              checkInputKind(reader, InputKind::Execution) &&
              loadExecution(reader, exe, attention, error);
    checkRejection(ok, reader.failed() ? reader.error() : error, text);
  }
  error.clear();
  {
    JsonReader reader("system.json", text);
    cost::System system;
    bool ok = !reader.failed() && checkInputKind(reader, InputKind::System) &&
              loadSystem(reader, system, error);
    checkRejection(ok, reader.failed() ? reader.error() : error, text);
  }
}

void runLlm(StringRef modelText, StringRef exeText, StringRef systemText,
            StringRef input) {
  JsonReader model("model.json", modelText), exe("exe.json", exeText),
      system("system.json", systemText);
  for (JsonReader *r : {&model, &exe, &system})
    if (r->failed())
      return checkRejection(false, r->error(), input);
  LlmInputs in;
  std::string error;
  bool ok = loadLlmInputs(model, exe, system, in, error);
  checkRejection(ok, error, input);
  if (!ok)
    return;
  cost::Workspace ws;
  cost::Stats stats;
  cost::EvalStatus status =
      cost::evaluateTraining(in.model, in.system, in.exe, ws, stats);
  if (!status.ok())
    return;
  std::string out;
  llvm::raw_string_ostream os(out);
  writeSummary(os, in.model, in.exe, stats);
  llvm::SmallVector<cost::LayerStats, 32> layers;
  cost::layerStats(ws, layers);
  cost::StatTypes types;
  cost::statTypes(in.model, in.system, in.exe, ws, types);
  writeStatsJson(os, stats, types, layers, /*withLayers=*/true,
                 /*compact=*/false, in.model.isMoe());
  // The peers file lists every rank: bounded so a large num_procs is not a
  // memory finding (Calculon writes the same list).
  if (in.exe.numProcs <= 4096)
    writePeersJson(os, in.exe);
  os.flush();
  if (out.empty())
    fuzz::finding("an accepted run wrote nothing", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  StringRef input(reinterpret_cast<const char *>(data), size);
  llvm::SmallVector<StringRef, 3> docs;
  input.split(docs, '\0');
  if (docs.size() == 1)
    readEachKind(input);
  else if (docs.size() == 3)
    runLlm(docs[0], docs[1], docs[2], input);
  return 0;
}
