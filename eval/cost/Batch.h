//===- Batch.h - From one block to one training iteration -----------------===//
//
// The batch-level model of docs/calculon-model.md §8 (pipeline geometry,
// compute, TP/PP/DP comm, offload, bubble, totals) and the memory of §9,
// written into the statistics. Templates over the scalar type T (double, or
// PyNum to track Calculon's int/float typing); instantiated for both.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BATCH_H
#define CALC_EVAL_COST_BATCH_H

#include "eval/cost/Block.h"
#include "eval/cost/Hardware.h"
#include "eval/cost/Model.h"
#include "eval/cost/Parameters.h"
#include "eval/cost/Stats.h"

namespace calc::cost {

/// Pipeline geometry and the per-block sizes the batch level needs.
struct Geometry {
  int64_t p = 1, v = 1, D = 1;
  int64_t Lp = 1; ///< blocks on processor 0, ceil(L/p)
  int64_t Rb = 0; ///< missing blocks on later stages
  int64_t c = 1;  ///< blocks per chunk
  int64_t n = 1;  ///< microbatches per batch per pipeline
  int64_t B = 1;  ///< global batch
  bool training = true;
  bool fullRecompute = false;
  int64_t checkpoint = 0; ///< CK_blk, bytes
  int64_t ppSize = 0;     ///< S_pp, bytes per pipeline send
  // Mixture of experts: only when `moe` are the MoE terms evaluated, so a
  // dense model runs exactly Calculon's operations.
  bool moe = false;
  int64_t moeBlocks = 0; ///< MoE blocks on the costed processor
  int64_t edp = 1;       ///< expert data parallelism (EDP)
  // Context parallelism: D above is the gradient-reduction group, DP x CP.
  int64_t cp = 1;         ///< context_par
  double cpChunkBytes = 0; ///< one ring step's K and V, bytes
};

/// The exposed MoE comm of one block (never overlapped, docs/model.md):
/// forward, and backward with the recomputed forward exchange.
template <class T> T moeFwComm(const BlockTotalsT<T> &b) {
  return b.a2aTime[MoeFw] + b.etpTime[MoeFw];
}
template <class T> T moeBwComm(const BlockTotalsT<T> &b) {
  return b.a2aTime[MoeAg] + b.etpTime[MoeAg] +
         (b.a2aTime[MoeRe] + b.etpTime[MoeRe]);
}

/// The intermediate per-block wall times shared by §8.5, §8.6 and §8.8.
template <class T> struct BlockTimesT {
  T fw0[2] = {}, bw0[2] = {}; ///< before offload overhead, base/edge
  T fw[2] = {}, bw[2] = {};   ///< with offload overhead
  T ovhFw[2] = {}, ovhBw[2] = {};
  T ppFw = 0, ppBw = 0; ///< one pipeline send, fw / bw
  T actOffload = 0, fwOffloadSize = 0, bwOffloadSize = 0;
};
using BlockTimes = BlockTimesT<double>;

/// §8.6: data-parallel communication.
template <class T> struct DpResultT {
  T exposed = 0, link = 0, reqChunk = 0, reqTail = 0;
  T size = 0;       ///< S_dp, bytes per block (the non-expert weights)
  T expertLink = 0; ///< link time of the expert weights' reduction (EDP)
};
using DpResult = DpResultT<double>;

/// §8.4/§8.5: pipeline sends, offload sizes and per-block wall times.
template <class T>
void blockTimes(const BlockTotalsT<T> &b, const Geometry &g, const Hardware &hw,
                const Network &ppNet, const Execution &exe, BlockTimesT<T> &bt);

/// §8.5: the (interleaved) 1F1B bubble.
template <class T> T bubble(const Geometry &g, const BlockTimesT<T> &bt);

/// §8.6, with the raw execution network indices (Calculon compares those,
/// quirk §15.5) and the resolved DP tier.
template <class T>
DpResultT<T> dataParallel(const BlockTotalsT<T> &b, const Geometry &g,
                          const BlockTimesT<T> &bt, const System &sys,
                          const Execution &exe, int dpNetIndex);

/// Writes the block-level statistics (the first 63 keys, §10.1).
template <class T>
void blockStats(const BlockTotalsT<T> &b, const Geometry &g, StatsT<T> &s);

/// Computes §8.2–§8.8 into `s`.
template <class T>
void batchTimes(const BlockTotalsT<T> &b, const Geometry &g, const Hardware &hw,
                const System &sys, const Execution &exe, StatsT<T> &s,
                DpResultT<T> &dp);

/// calcc's statistics beyond Calculon's (ExtStatKeys.def) into `s`, after
/// batchTimes and batchMemory: model size and FLOP count, and for MoE
/// models the expert comm, compute and memory.
template <class T>
void extStats(const BlockTotalsT<T> &b, const Geometry &g, const Model &model,
              const ModelFigures &figures, const Execution &exe,
              const DpResultT<T> &dp, StatsT<T> &s);

/// Computes §9 into `s` (memory spaces and tier requirements).
template <class T>
void batchMemory(const BlockTotalsT<T> &b, const Geometry &g,
                 const Execution &exe, StatsT<T> &s);

} // namespace calc::cost

#endif
