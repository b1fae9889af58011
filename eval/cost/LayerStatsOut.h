//===- LayerStatsOut.h - Per-layer statistics of `llm -l` (§10.2) ---------===//
#ifndef CALC_EVAL_COST_LAYERSTATSOUT_H
#define CALC_EVAL_COST_LAYERSTATSOUT_H

#include "eval/cost/Training.h"

namespace calc::cost {

/// The 47 numeric per-layer statistics of one layer, in LayerStat order.
template <class T>
void fillLayerStats(const Layer &layer, const LayerCostT<T> &cost,
                    T (&out)[NumLayerStats]);

} // namespace calc::cost

#endif
