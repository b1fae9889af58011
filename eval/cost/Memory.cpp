//===- Memory.cpp - Memory per processor and per tier (§9) ----------------===//
#include "eval/cost/Batch.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

namespace {

/// The resident sizes of §9.1.
template <class T> struct Spaces {
  T weight = 0, act = 0, checkpoint = 0, actGrad = 0, weightGrad = 0,
    optimizer = 0;
};

template <class T>
Spaces<T> fullSpaces(const BlockTotalsT<T> &b, const Geometry &g) {
  Spaces<T> sp;
  T Lp = T(g.Lp);
  sp.weight = b.weight * Lp;
  if (!g.training) {
    sp.act = b.actWork;
    return sp;
  }
  // Calculon quirk §15.16: 1F1B keeps min(n, p) microbatches in flight,
  // scaled for interleaving, applied to every stored block.
  T mm = T(g.n < g.p ? g.n : g.p);
  T phi = g.v > 1 ? mm * (T(1) + T(g.p - 1) / T(g.v * g.p)) : mm;
  if (g.fullRecompute) {
    sp.act = b.actWork;
    sp.checkpoint = (Lp * T(g.checkpoint)) * phi;
  } else {
    sp.act = b.actWork + b.actStore * (Lp * phi - T(1));
  }
  sp.actGrad = b.actGrad;
  sp.weightGrad = g.Lp == 1 ? b.weightGradFull
                            : b.weightGradFull + b.weightGrad * (Lp - T(1));
  sp.optimizer = b.optimizer * Lp;
  return sp;
}

/// §9.3 tier requirements, in Calculon's order.
template <class T>
void tiers(const BlockTotalsT<T> &b, const Geometry &g, const Execution &exe,
           const Spaces<T> &sp, StatsT<T> &s) {
  T t1 = T(0), t2 = T(0);
  if (exe.weightOffload) {
    t1 += s[Stat::WeightSpaceWithOffload];
    t2 += sp.weight;
  } else {
    t1 += sp.weight;
  }
  if (exe.activationsOffload) {
    t1 += s[Stat::ActSpaceWithOffload];
    if (g.fullRecompute) {
      t1 += s[Stat::ActCheckpointSizeWithOffload];
      t2 += sp.checkpoint;
    } else {
      t2 += sp.act;
    }
  } else {
    t1 += sp.act;
    t1 += sp.checkpoint;
  }
  if (exe.optimizerOffload) {
    t1 += s[Stat::WeightGradSpaceWithOffload];
    t1 += s[Stat::OptimizerSpaceWithOffload];
    t2 += b.weightGrad * T(g.Lp);
    t2 += sp.optimizer;
  } else {
    t1 += sp.weightGrad + sp.optimizer;
  }
  t1 += sp.actGrad;
  s[Stat::ProcMemTier1CapReq] = t1;
  s[Stat::ProcMemTier2CapReq] = t2;
}

} // namespace

template <class T>
void calc::cost::batchMemory(const BlockTotalsT<T> &b, const Geometry &g,
                             const Execution &exe, StatsT<T> &s) {
  Spaces<T> sp = fullSpaces(b, g);
  // §9.2 the double-buffered minimum when offloading.
  s[Stat::WeightSpaceWithOffload] = T(2) * b.weight;
  s[Stat::ActSpaceWithOffload] =
      g.fullRecompute ? b.actWork : b.actWork + b.actStore;
  s[Stat::ActCheckpointSizeWithOffload] =
      g.training && g.fullRecompute ? T(2) * T(g.checkpoint) : T(0);
  // Calculon quirk §15.15: nothing (null) is returned here in inference.
  s.checkpointWithOffloadIsNull = !g.training;
  s[Stat::ActGradSpaceWithOffload] = sp.actGrad;
  s[Stat::WeightGradSpaceWithOffload] =
      g.training ? b.weightGradFull + b.weightGrad : T(0);
  s[Stat::OptimizerSpaceWithOffload] = g.training ? T(2) * b.optimizer : T(0);
  s[Stat::WeightSpace] = sp.weight;
  s[Stat::ActSpace] = sp.act;
  s[Stat::ActCheckpointSize] = sp.checkpoint;
  s[Stat::ActGradSpace] = sp.actGrad;
  s[Stat::WeightGradSpace] = sp.weightGrad;
  s[Stat::OptimizerSpace] = sp.optimizer;
  tiers(b, g, exe, sp, s);
}

template void calc::cost::batchMemory<double>(const BlockTotalsT<double> &,
                                              const Geometry &,
                                              const Execution &,
                                              StatsT<double> &);
template void calc::cost::batchMemory<PyNum>(const BlockTotalsT<PyNum> &,
                                             const Geometry &,
                                             const Execution &,
                                             StatsT<PyNum> &);
