//===- Block.h - One block, one microbatch: sums over its layers ----------===//
//
// The accumulators of docs/calculon-model.md §7, visited in layer order (the
// summation order, §17), including the recompute running-sum quirk. Over
// the scalar type T (double, or PyNum to track Calculon's int/float types).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BLOCK_H
#define CALC_EVAL_COST_BLOCK_H

#include "eval/cost/Layers.h"

#include "llvm/ADT/ArrayRef.h"

namespace calc::cost {

/// Totals of one stage over a block.
template <class T> struct StageTotalsT {
  T flops = 0, flopsTime = 0, bytes = 0, memTime = 0, time = 0;
};

/// Everything the batch level needs from one block.
template <class T> struct BlockTotalsT {
  StageTotalsT<T> fw, re, ag, wg, op;
  T tpFwSize[2] = {}, tpFwTime[2] = {}, tpFwExposed[2] = {};
  T tpAgSize[2] = {}, tpAgTime[2] = {}, tpAgExposed[2] = {};
  T recommSize[2] = {}, recommTime[2] = {}, recommExposed[2] = {};
  T tpReqBw = 0;
  /// Σ over layers of (agrad + wgrad + optimizer flops), for useful_flops.
  T backwardFlops = 0;
  // Memory, bytes (§7 "Memory (per block)").
  T weight = 0, actWork = 0, actStore = 0;
  T weightGrad = 0, weightGradFull = 0, actGrad = 0, optimizer = 0;
  // Mixture of experts (docs/model.md); zero in a dense block. Link times of
  // the all-to-all and expert-TP comm per stage: fw, agrad, recomm.
  T a2aTime[3] = {}, etpTime[3] = {};
  /// Expert path processing time: fw + recompute + agrad + wgrad.
  T expertTime = 0;
  /// The recomputed layers' own forward flops and memory times, without
  /// Calculon's running-sum quirk (§15.1); only with `exactRecompute`.
  T reOwnFlopsTime = 0, reOwnMemTime = 0;
  /// The routed experts' share of weight, weightGrad, optimizer (bytes).
  T expertWeight = 0, expertWeightGrad = 0, expertOptimizer = 0;
  /// Processing time of the attnCore layers, forward and agrad: what hides
  /// the context-parallel K/V ring.
  T attnCoreTime[2] = {};
};

/// The MoE stage indices of a2aTime/etpTime.
enum MoeStage : unsigned { MoeFw = 0, MoeAg = 1, MoeRe = 2 };

using StageTotals = StageTotalsT<double>;
using BlockTotals = BlockTotalsT<double>;

/// Sums the layers' costs. `training` adds recompute, recomm, the backward
/// stages and the training-only memory; `fullRecompute` zeroes the stored
/// activations afterwards; `exactRecompute` also sums reOwn* (MoE models).
template <class T>
void sumBlock(llvm::ArrayRef<Layer> layers, llvm::ArrayRef<LayerCostT<T>> costs,
              bool training, bool fullRecompute, BlockTotalsT<T> &out,
              bool exactRecompute = false);

/// The mean block of a pipeline stage holding `na` blocks like `a` and `nb`
/// like `b` (docs/model.md, "Stages of mixed blocks"): every total is the
/// count-weighted mean, the required TP bandwidth the larger one.
template <class T>
void meanBlock(const BlockTotalsT<T> &a, int64_t na, const BlockTotalsT<T> &b,
               int64_t nb, BlockTotalsT<T> &out);

} // namespace calc::cost

#endif
