//===- TrainingAnalysis.cpp - `training`: Calculon's step, as an Analysis -===//
//
// The bridge between the language and cost::evaluateTraining: the model and
// system are converted whole, the execution field by field (so a search
// re-reads only what a changed domain touched), and Calculon's statistics
// fill the `training_result` record, integers where Calculon computes them
// with integers only (docs/calculon-model.md §17), followed by calcc's own
// (eval/cost/ExtStatKeys.def: parameters, Megatron's FLOP count, MoE) and
// the language's rates (eval/cost/RateStatKeys.def: tokens/s, MFU).
//
//===----------------------------------------------------------------------===//
#include "eval/AnalysisList.h"
#include "eval/CostInputs.h"
#include "eval/Evaluator.h"
#include "eval/cost/Rates.h"
#include "eval/cost/Training.h"
#include "ir/NumberFormat.h"
#include "ir/Units.h"

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
    cost::EvalStatus status =
        cost::evaluateTraining(model, system, exe, ws, stats);
    // A plan that does not fit has complete statistics (allow_overflow).
    if (status.ok() || isOverflow(status))
      cost::trainingRates(model, system, exe, stats, rates);
    return status;
  }
  double stat(unsigned k) const override {
    if (k >= FirstRate) // The language's rates, after calcc's own.
      return rates.values[k - FirstRate];
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
  void fillRecords(Evaluator &ev, const Schema *rs,
                   llvm::MutableArrayRef<Value> values) override;
  std::string advice(const cost::EvalStatus &status) const override;

  static constexpr unsigned FirstRate = cost::NumStats + cost::NumExtStats;

private:
  /// The result schema's fields of Calculon's statistics, calcc's own and
  /// the rates.
  ResultSlots statSlots, extSlots, rateSlots;
  cost::Model model;
  cost::System system;
  cost::Execution exe;
  cost::Workspace ws;
  cost::Stats stats;
  cost::TrainingRates rates;
};

/// What fills the memory tier a rejected plan overflows: Calculon's spaces
/// of one processor (docs/calculon-model.md §9) against the capacity.
std::string TrainingRun::advice(const cost::EvalStatus &status) const {
  if (!isOverflow(status))
    return "";
  auto gib = ir::parseUnit("GiB");
  auto text = [&](double bytes) {
    return ir::formatInUnit(bytes, *gib, 4);
  };
  using cost::Stat;
  bool tier1 = status.error == cost::EvalError::Mem1Capacity;
  bool offload =
      exe.weightOffload || exe.activationsOffload || exe.optimizerOffload;
  std::string spaces =
      "weights " + text(stats[Stat::WeightSpace]) + ", activations " +
      text(stats[Stat::ActSpace]) + ", activation checkpoints " +
      text(stats[Stat::ActCheckpointSize]) + ", activation gradients " +
      text(stats[Stat::ActGradSpace]) + ", weight gradients " +
      text(stats[Stat::WeightGradSpace]) + ", optimizer " +
      text(stats[Stat::OptimizerSpace]);
  // Without offload the six spaces sum to proc_mem_tier1_cap_req; with it
  // the tiers share the offloaded ones.
  std::string out =
      tier1 && !offload
          ? "mem1 holds " + spaces
          : "the plan's spaces are " + spaces + "; with offload " +
                (tier1 ? "mem1" : "mem2") + " holds part of them";
  out += ": " + text(status.x) + " in all, " + text(status.y) +
         " of capacity";
  return out;
}

void TrainingRun::fillResult(const Schema *rs,
                             llvm::MutableArrayRef<Value> values,
                             bool exactTypes) {
  cost::StatTypes types;
  if (exactTypes)
    cost::statTypes(model, system, exe, ws, types);
  statSlots.prepare(rs, cost::NumStats, [](unsigned i) {
    return cost::statKey(cost::Stat(i));
  });
  extSlots.prepare(rs, cost::NumExtStats, [](unsigned i) {
    return cost::extStatKey(cost::ExtStat(i));
  });
  rateSlots.prepare(rs, cost::NumRateStats, [](unsigned i) {
    return cost::rateStatKey(cost::RateStat(i));
  });
  for (unsigned i = 0; i < cost::NumStats; ++i)
    statSlots.set(values, i, stat(i), exactTypes && types.isInt[i]);
  for (unsigned i = 0; i < cost::NumExtStats; ++i)
    extSlots.set(values, i, stat(cost::NumStats + i), extSlots.isInt(i));
  for (unsigned i = 0; i < cost::NumRateStats; ++i)
    rateSlots.set(values, i, rates.values[i], false);
}

/// `layers`: one `layer` record per layer of the block, as `llm -l`.
void TrainingRun::fillRecords(Evaluator &ev, const Schema *rs,
                              llvm::MutableArrayRef<Value> values) {
  int slot = rs->lookup("layers");
  if (slot < 0 || unsigned(slot) >= values.size())
    return;
  const Schema *layer = rs->fields[slot].type.schema;
  if (!layer)
    return;
  llvm::SmallVector<cost::LayerStats, 32> layers;
  cost::layerStats(ws, layers);
  ValueList records;
  for (const cost::LayerStats &l : layers) {
    std::vector<Value> fields(layer->fields.size());
    for (unsigned f = 0; f < layer->fields.size(); ++f) {
      const FieldDecl &decl = layer->fields[f];
      if (decl.name == "name") {
        fields[f] = Value::string(l.name.str());
        continue;
      }
      for (unsigned k = 0; k < cost::NumLayerStats; ++k)
        if (decl.name == cost::layerStatKey(cost::LayerStat(k)))
          fields[f] = statValue(decl, l.values[k], decl.isInt);
    }
    records.push_back(
        Value::makeObject(ev.makeRecord(layer, l.name.str(), std::move(fields))));
  }
  values[slot] = Value::makeList(std::move(records));
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
      for (unsigned i = 0; i < cost::NumRateStats; ++i)
        out.push_back(cost::rateStatKey(cost::RateStat(i)));
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
