//===- CalculonInputs.cpp - Calculon JSON -> cost structs -----------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/InputKind.h"
#include "eval/calculon/JsonReader.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

/// An optional integer key: absent leaves `out` alone.
bool optionalInt(JsonReader &r, const json::Object &o, StringRef key,
                 int64_t min, int64_t &out) {
  if (!o.get(key))
    return true;
  if (!r.getInt(o, "", key, out))
    return false;
  if (out < min)
    return r.fail(key, "expected an integer >= " + Twine(min) + ", got " +
                           Twine(out));
  return true;
}

/// A key of `names` set while `condition` is false is an error.
bool onlyWith(JsonReader &r, const json::Object &o, ArrayRef<StringRef> names,
              bool condition, const Twine &requirement) {
  if (condition)
    return true;
  for (StringRef key : names)
    if (o.get(key))
      return r.fail(key, "requires " + requirement);
  return true;
}

const StringRef moeKeys[] = {"top_k", "expert_feedforward", "shared_experts",
                             "dense_blocks", "capacity_factor"};
const StringRef mlaKeys[] = {"q_lora_rank", "kv_lora_rank", "qk_nope_head_dim",
                             "qk_rope_head_dim", "v_head_dim"};

/// The optional keys beyond Calculon's six (docs/cli.md): grouped-query
/// attention, SwiGLU, vocabulary, mixture of experts, latent attention.
bool readModelExtensions(JsonReader &r, const json::Object &o, cost::Model &m) {
  if (o.get("mlp_type")) {
    std::string mlp;
    if (!r.getString(o, "", "mlp_type", mlp))
      return false;
    if (mlp != "gelu" && mlp != "swiglu")
      return r.fail("mlp_type",
                    "expected 'gelu' or 'swiglu', got '" + mlp + "'");
    m.mlpType = mlp == "swiglu" ? cost::MlpType::SwiGlu : cost::MlpType::Gelu;
  }
  if (o.get("attention_type")) {
    std::string att;
    if (!r.getString(o, "", "attention_type", att))
      return false;
    if (att != "standard" && att != "mla")
      return r.fail("attention_type",
                    "expected 'standard' or 'mla', got '" + att + "'");
    if (att == "mla")
      m.attention = cost::AttentionKind::Mla;
  }
  int64_t *mla[] = {&m.qLoraRank, &m.kvLoraRank, &m.qkNopeHeadDim,
                    &m.qkRopeHeadDim, &m.vHeadDim};
  if (!optionalInt(r, o, "kv_heads", 1, m.kvHeads) ||
      !optionalInt(r, o, "vocab", 0, m.vocab) ||
      !optionalInt(r, o, "experts", 0, m.experts) ||
      !onlyWith(r, o, moeKeys, m.experts > 0, "'experts' > 0") ||
      !onlyWith(r, o, mlaKeys, m.isMla(), "\"attention_type\": \"mla\"") ||
      !onlyWith(r, o, {"kv_heads"}, !m.isMla(),
                "standard attention (latent attention has one key and value "
                "per head)"))
    return false;
  for (unsigned i = 0; i < 5; ++i)
    if (!optionalInt(r, o, mlaKeys[i], i == 1 ? 1 : 0, *mla[i]))
      return false;
  if (m.isMla()) {
    m.kvHeads = m.attnHeads;
    if (!o.get("kv_lora_rank") || !o.get("v_head_dim"))
      return r.fail(o.get("kv_lora_rank") ? "v_head_dim" : "kv_lora_rank",
                    "missing (required with \"attention_type\": \"mla\")");
  }
  if (m.experts == 0)
    return true;
  m.expertFeedforward = m.feedforward; // Megatron's default
  if (!o.get("top_k"))
    return r.fail("top_k", "missing (required with 'experts')");
  if (!optionalInt(r, o, "top_k", 1, m.topK) ||
      !optionalInt(r, o, "expert_feedforward", 1, m.expertFeedforward) ||
      !optionalInt(r, o, "shared_experts", 0, m.sharedExperts) ||
      !optionalInt(r, o, "dense_blocks", 0, m.denseBlocks))
    return false;
  if (o.get("capacity_factor") &&
      !r.getNumber(o, "", "capacity_factor", m.capacityFactor))
    return false;
  if (m.capacityFactor < 0)
    return r.fail("capacity_factor", "expected a number >= 0 (0: dropless)");
  return true;
}

} // namespace

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
  model = cost::Model();
  bool ok = o && checkInputKind(r, InputKind::Model) &&
            r.checkKeys(*o, "", keys, /*exact=*/false);
  for (unsigned i = 0; ok && i < 6; ++i)
    ok = r.getInt(*o, "", keys[i], *fields[i]) &&
         (*fields[i] > 0 || r.fail(keys[i], "expected a positive integer"));
  if (ok)
    readModelExtensions(r, *o, model);
  error = r.error();
  return !r.failed();
}

void calc::calculon::applyAttention(cost::Model &model,
                                    AttentionType attention) {
  if (model.kvHeads == 0)
    model.kvHeads = attention == AttentionType::MultiHead ? model.attnHeads : 1;
}

bool calc::calculon::attentionAgrees(const cost::Model &model,
                                     AttentionType attention) {
  bool multiQuery = model.kvHeads == 1 && model.attnHeads > 1;
  return multiQuery == (attention == AttentionType::MultiQuery);
}

bool calc::calculon::checkLlmInputs(StringRef exePath, AttentionType attention,
                                    bool attentionGiven, cost::Model &model,
                                    const cost::Execution &exe,
                                    std::string &error) {
  if (attentionGiven && model.kvHeads != 0 &&
      !attentionAgrees(model, attention)) {
    error =
        (exePath + ": attention_type '" +
         (attention == AttentionType::MultiHead ? "multihead" : "multiquery") +
         "' contradicts the model, which has kv_heads = " +
         Twine(model.kvHeads) + " of " + Twine(model.attnHeads) +
         " attention heads (the model's kv_heads decides; grouped-query "
         "and latent attention are 'multihead')")
            .str();
    return false;
  }
  applyAttention(model, attention);
  if (!model.isMoe()) {
    const char *key = exe.expertPar != 1         ? "expert_par"
                      : exe.expertTensorPar != 1 ? "expert_tensor_par"
                      : exe.expertParNet != 0    ? "expert_par_net"
                      : exe.expertImbalance != 1 ? "expert_imbalance"
                                                 : nullptr;
    if (key) {
      error = (exePath + ": key '" + key +
               "': the model has no experts (set 'experts' in the model)")
                  .str();
      return false;
    }
  }
  return true;
}

namespace {

/// Calculon's execution keys, in the table's order.
std::vector<StringRef> calculonExecutionKeys() {
  std::vector<StringRef> keys;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
    if (f.group == cost::ExecutionFieldGroup::Calculon)
      keys.push_back(f.key);
  return keys;
}

/// A string key whose value must be one of `f`'s choices; returns the index
/// or -1.
int getChoice(JsonReader &r, const json::Object &o,
              const cost::ExecutionFieldInfo &f) {
  std::string value;
  if (!r.getString(o, "", f.key, value))
    return -1;
  int index = f.choiceIndex(value);
  if (index >= 0)
    return index;
  if (*f.choiceMessage)
    r.fail(f.key, Twine(f.choiceMessage) + " '" + value + "'");
  else {
    std::string expected = "expected ";
    for (unsigned i = 0, n = f.numChoices(); i < n; ++i)
      expected += (i == 0 ? "'" : i + 1 == n ? " or '" : ", '") +
                  std::string(f.choices[i]) + "'";
    r.fail(f.key, expected + ", got '" + value + "'");
  }
  return -1;
}

bool getNet(JsonReader &r, const json::Object &o, StringRef key, int64_t &out) {
  if (!r.getInt(o, "", key, out))
    return false;
  if (out < INT32_MIN || out > INT32_MAX)
    return r.fail(key, "network index out of range");
  return true;
}

/// One execution key into `x` (or `attention`). calcc's optional keys keep
/// the default when absent; their integers are degrees, at least 1.
bool readExecutionField(JsonReader &r, const json::Object &o,
                        const cost::ExecutionFieldInfo &f, cost::Execution &x,
                        AttentionType &attention) {
  using Kind = cost::ExecutionFieldKind;
  bool optional = f.group != cost::ExecutionFieldGroup::Calculon;
  if (optional && !o.get(f.key))
    return true;
  int64_t i = 0;
  double d = 0;
  bool b = false;
  switch (f.kind) {
  case Kind::Int:
    if (optional)
      return optionalInt(r, o, f.key, 1, i) && (f.setInt(x, i), true);
    return r.getInt(o, "", f.key, i) && (f.setInt(x, i), true);
  case Kind::NetIndex:
    return getNet(r, o, f.key, i) && (f.setInt(x, i), true);
  case Kind::Bool:
    return r.getBool(o, "", f.key, b) && (f.setInt(x, b), true);
  case Kind::Real:
    return r.getNumber(o, "", f.key, d) && (f.setReal(x, d), true);
  case Kind::Choice:
    i = getChoice(r, o, f);
    return i >= 0 && (f.setInt(x, i), true);
  case Kind::Attention:
    i = getChoice(r, o, f);
    return i >= 0 && (attention = AttentionType(i), true);
  }
  return false;
}

bool readExecution(JsonReader &r, const json::Object &o, cost::Execution &x,
                   AttentionType &attention) {
  x = cost::Execution();
  static const std::vector<StringRef> required = calculonExecutionKeys();
  static const std::vector<StringRef> optional = [] {
    std::vector<StringRef> keys;
    for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
      if (f.group != cost::ExecutionFieldGroup::Calculon)
        keys.push_back(f.key);
    return keys;
  }();
  if (!r.checkKeys(o, "", required, /*exact=*/true, optional))
    return false;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
    if (!readExecutionField(r, o, f, x, attention))
      return false;
  // The GEMMs run in the datatype unless told otherwise.
  if (!o.get("matrix_datatype"))
    x.matrixDatatype = x.datatype;
  if (!(x.expertImbalance >= 1))
    return r.fail("expert_imbalance",
                  "expected a number >= 1 (1: balanced routing)");
  return true;
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
  if (r.root() && checkInputKind(r, InputKind::Execution))
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
  return loadModel(model, in.model, error) &&
         loadExecution(exe, in.exe, attention, error) &&
         loadSystem(system, in.system, error) &&
         checkLlmInputs(exe.name(), attention, /*attentionGiven=*/true,
                        in.model, in.exe, error);
}
