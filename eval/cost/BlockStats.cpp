//===- BlockStats.cpp - The per-block statistics (§10.1, first 63 keys) ---===//
#include "eval/cost/Batch.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

namespace {

template <class T>
void stageStats(StatsT<T> &s, Stat first, const StageTotalsT<T> &t) {
  unsigned i = static_cast<unsigned>(first);
  s.values[i] = t.flops;
  s.values[i + 1] = t.flopsTime;
  s.values[i + 2] = t.bytes;
  s.values[i + 3] = t.memTime;
  s.values[i + 4] = t.time;
}

template <class T>
void pairStats(StatsT<T> &s, Stat base, const T (&values)[2]) {
  unsigned i = static_cast<unsigned>(base);
  s.values[i] = values[Base];
  s.values[i + 1] = values[Edge];
}

} // namespace

template <class T>
void calc::cost::blockStats(const BlockTotalsT<T> &b, const Geometry &g,
                            StatsT<T> &s) {
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
  s[Stat::BlockFwPpSize] = T(g.ppSize);
  s[Stat::BlockBwPpSize] = g.training ? T(g.ppSize) : T(0);
  s[Stat::TpBwOverlapReq] = b.tpReqBw;
  s[Stat::BlockWeightSpace] = b.weight;
  s[Stat::BlockActWorkingSpace] = b.actWork;
  s[Stat::BlockActStorageSpace] = b.actStore;
  s[Stat::BlockActCheckpointSize] = T(g.checkpoint);
  s[Stat::BlockWeightGradSpace] = b.weightGrad;
  s[Stat::BlockWeightGradSpaceNoSharding] = b.weightGradFull;
  s[Stat::BlockActGradSpace] = b.actGrad;
  s[Stat::BlockOptimizerSpace] = b.optimizer;
}

template void calc::cost::blockStats<double>(const BlockTotalsT<double> &,
                                             const Geometry &,
                                             StatsT<double> &);
template void calc::cost::blockStats<PyNum>(const BlockTotalsT<PyNum> &,
                                            const Geometry &, StatsT<PyNum> &);
