//===- LayerCost.h - Per-stage cost of one layer --------------------------===//
//
// Turns a Layer (element counts) into a LayerCost (flops, bytes, times, TP
// comm) on given hardware: the formulas of docs/calculon-model.md §5 (ordinary
// layers), §6.1 (TPComm) and §6.2 (overlapped linear), plus the MoE
// communication layers of docs/model.md.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_LAYERCOST_H
#define CALC_EVAL_COST_LAYERCOST_H

#include "eval/cost/Hardware.h"
#include "eval/cost/Layers.h"

namespace calc::cost {

/// What the layer formulas need besides the layer.
struct CostContext {
  Hardware hw;
  int64_t e = 2;      ///< bytes per element
  /// Mixed precision (docs/model.md, "FP8 mixed precision"): the GEMMs with
  /// weights run on `gemmEngine` reading their operands in `em` bytes, the
  /// rest as `e`. Off (`lowGemm` false) when matrix_datatype == datatype.
  bool lowGemm = false;
  const Engine *gemmEngine = nullptr;
  int64_t em = 2;
  int64_t shards = 1; ///< S_o, optimizer sharding factor
  int64_t t = 1;      ///< tensor parallelism
  TpCommType comm = TpCommType::AllReduce;
  bool pipe = false; ///< tensor_par_overlap == pipe
  const Network *tpNet = nullptr;
  /// split(k) of §6: RS/AG instead of AR/identity, per block kind.
  bool split[2] = {false, false};
  // Mixture of experts (read by expert and MoE comm layers only).
  int64_t expertShards = 1;       ///< optimizer sharding over EDP
  int64_t ep = 1, etp = 1;        ///< expert and expert-tensor parallelism
  const Network *epNet = nullptr; ///< the all-to-all's tier
};

/// Fills `cost` for `layer`. All four stages are computed (the per-layer
/// output shows them even in inference). Instantiated for double and PyNum.
template <class T>
void costLayer(const Layer &layer, const CostContext &ctx, LayerCostT<T> &cost);

} // namespace calc::cost

#endif
