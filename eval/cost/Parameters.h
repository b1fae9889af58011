//===- Parameters.h - Parameter count and Megatron's FLOP count -----------===//
//
// Model-level figures that do not depend on the hardware: the parameters of
// a model (Calculon's `llm-parameter-calculator` formula, docs/calculon-model.md
// §13.1, generalised to grouped-query attention, SwiGLU, a vocabulary,
// mixtures of experts and latent attention) and the FLOP count of one
// training iteration as Megatron-LM reports it (docs/model.md, "Statistics
// beyond Calculon's").
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_PARAMETERS_H
#define CALC_EVAL_COST_PARAMETERS_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"

namespace calc::cost {

/// Parameters of a model: all of them, and those one token uses (the routed
/// experts it is not sent to excluded). Equal for a dense model.
struct ParameterCount {
  double total = 0;
  double active = 0;
};

/// Counts exactly in 64-bit integers, or in doubles if that overflows.
ParameterCount countParameters(const Model &model);

/// Megatron-LM's num_floating_point_operations for one iteration of
/// `exe.batchSize` sequences: 3 passes x 2 flop per multiply-add of every
/// matmul weight a token uses (router and norms excluded), of the
/// attention scores and values (not halved for causality), and of the
/// logits when the model has a vocabulary.
double modelFlops(const Model &model, const Execution &exe);

/// modelFlops for one sequence: modelFlops = batchSize * this.
double modelFlopsPerSequence(const Model &model);

/// The model-level figures an evaluation reports, computed once per model.
struct ModelFigures {
  ParameterCount params;
  double flopsPerSequence = 0;
};
ModelFigures modelFigures(const Model &model);

} // namespace calc::cost

#endif
