//===- CalculonInputs.cpp - Calculon JSON -> cost structs -----------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/InputKind.h"
#include "eval/calculon/JsonReader.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/ModelFields.h"
#include "eval/cost/Training.h"

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

/// The JSON keys of one group of model fields, in the table's order.
std::vector<StringRef> modelKeysOf(cost::ModelFieldGroup group) {
  std::vector<StringRef> keys;
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos())
    if (f.group == group)
      keys.push_back(f.jsonKey);
  return keys;
}

/// An optional model key of the table: an integer at least its `min`, a
/// number, or one of its choices. Absent leaves the member alone.
bool optionalModelKey(JsonReader &r, const json::Object &o, StringRef jsonKey,
                      cost::Model &m) {
  const cost::ModelFieldInfo &f = cost::modelFieldByJsonKey(jsonKey);
  if (!o.get(jsonKey))
    return true;
  switch (f.kind) {
  case cost::ModelFieldKind::Int: {
    int64_t v = 0;
    if (!optionalInt(r, o, jsonKey, f.min, v))
      return false;
    f.setInt(m, v);
    return true;
  }
  case cost::ModelFieldKind::Real: {
    double v = 0;
    if (!r.getNumber(o, "", jsonKey, v))
      return false;
    f.setReal(m, v);
    return true;
  }
  case cost::ModelFieldKind::Choice: {
    std::string v;
    if (!r.getString(o, "", jsonKey, v))
      return false;
    int index = f.choiceIndex(v);
    if (index < 0)
      return r.fail(jsonKey, Twine("expected '") + f.choices[0] + "' or '" +
                                 f.choices[1] + "', got '" + v + "'");
    f.setInt(m, index);
    return true;
  }
  }
  return false;
}

/// The optional keys beyond Calculon's six (docs/cli.md): grouped-query
/// attention, SwiGLU, vocabulary, mixture of experts, latent attention.
bool readModelExtensions(JsonReader &r, const json::Object &o, cost::Model &m) {
  static const std::vector<StringRef> moeKeys =
      modelKeysOf(cost::ModelFieldGroup::Expert);
  static const std::vector<StringRef> mlaKeys =
      modelKeysOf(cost::ModelFieldGroup::Mla);
  if (!optionalModelKey(r, o, "mlp_type", m) ||
      !optionalModelKey(r, o, "attention_type", m) ||
      !optionalModelKey(r, o, "kv_heads", m) ||
      !optionalModelKey(r, o, "vocab", m) ||
      !optionalModelKey(r, o, "experts", m) ||
      !onlyWith(r, o, moeKeys, m.experts > 0, "'experts' > 0") ||
      !onlyWith(r, o, mlaKeys, m.isMla(), "\"attention_type\": \"mla\"") ||
      !onlyWith(r, o, {"kv_heads"}, !m.isMla(),
                "standard attention (latent attention has one key and value "
                "per head)"))
    return false;
  for (StringRef key : mlaKeys)
    if (!optionalModelKey(r, o, key, m))
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
  for (StringRef key : moeKeys)
    if (!optionalModelKey(r, o, key, m))
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
  static const std::vector<StringRef> keys =
      modelKeysOf(cost::ModelFieldGroup::Calculon);
  model = cost::Model();
  bool ok = o && checkInputKind(r, InputKind::Model) &&
            r.checkKeys(*o, "", keys, /*exact=*/false);
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos()) {
    if (!ok || f.group != cost::ModelFieldGroup::Calculon)
      continue;
    int64_t v = 0;
    ok = r.getInt(*o, "", f.jsonKey, v) &&
         (v > 0 || r.fail(f.jsonKey, "expected a positive integer"));
    f.setInt(model, v);
  }
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
