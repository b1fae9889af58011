//===- ExecutionSpace.h - Calculon's candidate executions -----------------===//
//
// The candidates of Calculon's `loe` and `lae` (docs/calculon-model.md §11.1–
// §11.2), in Calculon's nesting order, without materialising them. The space
// is a list of outer tasks (t, p, D, v, B, recompute, sharding, comm, and
// for a mixture-of-experts model ETP and EP) built once; each task has a
// mixed-radix block of "groups" (AG redo, DP overlap, TP overlap,
// weight/activation/optimizer offload, fused activation), and each group runs
// its microbatch sizes (ascending) and network tiers. A group is the unit of
// `-m`: everything fixed except b and the nets. A MoE model also ranges over
// its expert layouts (ETP dividing t and the expert width, EP dividing the
// experts, ETP*EP dividing t*D), the all-to-all's network tier, and pipeline
// splits that leave the stages uneven. Groups are numbered globally, so any
// range of them is decoded with one binary search and a few divisions: no
// allocation per candidate.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_SEARCH_EXECUTIONSPACE_H
#define CALC_EVAL_CALCULON_SEARCH_EXECUTIONSPACE_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calc::calculon {

/// The command-line knobs of Calculon's generator.
struct SpaceOptions {
  int64_t numProcs = 1;
  int64_t maxBatch = 1;
  cost::DataType datatype = cost::DataType::Float16;
  /// The `-f` list, in order: [true], [false] or [false, true].
  llvm::SmallVector<bool, 2> fused = {true};
  bool allowTpOverlap = true; ///< false with `--no-tp-overlap`
  bool allowDpOverlap = true; ///< false with `--no-dp-overlap`
  /// expert_imbalance of every candidate of a mixture-of-experts model
  /// (`--expert-imbalance`); not searched.
  double expertImbalance = 1;
};

/// The inner knobs of a task, outermost first (§11.2 step 2).
enum InnerKnob : unsigned {
  KnobAgRedo,
  KnobDpOverlap,
  KnobTpOverlap,
  KnobWeightOffload,
  KnobActOffload,
  KnobOptimOffload,
  KnobFused,
  NumInnerKnobs
};

/// One outer tuple of §11.2 step 1 (one Calculon worker task).
struct SpaceTask {
  int64_t tensorPar = 1, pipelinePar = 1, dataPar = 1, interleaving = 1;
  int64_t batchSize = 1;
  cost::Recompute recompute = cost::Recompute::None;
  bool optimizerSharding = false;
  cost::TpCommType comm = cost::TpCommType::AllReduce;
  /// Expert parallelism and expert TP (1 for a dense model).
  int64_t expertPar = 1, expertTensorPar = 1;
  /// Number of values of each inner knob.
  uint8_t radix[NumInnerKnobs] = {};
  /// Number of tiers each of the TP, PP, DP and EP networks ranges over.
  int nets[4] = {1, 1, 1, 1};
  /// The task's microbatch sizes: ExecutionSpace::microbatchPool slice.
  uint32_t mbBegin = 0, mbCount = 0;
  uint64_t firstGroup = 0, numGroups = 0;
};

/// One group: `exe` has every field but microbatch size and the three
/// network indices, which the caller loops over.
struct SpaceGroup {
  cost::Execution exe;
  llvm::ArrayRef<int64_t> microbatches;
  int numTpNets = 1, numPpNets = 1, numDpNets = 1, numEpNets = 1;
  const SpaceTask *task = nullptr;

  uint64_t netCombinations() const {
    return uint64_t(numTpNets) * numPpNets * numDpNets * numEpNets;
  }
};

/// Calculon's candidate space for one (model, system, options).
class ExecutionSpace {
public:
  /// Builds the task list. Fails with a message if the model or the options
  /// cannot define a space (non-positive sizes).
  static bool build(const cost::Model &model, const cost::System &system,
                    const SpaceOptions &options, ExecutionSpace &space,
                    std::string &error);

  llvm::ArrayRef<SpaceTask> tasks() const { return taskList; }
  uint64_t numGroups() const { return groupCount; }
  /// Every candidate, as `lae` and `loe` without `-m` evaluate them.
  uint64_t numCandidates() const { return candidateCount; }
  /// Decodes global group `index` (< numGroups()).
  void group(uint64_t index, SpaceGroup &out) const;

  /// factors(x): every divisor of x > 0, ascending.
  static void divisors(int64_t x, llvm::SmallVectorImpl<int64_t> &out);

private:
  void addTasks(const cost::Model &model, int64_t t, int64_t p);
  /// (ETP, EP) pairs of a MoE model for t x D attention ranks, ETP
  /// outermost; {(1, 1)} for a dense model.
  void expertLayouts(const cost::Model &model, int64_t t, int64_t D,
                     llvm::SmallVectorImpl<std::pair<int64_t, int64_t>> &out);

  SpaceOptions options;
  bool hasMem2 = false;
  int numNets = 1;
  std::vector<SpaceTask> taskList;
  std::vector<int64_t> microbatchPool;
  uint64_t groupCount = 0, candidateCount = 0;
};

} // namespace calc::calculon

#endif
