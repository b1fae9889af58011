//===- StepSum.h - Exact sums of decode step times over the context -------===//
//
// A static batch decodes S_out − 1 steps whose attention grows by one token
// of context per step. Summing them one by one costs thousands of table
// lookups per evaluation; instead the context range is cut where an
// efficiency table changes step, and inside each piece every time is an
// affine function of the context, or a maximum of a few (roofline, the
// pipeline's round), whose sum over integers has a closed form
// (docs/model.md, "Generation", decode sum).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_STEPSUM_H
#define CALC_EVAL_COST_STEPSUM_H

#include "eval/cost/GenerationModel.h"

#include <cstdint>

namespace calc::cost::gen {

/// c0 + c1·x.
struct Line {
  double c0 = 0, c1 = 0;
  double at(double x) const { return c0 + c1 * x; }
};

/// Σ_{x=lo}^{hi} max_i lines[i](x) over the integers x, exactly: walks the
/// upper envelope (at most n − 1 changes of line).
double sumEnvelope(const Line *lines, unsigned n, int64_t lo, int64_t hi);

/// Totals over a range of decode steps.
struct StepSums {
  double rounds = 0;  ///< Σ_c max_i (λ_i·a(c) + μ_i)
  double compute = 0; ///< Σ_c of the attention op's flop time
  double memory = 0;  ///< Σ_c of its memory time
  double flops = 0, bytes = 0;
};

/// Most lines a round may have (see sumDecodeSteps).
constexpr unsigned MaxRoundLines = 6;

/// For contexts c = lo..hi: a(c) is the time of the attention op `op` (on
/// the matrix engine and mem1, combined by the processing mode) and a step
/// takes max_i (round[i].c1·a(c) + round[i].c0). Exact for any efficiency
/// tables: pieces end where a table lookup would change.
StepSums sumDecodeSteps(const Machine &mc, const AffineOp &op,
                        const Line *round, unsigned n, int64_t lo, int64_t hi);

} // namespace calc::cost::gen

#endif
