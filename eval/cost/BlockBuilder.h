//===- BlockBuilder.h - The layer list of one transformer block -----------===//
//
// Builds the ordered layers of docs/calculon-model.md §4 (24 layers without TP
// overlap, 17/20 with it) for a model and execution, plus the GQA and SwiGLU
// generalisations of docs/model.md.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BLOCKBUILDER_H
#define CALC_EVAL_COST_BLOCKBUILDER_H

#include "eval/cost/Execution.h"
#include "eval/cost/Layers.h"
#include "eval/cost/Model.h"

#include "llvm/ADT/SmallVector.h"

namespace calc::cost {

/// Appends the layers of one block to `layers` (which is cleared first).
void buildBlock(const Model &model, const Execution &exe,
                llvm::SmallVectorImpl<Layer> &layers);

/// K/V projection width per TP rank: ceil(kvHeads/t)*d. Equals Calculon's
/// floor(a*d/t) for multi-head (a mod t = 0) and d for multi-query.
int64_t kvWidthPerRank(const Model &model, int64_t tensorPar);

} // namespace calc::cost

#endif
