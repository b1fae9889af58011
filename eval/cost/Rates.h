//===- Rates.h - Tokens per second and model FLOPs utilisation ------------===//
//
// Figures derived from a finished training step (RateStatKeys.def): the
// tokens processed per second, overall and per processor, and the model
// FLOPs utilisation (MFU) of PaLM (Chowdhery et al. 2022, appendix B):
// the model's own FLOP count per second over the processors' peak matrix
// rate. A few multiplies, no allocation: a search computes them for every
// candidate.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_RATES_H
#define CALC_EVAL_COST_RATES_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/Stats.h"
#include "eval/cost/System.h"

#include "llvm/ADT/StringRef.h"

namespace calc::cost {

/// One derived rate, in RateStatKeys.def order.
enum class RateStat : unsigned {
#define RSTAT(Id, Key, Unit) Id,
#include "eval/cost/RateStatKeys.def"
};
constexpr unsigned NumRateStats = 4;

/// The key ("token_rate", ...) and the unit the language shows.
llvm::StringRef rateStatKey(RateStat s);
llvm::StringRef rateStatUnit(RateStat s);

struct TrainingRates {
  double values[NumRateStats] = {};
  double operator[](RateStat s) const {
    return values[static_cast<unsigned>(s)];
  }
  double &operator[](RateStat s) { return values[static_cast<unsigned>(s)]; }
};

/// The rates of an evaluated step whose statistics are \p stats:
///   token_rate          = sample_rate * seq_size
///   token_rate_per_proc = token_rate / num_procs
///   peak_flops_per_proc = the matrix engine's peak for matrix_datatype
///   mfu = model_flops * passes / (total_time * num_procs * peak),
/// with model_flops Megatron's count (ExtStat::ModelFlops: forward and
/// backward, 6 flop per weight per token plus the attention scores) and
/// passes 1 in training, 1/3 (the forward pass alone) in inference.
/// Recomputation is not model work, so unlike total_efficiency it does not
/// count (MFU, not HFU).
void trainingRates(const Model &model, const System &system,
                   const Execution &exe, const Stats &stats,
                   TrainingRates &out);

} // namespace calc::cost

#endif
