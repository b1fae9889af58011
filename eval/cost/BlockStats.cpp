//===- BlockStats.cpp - The per-block statistics (§10.1, first 63 keys) ---===//
#include "eval/cost/Batch.h"

using namespace calc::cost;

static void stageStats(Stats &s, Stat first, const StageTotals &t) {
  unsigned i = static_cast<unsigned>(first);
  s.values[i] = t.flops;
  s.values[i + 1] = t.flopsTime;
  s.values[i + 2] = t.bytes;
  s.values[i + 3] = t.memTime;
  s.values[i + 4] = t.time;
}

static void pairStats(Stats &s, Stat base, const double (&values)[2]) {
  unsigned i = static_cast<unsigned>(base);
  s.values[i] = values[Base];
  s.values[i + 1] = values[Edge];
}

void calc::cost::blockStats(const BlockTotals &b, const Geometry &g,
                            Stats &s) {
  stageStats(s, Stat::BlockFwFlops, b.fw);
  pairStats(s, Stat::BaseblockFwTpTime, b.tpFwTime);
  pairStats(s, Stat::BaseblockFwTpTimeExposed, b.tpFwExposed);
  stageStats(s, Stat::BlockReFlops, b.re);
  pairStats(s, Stat::BaseblockRecommTime, b.recommTime);
  pairStats(s, Stat::BaseblockRecommTimeExposed, b.recommExposed);
  stageStats(s, Stat::BlockAgradFlops, b.ag);
  pairStats(s, Stat::BaseblockAgradTpTime, b.tpAgTime);
  pairStats(s, Stat::BaseblockAgradTpTimeExposed, b.tpAgExposed);
  stageStats(s, Stat::BlockWgradFlops, b.wg);
  stageStats(s, Stat::BlockOptimFlops, b.op);
  pairStats(s, Stat::BaseblockFwTpSize, b.tpFwSize);
  pairStats(s, Stat::BaseblockBwTpSize, b.tpAgSize);
  pairStats(s, Stat::BaseblockRecommSize, b.recommSize);
  s[Stat::BlockFwPpSize] = g.ppSize;
  s[Stat::BlockBwPpSize] = g.training ? g.ppSize : 0;
  s[Stat::TpBwOverlapReq] = b.tpReqBw;
  s[Stat::BlockWeightSpace] = b.weight;
  s[Stat::BlockActWorkingSpace] = b.actWork;
  s[Stat::BlockActStorageSpace] = b.actStore;
  s[Stat::BlockActCheckpointSize] = g.checkpoint;
  s[Stat::BlockWeightGradSpace] = b.weightGrad;
  s[Stat::BlockWeightGradSpaceNoSharding] = b.weightGradFull;
  s[Stat::BlockActGradSpace] = b.actGrad;
  s[Stat::BlockOptimizerSpace] = b.optimizer;
}
