//===- CalculonInputs.cpp - Calculon JSON -> cost structs -----------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/JsonReader.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

bool calc::calculon::loadModel(StringRef path, cost::Model &model,
                               std::string &error) {
  JsonReader r(path);
  return loadModel(r, model, error);
}

bool calc::calculon::loadModel(JsonReader &r, cost::Model &model,
                               std::string &error) {
  const json::Object *o = r.root();
  static const StringRef keys[] = {"hidden",     "feedforward", "seq_size",
                                   "attn_heads", "attn_size",   "num_blocks"};
  int64_t *fields[] = {&model.hidden,    &model.feedforward, &model.seqSize,
                       &model.attnHeads, &model.attnSize,    &model.numBlocks};
  if (o && r.checkKeys(*o, "", keys, /*exact=*/false))
    for (unsigned i = 0; i < 6; ++i)
      if (!r.getInt(*o, "", keys[i], *fields[i]) ||
          (*fields[i] <= 0 && !r.fail(keys[i], "expected a positive integer")))
        break;
  model.kvHeads = 0;
  model.mlpType = cost::MlpType::Gelu;
  error = r.error();
  return !r.failed();
}

void calc::calculon::applyAttention(cost::Model &model,
                                    AttentionType attention) {
  model.kvHeads = attention == AttentionType::MultiHead ? model.attnHeads : 1;
}

namespace {

const StringRef exeKeys[] = {"num_procs",
                             "tensor_par",
                             "pipeline_par",
                             "data_par",
                             "tensor_par_net",
                             "pipeline_par_net",
                             "data_par_net",
                             "batch_size",
                             "microbatch_size",
                             "datatype",
                             "fused_activation",
                             "attention_type",
                             "activation_recompute",
                             "pipeline_interleaving",
                             "optimizer_sharding",
                             "tensor_par_comm_type",
                             "tensor_par_overlap",
                             "seq_par_ag_redo",
                             "data_par_overlap",
                             "weight_offload",
                             "activations_offload",
                             "optimizer_offload",
                             "training"};

/// A string key restricted to `names`; returns the index or -1.
int getChoice(JsonReader &r, const json::Object &o, StringRef key,
              ArrayRef<StringRef> names, const char *message) {
  std::string value;
  if (!r.getString(o, "", key, value))
    return -1;
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == value)
      return int(i);
  r.fail(key, Twine(message) + " '" + value + "'");
  return -1;
}

bool getNet(JsonReader &r, const json::Object &o, StringRef key, int &out) {
  int64_t v;
  if (!r.getInt(o, "", key, v))
    return false;
  if (v < INT32_MIN || v > INT32_MAX)
    return r.fail(key, "network index out of range");
  out = int(v);
  return true;
}

bool readExecution(JsonReader &r, const json::Object &o, cost::Execution &x,
                   AttentionType &attention) {
  if (!r.checkKeys(o, "", exeKeys, /*exact=*/true))
    return false;
  if (!r.getInt(o, "", "num_procs", x.numProcs) ||
      !r.getInt(o, "", "tensor_par", x.tensorPar) ||
      !r.getInt(o, "", "pipeline_par", x.pipelinePar) ||
      !r.getInt(o, "", "data_par", x.dataPar) ||
      !getNet(r, o, "tensor_par_net", x.tensorParNet) ||
      !getNet(r, o, "pipeline_par_net", x.pipelineParNet) ||
      !getNet(r, o, "data_par_net", x.dataParNet) ||
      !r.getInt(o, "", "batch_size", x.batchSize) ||
      !r.getInt(o, "", "microbatch_size", x.microbatchSize))
    return false;
  int dt =
      getChoice(r, o, "datatype", {"float8", "float16", "bfloat16", "float32"},
                "Unsupported data type:");
  if (dt < 0 || !r.getBool(o, "", "fused_activation", x.fusedActivation))
    return false;
  x.datatype = cost::DataType(dt);
  int att = getChoice(r, o, "attention_type", {"multihead", "multiquery"},
                      "expected 'multihead' or 'multiquery', got");
  if (att < 0)
    return false;
  attention = AttentionType(att);
  int rc =
      getChoice(r, o, "activation_recompute", {"none", "attn_only", "full"},
                "expected 'none', 'attn_only' or 'full', got");
  if (rc < 0 ||
      !r.getInt(o, "", "pipeline_interleaving", x.pipelineInterleaving) ||
      !r.getBool(o, "", "optimizer_sharding", x.optimizerSharding))
    return false;
  x.activationRecompute = cost::Recompute(rc);
  int comm =
      getChoice(r, o, "tensor_par_comm_type", {"ar", "p2p_rs_ag", "rs_ag"},
                "expected 'ar', 'p2p_rs_ag' or 'rs_ag', got");
  if (comm < 0)
    return false;
  x.tensorParCommType = cost::TpCommType(comm);
  int overlap = getChoice(r, o, "tensor_par_overlap", {"none", "ring", "pipe"},
                          "expected 'none', 'ring' or 'pipe', got");
  if (overlap < 0)
    return false;
  x.tensorParOverlap = cost::TpOverlap(overlap);
  return r.getBool(o, "", "seq_par_ag_redo", x.seqParAgRedo) &&
         r.getBool(o, "", "data_par_overlap", x.dataParOverlap) &&
         r.getBool(o, "", "weight_offload", x.weightOffload) &&
         r.getBool(o, "", "activations_offload", x.activationsOffload) &&
         r.getBool(o, "", "optimizer_offload", x.optimizerOffload) &&
         r.getBool(o, "", "training", x.training);
}

} // namespace

bool calc::calculon::loadExecution(StringRef path, cost::Execution &exe,
                                   AttentionType &attention,
                                   std::string &error) {
  JsonReader r(path);
  return loadExecution(r, exe, attention, error);
}

bool calc::calculon::loadExecution(JsonReader &r, cost::Execution &exe,
                                   AttentionType &attention,
                                   std::string &error) {
  if (r.root())
    readExecution(r, *r.root(), exe, attention);
  error = r.error();
  return !r.failed();
}

bool calc::calculon::loadLlmInputs(StringRef modelPath, StringRef exePath,
                                   StringRef systemPath, LlmInputs &in,
                                   std::string &error) {
  for (StringRef path : {modelPath, exePath, systemPath})
    if (!sys::path::extension(path).equals_insensitive(".json")) {
      error = (path + ": unsupported input format (expected a Calculon "
                      ".json file)")
                  .str();
      return false;
    }
  JsonReader model(modelPath), exe(exePath), system(systemPath);
  return loadLlmInputs(model, exe, system, in, error);
}

bool calc::calculon::loadLlmInputs(JsonReader &model, JsonReader &exe,
                                   JsonReader &system, LlmInputs &in,
                                   std::string &error) {
  AttentionType attention;
  if (!loadModel(model, in.model, error) ||
      !loadExecution(exe, in.exe, attention, error) ||
      !loadSystem(system, in.system, error))
    return false;
  applyAttention(in.model, attention);
  return true;
}
