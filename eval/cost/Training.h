//===- Training.h - Evaluate one (model, system, execution) ---------------===//
//
// The entry points of the cost library. evaluateTraining() reproduces
// Calculon's `llm` (training or inference, by Execution::training) bit for
// bit (docs/calculon-model.md §17); it allocates nothing beyond the Workspace,
// which a search thread reuses for millions of candidates.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_TRAINING_H
#define CALC_EVAL_COST_TRAINING_H

#include "eval/cost/EvalStatus.h"
#include "eval/cost/Execution.h"
#include "eval/cost/Layers.h"
#include "eval/cost/Model.h"
#include "eval/cost/Parameters.h"
#include "eval/cost/Stats.h"
#include "eval/cost/System.h"

#include "llvm/ADT/SmallVector.h"

#include <array>

namespace calc::cost {

/// Scratch space of one evaluation: the block's layers and their costs. It
/// also holds the last evaluation's per-layer data for layerStats(). Reuse
/// one per thread; the inline capacity covers every block shape, so the hot
/// path never touches the heap.
struct Workspace {
  llvm::SmallVector<Layer, 32> layers;
  llvm::SmallVector<LayerCost, 32> costs;
  /// The blocks in `layers`: block i is layers [kindBegin(i), kindEnd[i])
  /// of type kindType[i]. A dense model has one; a mixture-of-experts model
  /// with leading dense blocks has a dense and a MoE block.
  unsigned numKinds = 1;
  BlockType kindType[2] = {BlockType::Dense, BlockType::Moe};
  size_t kindEnd[2] = {0, 0};
  size_t kindBegin(unsigned i) const { return i ? kindEnd[i - 1] : 0; }
  /// Model-level figures (parameters, FLOP count) of `figuresModel`,
  /// recomputed only when an evaluation's model differs.
  Model figuresModel;
  ModelFigures figures;
  bool figuresValid = false;
  /// Set by a failed efficiency lookup (check #29): first failure wins.
  bool lookupFailed = false;
  EfficiencyKind lookupKind = EfficiencyKind::Matrix;
  double lookupValue = 0;
};

/// Checks a system on its own (§2.4 #15): engine, memory and network values.
EvalStatus checkSystem(const System &system);

/// Every check that needs no evaluation, in Calculon's order: the model
/// shape, the execution constructor (#2–#14), then compile (#16–#25).
/// evaluateTraining() runs it first; a search may call it to prune.
EvalStatus checkExecution(const Model &model, const System &system,
                          const Execution &exe);

/// Evaluates one execution. On success fills `stats` and leaves the blocks'
/// layers and costs in `ws` (see layerStats); on failure returns the failed
/// check and `stats` is unspecified. Does not run checkSystem(). A
/// mixture-of-experts model is costed on the processor whose stage holds
/// the most work (docs/model.md, "Stages of mixed blocks").
EvalStatus evaluateTraining(const Model &model, const System &system,
                            const Execution &exe, Workspace &ws, Stats &stats);

/// Calculon's JSON number types (int or float) of an evaluation's
/// statistics, so output can write `0` or `0.0` as Calculon does (§17).
struct StatTypes {
  bool isInt[NumStats + NumExtStats] = {};
  /// Per layer, per LayerStat.
  llvm::SmallVector<std::array<bool, NumLayerStats>, 32> layerIsInt;
};

/// Re-runs the last successful evaluation in `ws` tracking Python's
/// int/float typing (docs/calculon-model.md §17). Output only, not for the hot
/// path: about the cost of one evaluation.
void statTypes(const Model &model, const System &system, const Execution &exe,
               const Workspace &ws, StatTypes &types);

/// The per-layer statistics of the last successful evaluation in `ws`
/// (Calculon `llm -l`, §10.2), one record per layer of one block (of each
/// block type, dense first, for a MoE model with leading dense blocks).
void layerStats(const Workspace &ws, llvm::SmallVectorImpl<LayerStats> &out);

} // namespace calc::cost

#endif
