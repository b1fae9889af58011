//===- BlockBuilder.h - The layer list of one transformer block -----------===//
//
// Builds the ordered layers of docs/calculon-model.md §4 (24 layers without TP
// overlap, 17/20 with it) for a model and execution, plus the GQA, SwiGLU,
// mixture-of-experts and latent-attention generalisations of docs/model.md.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BLOCKBUILDER_H
#define CALC_EVAL_COST_BLOCKBUILDER_H

#include "eval/cost/Execution.h"
#include "eval/cost/Layers.h"
#include "eval/cost/Model.h"

#include "llvm/ADT/SmallVector.h"

namespace calc::cost {

/// Replaces `layers` with the layers of one dense block.
void buildBlock(const Model &model, const Execution &exe,
                llvm::SmallVectorImpl<Layer> &layers);

/// Appends the layers of one block of `type` to `layers`: the attention
/// half (latent attention for an MLA model) and a dense or
/// mixture-of-experts MLP half.
void appendBlock(const Model &model, const Execution &exe, BlockType type,
                 llvm::SmallVectorImpl<Layer> &layers);

/// The busiest rank's expert load over the balanced mean: the execution's
/// expert_imbalance, capped by the model's capacity factor when it drops
/// tokens (docs/model.md, "Mixture of experts").
double expertLoad(const Model &model, const Execution &exe);

/// K/V projection width per TP rank: ceil(kvHeads/t)*d. Equals Calculon's
/// floor(a*d/t) for multi-head (a mod t = 0) and d for multi-query.
int64_t kvWidthPerRank(const Model &model, int64_t tensorPar);

} // namespace calc::cost

#endif
