//===- GenerationAnalysis.cpp - `generation`: serving cost, as an Analysis ===//
//
// The bridge between the language and cost::evaluateGeneration
// (docs/model.md, "Generation"): the model and system are converted whole,
// the serving field by field (a search over batch sizes or layouts re-reads
// only what changed), and the statistics of GenStatKeys.def fill the
// `generation_result` record.
//
//===----------------------------------------------------------------------===//
#include "eval/AnalysisList.h"
#include "eval/CostInputs.h"
#include "eval/cost/Generation.h"
#include "eval/cost/Training.h"
#include "ir/NumberFormat.h"
#include "ir/Units.h"

#include "llvm/ADT/StringSwitch.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

enum Input : unsigned { ModelInput, SystemInput, ServingInput };

cost::WeightType weightTypeOf(llvm::StringRef name) {
  return llvm::StringSwitch<cost::WeightType>(name)
      .Case("int4", cost::WeightType::Int4)
      .Case("int8", cost::WeightType::Int8)
      .Case("float8", cost::WeightType::Float8)
      .Case("bfloat16", cost::WeightType::BFloat16)
      .Case("float32", cost::WeightType::Float32)
      .Default(cost::WeightType::Float16);
}

/// One field of the serving schema and how it sets cost::Serving.
struct ServingField {
  const char *name;
  void (*set)(cost::Serving &, const Value &);
};

const ServingField servingTable[] = {
    {"tensor_par", [](cost::Serving &s, const Value &v) { s.tensorPar = intValue(v); }},
    {"pipeline_par", [](cost::Serving &s, const Value &v) { s.pipelinePar = intValue(v); }},
    {"expert_par", [](cost::Serving &s, const Value &v) { s.expertPar = intValue(v); }},
    {"data_par", [](cost::Serving &s, const Value &v) { s.dataPar = intValue(v); }},
    {"tensor_par_net", [](cost::Serving &s, const Value &v) { s.tensorParNet = int(intValue(v)); }},
    {"pipeline_par_net", [](cost::Serving &s, const Value &v) { s.pipelineParNet = int(intValue(v)); }},
    {"expert_par_net", [](cost::Serving &s, const Value &v) { s.expertParNet = int(intValue(v)); }},
    {"batch_size", [](cost::Serving &s, const Value &v) { s.batchSize = intValue(v); }},
    {"prompt_size", [](cost::Serving &s, const Value &v) { s.promptSize = intValue(v); }},
    {"output_size", [](cost::Serving &s, const Value &v) { s.outputSize = intValue(v); }},
    {"datatype", [](cost::Serving &s, const Value &v) { s.datatype = dataTypeNamed(v.getString()); }},
    {"weight_datatype", [](cost::Serving &s, const Value &v) { s.weightDatatype = weightTypeOf(v.getString()); }},
    {"kv_datatype", [](cost::Serving &s, const Value &v) { s.kvDatatype = dataTypeNamed(v.getString()); }},
    {"mode",
     [](cost::Serving &s, const Value &v) {
       s.mode = v.getString() == "continuous" ? cost::RequestMode::Continuous
                                              : cost::RequestMode::StaticBatch;
     }},
};

llvm::ArrayRef<const char *> servingFieldNames() {
  static const std::vector<const char *> names = [] {
    std::vector<const char *> out;
    for (const ServingField &f : servingTable)
      out.push_back(f.name);
    return out;
  }();
  return names;
}

class GenerationRun final : public AnalysisRun {
public:
  bool convert(unsigned input, FieldReader &r, Instance *entity) override {
    if (input == ModelInput) {
      model = toCostModel(r, entity);
    } else if (input == SystemInput) {
      system = toCostSystem(r, entity);
    } else {
      serving = cost::Serving();
      for (const ServingField &f : servingTable) {
        Value v = r.get(entity, f.name);
        if (!v.isError())
          f.set(serving, v);
      }
    }
    return r.ok;
  }
  void setField(unsigned, unsigned field, const Value &value) override {
    servingTable[field].set(serving, value);
  }
  cost::EvalStatus checkInput(unsigned input) override {
    return input == SystemInput ? cost::checkSystem(system) : cost::EvalStatus();
  }
  cost::EvalStatus evaluate() override {
    return cost::evaluateGeneration(model, system, serving, stats);
  }
  double stat(unsigned k) const override { return stats.values[k]; }
  void fillResult(const Schema *rs, llvm::MutableArrayRef<Value> values,
                  bool exactTypes) override {
    slots.prepare(rs, cost::NumGenStats, [](unsigned i) {
      return cost::genStatKey(cost::GenStat(i));
    });
    // Counts (num_procs, max_batch_size) are int fields.
    for (unsigned i = 0; i < cost::NumGenStats; ++i)
      slots.set(values, i, stats.values[i], slots.isInt(i));
    (void)exactTypes;
  }
  std::string advice(const cost::EvalStatus &status) const override {
    // evaluateGeneration fills the statistics of a plan that does not fit.
    if (status.error != cost::EvalError::Mem1Capacity)
      return "";
    auto gib = ir::parseUnit("GiB");
    auto text = [&](double bytes) {
      return ir::formatInUnit(bytes, *gib, 4);
    };
    std::string held = "mem1 holds weights " +
                       text(stats[cost::GenStat::WeightSpace]) +
                       ", KV cache " +
                       text(stats[cost::GenStat::KvCacheSpace]) +
                       ", activations " + text(stats[cost::GenStat::ActSpace]) +
                       ": " + text(status.x) + " in all, " + text(status.y) +
                       " of capacity\n";
    auto fits = int64_t(stats[cost::GenStat::MaxBatchSize]);
    if (fits < 1)
      return held + "the weights alone do not fit: use more tensor_par or "
             "pipeline_par, or a smaller weight_datatype";
    return held + "at most " + std::to_string(fits) + " sequence" +
           (fits == 1 ? "" : "s") + " of " +
           std::to_string(serving.promptSize + serving.outputSize) +
           " tokens fit (batch_size is " + std::to_string(serving.batchSize) +
           ")";
  }

private:
  ResultSlots slots; ///< The statistics' fields in the result schema.
  cost::Model model;
  cost::System system;
  cost::Serving serving;
  cost::GenerationStats stats;
};

class Generation final : public Analysis {
public:
  llvm::StringRef name() const override { return "generation"; }
  llvm::ArrayRef<AnalysisInput> inputs() const override {
    static const AnalysisInput list[] = {
        {"model", {}}, {"system", {}}, {"serving", servingFieldNames()}};
    return list;
  }
  llvm::ArrayRef<llvm::StringRef> statKeys() const override {
    static const std::vector<llvm::StringRef> keys = [] {
      std::vector<llvm::StringRef> out;
      for (unsigned i = 0; i < cost::NumGenStats; ++i)
        out.push_back(cost::genStatKey(cost::GenStat(i)));
      return out;
    }();
    return keys;
  }
  std::unique_ptr<AnalysisRun> makeRun() const override {
    return std::make_unique<GenerationRun>();
  }
};

} // namespace

const Analysis &eval::generationAnalysis() {
  static const Generation generation;
  return generation;
}
