//===- Execution.h - How the model is run on the system -------------------===//
//
// Calculon's 23-field execution (docs/calculon-model.md §2.2) as a plain
// struct. `attention_type` is not here: it is the model's kvHeads.
// String-valued knobs are enums, so only validity across fields is left to
// check (checkExecution in Training.h).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_EXECUTION_H
#define CALC_EVAL_COST_EXECUTION_H

#include "eval/cost/System.h"

#include <cstdint>

namespace calc::cost {

/// Activation recomputation (`activation_recompute`).
enum class Recompute : uint8_t { None, AttnOnly, Full };

/// Tensor-parallel communication (`tensor_par_comm_type`).
enum class TpCommType : uint8_t {
  AllReduce, ///< `ar`: Megatron all-reduce
  P2pRsAg,   ///< `p2p_rs_ag`: AR inside a chunk, RS/AG at pipeline edges
  RsAg       ///< `rs_ag`: sequence parallelism
};

/// Tiled overlap of TP comm with the matmuls (`tensor_par_overlap`).
enum class TpOverlap : uint8_t { None, Ring, Pipe };

/// One execution strategy.
struct Execution {
  int64_t numProcs = 1;    ///< N_p
  int64_t tensorPar = 1;   ///< t
  int64_t pipelinePar = 1; ///< p
  int64_t dataPar = 1;     ///< D
  int tensorParNet = 0;    ///< network tier index (negative: from the end)
  int pipelineParNet = 0;
  int dataParNet = 0;
  int64_t batchSize = 1;      ///< B, global batch in samples
  int64_t microbatchSize = 1; ///< b
  DataType datatype = DataType::Float16;
  /// The GEMMs' datatype (`matrix_datatype`; docs/model.md, "FP8 mixed
  /// precision"). Equal to `datatype` (Calculon's model) unless set.
  DataType matrixDatatype = DataType::Float16;
  /// Attention as one fused kernel that keeps its scores on chip
  /// (`flash_attention`; docs/model.md, "Flash attention").
  bool flashAttention = false;
  bool fusedActivation = false;
  Recompute activationRecompute = Recompute::None;
  int64_t pipelineInterleaving = 1; ///< v, model chunks per processor
  bool optimizerSharding = false;
  TpCommType tensorParCommType = TpCommType::AllReduce;
  TpOverlap tensorParOverlap = TpOverlap::None;
  bool seqParAgRedo = false;
  bool dataParOverlap = false;
  bool weightOffload = false;
  bool activationsOffload = false;
  bool optimizerOffload = false;
  bool training = true;

  // Expert parallelism (docs/model.md, "Parallel folding"): expert layers
  // run over ETP x EP x EDP on the same processors as attention's TP x DP,
  // so tensorPar * dataPar * contextPar == expertTensorPar * expertPar *
  // expertDataPar.
  // Read only for MoE models.
  int64_t expertPar = 1;       ///< EP, experts split over EP ranks
  int64_t expertTensorPar = 1; ///< ETP, each expert's GEMMs split this way
  int expertParNet = 0;        ///< network tier of the all-to-all
  /// Busiest expert's tokens over the mean (1: balanced routing).
  double expertImbalance = 1;

  // Context parallelism (docs/model.md, "Context parallelism"): each
  // sequence split over CP ranks, which count in num_procs and reduce the
  // gradients with the data-parallel ranks.
  int64_t contextPar = 1; ///< CP
  int contextParNet = 0;  ///< network tier of the K/V ring

  /// EDP, derived: the data-parallel degree of the expert weights.
  int64_t expertDataPar() const {
    return tensorPar * dataPar * contextPar / (expertTensorPar * expertPar);
  }
};

} // namespace calc::cost

#endif
