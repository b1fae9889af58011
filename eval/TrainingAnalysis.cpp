//===- TrainingAnalysis.cpp - `training`: Calculon's step, as an Analysis -===//
//
// The bridge between the language and cost::evaluateTraining: the model and
// system are converted whole, the execution field by field (so a search
// re-reads only what a changed domain touched), and Calculon's statistics
// fill the `training_result` record, integers where Calculon computes them
// with integers only (docs/calculon-model.md §17), followed by calcc's own
// (eval/cost/ExtStatKeys.def: parameters, Megatron's FLOP count, MoE).
//
//===----------------------------------------------------------------------===//
#include "eval/AnalysisList.h"
#include "eval/CostInputs.h"
#include "eval/cost/Training.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

enum Input : unsigned { ModelInput, SystemInput, ExecutionInput };

/// The names of the execution fields, in executionFields() order.
llvm::ArrayRef<const char *> executionFieldNames() {
  static const std::vector<const char *> names = [] {
    std::vector<const char *> out;
    for (const ExecutionField &f : executionFields())
      out.push_back(f.name);
    return out;
  }();
  return names;
}

class TrainingRun final : public AnalysisRun {
public:
  bool convert(unsigned input, FieldReader &r, Instance *entity) override {
    if (input == ModelInput)
      model = toCostModel(r, entity);
    else if (input == SystemInput)
      system = toCostSystem(r, entity);
    else
      exe = toCostExecution(r, entity);
    return r.ok;
  }
  void setField(unsigned, unsigned field, const Value &value) override {
    executionFields()[field].set(exe, value);
  }
  cost::EvalStatus checkInput(unsigned input) override {
    return input == SystemInput ? cost::checkSystem(system) : cost::EvalStatus();
  }
  cost::EvalStatus evaluate() override {
    return cost::evaluateTraining(model, system, exe, ws, stats);
  }
  double stat(unsigned k) const override {
    if (k >= cost::NumStats) // calcc's own, after Calculon's 96.
      return stats[cost::ExtStat(k - cost::NumStats)];
    cost::Stat st = cost::Stat(k);
    // Calculon writes this one as null in inference; a record reads 0.
    if (st == cost::Stat::ActCheckpointSizeWithOffload &&
        stats.checkpointWithOffloadIsNull)
      return 0;
    return stats[st];
  }
  void fillResult(const Schema *rs, llvm::MutableArrayRef<Value> values,
                  bool exactTypes) override;

private:
  cost::Model model;
  cost::System system;
  cost::Execution exe;
  cost::Workspace ws;
  cost::Stats stats;
};

void TrainingRun::fillResult(const Schema *rs,
                             llvm::MutableArrayRef<Value> values,
                             bool exactTypes) {
  cost::StatTypes types;
  if (exactTypes)
    cost::statTypes(model, system, exe, ws, types);
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    int slot = rs->lookup(cost::statKey(cost::Stat(i)));
    if (slot < 0 || unsigned(slot) >= values.size())
      continue;
    values[slot] =
        statValue(rs->fields[slot], stat(i), exactTypes && types.isInt[i]);
  }
  for (unsigned i = 0; i < cost::NumExtStats; ++i) {
    int slot = rs->lookup(cost::extStatKey(cost::ExtStat(i)));
    if (slot < 0 || unsigned(slot) >= values.size())
      continue;
    values[slot] = statValue(rs->fields[slot], stat(cost::NumStats + i),
                             rs->fields[slot].isInt);
  }
}

class Training final : public Analysis {
public:
  llvm::StringRef name() const override { return "training"; }
  llvm::ArrayRef<AnalysisInput> inputs() const override {
    static const AnalysisInput list[] = {
        {"model", {}}, {"system", {}}, {"execution", executionFieldNames()}};
    return list;
  }
  llvm::ArrayRef<llvm::StringRef> statKeys() const override {
    static const std::vector<llvm::StringRef> keys = [] {
      std::vector<llvm::StringRef> out;
      for (unsigned i = 0; i < cost::NumStats; ++i)
        out.push_back(cost::statKey(cost::Stat(i)));
      for (unsigned i = 0; i < cost::NumExtStats; ++i)
        out.push_back(cost::extStatKey(cost::ExtStat(i)));
      return out;
    }();
    return keys;
  }
  std::unique_ptr<AnalysisRun> makeRun() const override {
    return std::make_unique<TrainingRun>();
  }
};

} // namespace

const Analysis &eval::trainingAnalysis() {
  static const Training training;
  return training;
}
