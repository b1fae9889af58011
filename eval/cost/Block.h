//===- Block.h - One block, one microbatch: sums over its layers ----------===//
//
// The accumulators of calculon-model.md §7, visited in layer order (the
// summation order, §17), including the recompute running-sum quirk.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BLOCK_H
#define CALC_EVAL_COST_BLOCK_H

#include "eval/cost/Layers.h"

#include "llvm/ADT/ArrayRef.h"

namespace calc::cost {

/// Totals of one stage over a block.
struct StageTotals {
  double flops = 0, flopsTime = 0, bytes = 0, memTime = 0, time = 0;
};

/// Everything the batch level needs from one block.
struct BlockTotals {
  StageTotals fw, re, ag, wg, op;
  double tpFwSize[2] = {}, tpFwTime[2] = {}, tpFwExposed[2] = {};
  double tpAgSize[2] = {}, tpAgTime[2] = {}, tpAgExposed[2] = {};
  double recommSize[2] = {}, recommTime[2] = {}, recommExposed[2] = {};
  double tpReqBw = 0;
  // Memory, bytes (§7 "Memory (per block)").
  double weight = 0, actWork = 0, actStore = 0;
  double weightGrad = 0, weightGradFull = 0, actGrad = 0, optimizer = 0;
};

/// Sums the layers' costs. `training` adds recompute, recomm, the backward
/// stages and the training-only memory; `fullRecompute` zeroes the stored
/// activations afterwards.
void sumBlock(llvm::ArrayRef<Layer> layers, llvm::ArrayRef<LayerCost> costs,
              bool training, bool fullRecompute, BlockTotals &out);

} // namespace calc::cost

#endif
