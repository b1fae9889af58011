//===- Batch.h - From one block to one training iteration -----------------===//
//
// The batch-level model of calculon-model.md §8 (pipeline geometry, compute,
// TP/PP/DP comm, offload, bubble, totals) and the memory of §9, written
// into the Stats array.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BATCH_H
#define CALC_EVAL_COST_BATCH_H

#include "eval/cost/Block.h"
#include "eval/cost/Hardware.h"
#include "eval/cost/Stats.h"

namespace calc::cost {

/// Pipeline geometry and the per-block sizes the batch level needs.
struct Geometry {
  int64_t p = 1, v = 1, D = 1;
  int64_t Lp = 1;    ///< blocks on processor 0, ceil(L/p)
  int64_t Rb = 0;    ///< missing blocks on later stages
  int64_t c = 1;     ///< blocks per chunk
  int64_t n = 1;     ///< microbatches per batch per pipeline
  int64_t B = 1;     ///< global batch
  bool training = true;
  bool fullRecompute = false;
  double checkpoint = 0; ///< CK_blk, bytes
  double ppSize = 0;     ///< S_pp, bytes per pipeline send
};

/// The intermediate per-block wall times shared by §8.5, §8.6 and §8.8.
struct BlockTimes {
  double fw0[2] = {}, bw0[2] = {}; ///< before offload overhead, base/edge
  double fw[2] = {}, bw[2] = {};   ///< with offload overhead
  double ovhFw[2] = {}, ovhBw[2] = {};
  double ppFw = 0, ppBw = 0;       ///< one pipeline send, fw / bw
  double actOffload = 0, fwOffloadSize = 0, bwOffloadSize = 0;
};

/// Writes the block-level statistics (the first 63 keys, §10.1).
void blockStats(const BlockTotals &b, const Geometry &g, Stats &stats);

/// Computes §8.2–§8.8 into `stats`. `dpNet`, `ppNet`, `tpNet` are the raw
/// execution indices (Calculon compares those, quirk §15.5).
void batchTimes(const BlockTotals &b, const Geometry &g, const Hardware &hw,
                const System &sys, const Execution &exe, Stats &stats);

/// Computes §9 into `stats` (memory spaces and tier requirements).
void batchMemory(const BlockTotals &b, const Geometry &g,
                 const Execution &exe, Stats &stats);

} // namespace calc::cost

#endif
