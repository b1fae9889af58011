//===- ExtStats.cpp - Statistics beyond Calculon's 96 ---------------------===//
//
// ExtStatKeys.def, from the stage's mean block (docs/model.md): model size
// and Megatron's FLOP count for every model, and for mixture-of-experts
// models the all-to-all and expert-TP comm, the expert compute, the expert
// gradients' reduction and the expert memory of the costed processor.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Batch.h"
#include "eval/cost/Parameters.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

template <class T>
void calc::cost::extStats(const BlockTotalsT<T> &b, const Geometry &g,
                          const Model &model, const ModelFigures &figures,
                          const Execution &exe, const DpResultT<T> &dp,
                          StatsT<T> &s) {
  s[ExtStat::TotalParams] = asInt<T>(figures.params.total);
  s[ExtStat::ActiveParams] = asInt<T>(figures.params.active);
  s[ExtStat::ModelFlops] =
      T(double(exe.batchSize) * figures.flopsPerSequence);
  s[ExtStat::ModelFlopsPerProc] =
      s[ExtStat::ModelFlops] / (s[Stat::TotalTime] * T(exe.numProcs));
  if (!g.moe)
    return;
  T K = T(g.Lp * g.n), Lp = T(g.Lp);
  s[ExtStat::MoeBlocksPerProc] = T(g.moeBlocks);
  T a2a = K * (b.a2aTime[MoeFw] + b.a2aTime[MoeAg] + b.a2aTime[MoeRe]);
  s[ExtStat::MoeA2aTime] = a2a;
  s[ExtStat::MoeA2aExposedTime] = a2a; // never overlapped
  s[ExtStat::MoeEtpCommTime] =
      K * (b.etpTime[MoeFw] + b.etpTime[MoeAg] + b.etpTime[MoeRe]);
  s[ExtStat::ExpertComputeTime] = K * b.expertTime;
  s[ExtStat::ExpertDpCommTime] = dp.expertLink;
  // The busiest expert's share of assignments beyond its capacity.
  double cf = model.capacityFactor, gamma = exe.expertImbalance;
  s[ExtStat::MoeTokensDropped] =
      cf > 0 && gamma > cf ? T(1.0 - cf / gamma) : T(0.0);
  s[ExtStat::ExpertWeightSpace] = Lp * b.expertWeight;
  s[ExtStat::ExpertWeightGradSpace] = Lp * b.expertWeightGrad;
  s[ExtStat::ExpertOptimizerSpace] = Lp * b.expertOptimizer;
}

template void calc::cost::extStats<double>(const BlockTotalsT<double> &,
                                           const Geometry &, const Model &,
                                           const ModelFigures &,
                                           const Execution &,
                                           const DpResultT<double> &,
                                           StatsT<double> &);
template void calc::cost::extStats<PyNum>(const BlockTotalsT<PyNum> &,
                                          const Geometry &, const Model &,
                                          const ModelFigures &,
                                          const Execution &,
                                          const DpResultT<PyNum> &,
                                          StatsT<PyNum> &);
