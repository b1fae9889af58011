//===- CalculonInputs.h - Calculon JSON -> cost structs -------------------===//
//
// Reads Calculon's model ("application"), execution and system JSON files into
// the cost library's structs, validating them like Calculon does
// (docs/calculon-model.md §2.1–§2.3): exact key sets where it asserts them,
// types, and the enumerated string values. Messages are "FILE: key 'x': ...".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_CALCULONINPUTS_H
#define CALC_EVAL_CALCULON_CALCULONINPUTS_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::calculon {

class JsonReader;

/// Reads a model file: Calculon's six required keys, and the optional keys
/// of docs/cli.md (kv_heads, mlp_type, vocab, the expert keys, attention_type
/// "mla" and its keys); other keys are ignored, as in Calculon. Without
/// kv_heads, kvHeads is left 0: the execution's attention_type sets it.
bool loadModel(llvm::StringRef path, cost::Model &model, std::string &error);
/// The same over a document already read (JsonReader.h).
bool loadModel(JsonReader &reader, cost::Model &model, std::string &error);

/// The execution's `attention_type`, which the cost structs keep in Model.
enum class AttentionType { MultiHead, MultiQuery };

/// Reads an execution file: exactly Calculon's 23 keys, plus the optional
/// expert_par, expert_tensor_par, expert_par_net and expert_imbalance.
bool loadExecution(llvm::StringRef path, cost::Execution &exe,
                   AttentionType &attention, std::string &error);
bool loadExecution(JsonReader &reader, cost::Execution &exe,
                   AttentionType &attention, std::string &error);

/// Reads a system file and runs cost::checkSystem on it.
bool loadSystem(llvm::StringRef path, cost::System &system, std::string &error);
bool loadSystem(JsonReader &reader, cost::System &system, std::string &error);

/// Applies attention_type to a model that does not fix its key/value heads
/// (kvHeads = heads or 1); a model that does keeps them.
void applyAttention(cost::Model &model, AttentionType attention);

/// Whether attention_type describes a model that fixes kv_heads:
/// `multiquery` is one key/value head, `multihead` anything else (multi-head,
/// grouped-query or latent attention).
bool attentionAgrees(const cost::Model &model, AttentionType attention);

/// Reconciles a JSON model with its execution: attention_type (when
/// `attentionGiven`) against the model's kv_heads, applied if the model has
/// none; expert keys set for a model without experts are an error naming
/// `exePath`.
bool checkLlmInputs(llvm::StringRef exePath, AttentionType attention,
                    bool attentionGiven, cost::Model &model,
                    const cost::Execution &exe, std::string &error);

/// The three inputs of `llm` from Calculon JSON files (`.json` only). The
/// commands accept `.calc` inputs too through tools/driver/LlmInputs.h,
/// which needs the front end and so lives in the driver, not here.
struct LlmInputs {
  cost::Model model;
  cost::Execution exe;
  cost::System system;
};
bool loadLlmInputs(llvm::StringRef modelPath, llvm::StringRef exePath,
                   llvm::StringRef systemPath, LlmInputs &inputs,
                   std::string &error);
/// The same over documents already read: `lv` parses the copies of its
/// inputs embedded in calcc (ValidationInputs.h).
bool loadLlmInputs(JsonReader &model, JsonReader &exe, JsonReader &system,
                   LlmInputs &inputs, std::string &error);

} // namespace calc::calculon

#endif
