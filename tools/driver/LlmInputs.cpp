//===- LlmInputs.cpp - Model, execution and system inputs, JSON or .calc --===//
#include "tools/driver/LlmInputs.h"
#include "tools/driver/Command.h"

#include "llvm/Support/Path.h"

#include "fmt/format.h"

using namespace llvm;
using namespace calc;
using namespace calc::driver;

static bool fail(const Twine &message) {
  reportError("", message);
  return false;
}

static bool isJsonInput(StringRef path) {
  return sys::path::extension(path).equals_insensitive(".json");
}

bool calc::driver::loadModelInput(StringRef path,
                                  const CalcInputOptions &options,
                                  cost::Model &model, std::string *name) {
  if (!isCalcInput(path)) {
    std::string error;
    if (!calculon::loadModel(path, model, error))
      return fail(error);
    calculon::applyAttention(model, calculon::AttentionType::MultiHead);
    if (name)
      *name = sys::path::stem(path).str();
    return true;
  }
  CalcEntity entity;
  if (!loadCalcEntity(path, EntityKind::Model, options, entity))
    return false;
  model = entity.model;
  if (name)
    *name = entity.name;
  return true;
}

static bool loadSystem(StringRef path, const CalcInputOptions &options,
                       cost::System &system) {
  if (!isCalcInput(path)) {
    std::string error;
    return calculon::loadSystem(path, system, error) || fail(error);
  }
  CalcEntity entity;
  if (!loadCalcEntity(path, EntityKind::System, options, entity))
    return false;
  system = std::move(entity.system);
  return true;
}

/// A JSON execution's attention_type next to a `.calc` model, which already
/// says its attention with kv_heads: they must agree.
static bool checkAttention(StringRef exePath, calculon::AttentionType type,
                           const cost::Model &model) {
  bool multiHead = type == calculon::AttentionType::MultiHead;
  if (multiHead ? model.isMultiHead() : model.kvHeads == 1)
    return true;
  return fail(fmt::format(
      "{}: attention_type '{}' contradicts the .calc model, which has "
      "kv_heads = {} of {} attention heads (the model's kv_heads decides)",
      exePath.str(), multiHead ? "multihead" : "multiquery", model.kvHeads,
      model.attnHeads));
}

bool calc::driver::loadLlmInputs(StringRef modelPath, StringRef exePath,
                                 StringRef systemPath,
                                 const CalcInputOptions &options,
                                 calculon::LlmInputs &in) {
  for (StringRef path : {modelPath, exePath, systemPath})
    if (!isJsonInput(path) && !isCalcInput(path))
      return fail(path + ": unsupported input format (expected a Calculon "
                         ".json file or a .calc file)");
  // A JSON model keeps kv_heads 0 unless it sets them, until the execution
  // says its attention_type.
  std::string error;
  if (isCalcInput(modelPath) ? !loadModelInput(modelPath, options, in.model)
                             : !calculon::loadModel(modelPath, in.model, error))
    return error.empty() ? false : fail(error);
  // Without an attention_type (a .calc execution) a JSON model is
  // multi-head, the prelude's default for kv_heads.
  calculon::AttentionType attention = calculon::AttentionType::MultiHead;
  bool jsonExe = !isCalcInput(exePath);
  if (!jsonExe) {
    CalcEntity entity;
    if (!loadCalcEntity(exePath, EntityKind::Execution, options, entity))
      return false;
    in.exe = entity.exe;
  } else {
    if (!calculon::loadExecution(exePath, in.exe, attention, error))
      return fail(error);
    if (isCalcInput(modelPath) && !checkAttention(exePath, attention, in.model))
      return false;
  }
  if (!loadSystem(systemPath, options, in.system))
    return false;
  if (!isCalcInput(modelPath) &&
      !calculon::checkLlmInputs(exePath, attention, jsonExe, in.model, in.exe,
                                error))
    return fail(error);
  return true;
}

bool calc::driver::loadSearchInputs(const calculon::SearchArgs &args,
                                    const CalcInputOptions &options,
                                    cost::Model &model, cost::System &system,
                                    calculon::ExecutionSpace &space) {
  if (!loadModelInput(args.modelPath, options, model) ||
      !loadSystem(args.systemPath, options, system))
    return false;
  // A JSON model that sets kv_heads keeps them: the searches' `multihead`
  // reads back as the same model (calculon::attentionAgrees).
  if (isCalcInput(args.modelPath) && !model.isMultiHead() &&
      !model.isMultiQuery())
    return fail(fmt::format(
        "{}: kv_heads = {} of {} attention heads is grouped-query attention, "
        "which the attention_type of Calculon's output cannot say (multihead "
        "or multiquery); search it with a `search` statement in a .calc file",
        args.modelPath, model.kvHeads, model.attnHeads));
  std::string error;
  if (!calculon::checkSearchSystem(args, system, error) ||
      !calculon::ExecutionSpace::build(model, system, args.space, space, error))
    return fail(error);
  return true;
}
