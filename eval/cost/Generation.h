//===- Generation.h - Cost of autoregressive generation (serving) ---------===//
//
// The generation analysis: prefill of the prompts, then decode one token per
// sequence per step with the KV cache growing, on one replica laid out by a
// Serving (docs/model.md, "Generation"). Like evaluateTraining, it allocates
// nothing and builds no strings: a failure is an EvalStatus, the results a
// flat array indexed by GenStat.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_GENERATION_H
#define CALC_EVAL_COST_GENERATION_H

#include "eval/cost/EvalStatus.h"
#include "eval/cost/Model.h"
#include "eval/cost/Serving.h"
#include "eval/cost/System.h"

#include "llvm/ADT/StringRef.h"

namespace calc::cost {

/// One statistic of the generation analysis (GenStatKeys.def order).
enum class GenStat : unsigned {
#define GSTAT(Id, Key, Unit) Id,
#include "eval/cost/GenStatKeys.def"
};
constexpr unsigned NumGenStats =
    static_cast<unsigned>(GenStat::DecodeExpertsTouched) + 1;

/// The output key of a statistic ("ttft", ...).
llvm::StringRef genStatKey(GenStat s);
/// The unit text it is shown in ("s", "B", "token/s", "flop", "1").
llvm::StringRef genStatUnit(GenStat s);

/// The results of one generation evaluation, SI values.
struct GenerationStats {
  double values[NumGenStats] = {};

  double &operator[](GenStat s) { return values[static_cast<unsigned>(s)]; }
  double operator[](GenStat s) const {
    return values[static_cast<unsigned>(s)];
  }
};

/// Every check that needs no evaluation: the model fields generation reads,
/// the serving degrees and sizes, network indices and tier sizes, engines
/// for the compute datatype, and the TP/EP divisibility rules.
EvalStatus checkServing(const Model &model, const System &system,
                        const Serving &serving);

/// Evaluates one deployment: runs checkServing, then the model, then the
/// tier-1 capacity check (Mem1Capacity, x = needed, y = capacity). On a
/// Mem1Capacity failure `stats` holds the plan's statistics (what did not
/// fit); on any other failure it is unspecified. Does not run
/// checkSystem().
EvalStatus evaluateGeneration(const Model &model, const System &system,
                              const Serving &serving, GenerationStats &stats);

/// Expected distinct experts that `tokens` tokens reach when each picks
/// topK of `experts` uniformly: E·(1 − (1 − k/E)^N).
double expectedExpertsTouched(double experts, double topK, double tokens);

} // namespace calc::cost

#endif
