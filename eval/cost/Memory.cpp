//===- Memory.cpp - Memory per processor and per tier (§9) ----------------===//
#include "eval/cost/Batch.h"

using namespace calc::cost;

namespace {

/// The resident sizes of §9.1.
struct Spaces {
  double weight = 0, act = 0, checkpoint = 0, actGrad = 0, weightGrad = 0,
         optimizer = 0;
};

Spaces fullSpaces(const BlockTotals &b, const Geometry &g) {
  Spaces sp;
  double Lp = double(g.Lp);
  sp.weight = b.weight * Lp;
  if (!g.training) {
    sp.act = b.actWork;
    return sp;
  }
  // Quirk §15.16: 1F1B keeps min(n, p) microbatches in flight, scaled for
  // interleaving, applied to every stored block.
  double mm = double(g.n < g.p ? g.n : g.p);
  double phi =
      g.v > 1 ? mm * (1 + double(g.p - 1) / double(g.v * g.p)) : mm;
  if (g.fullRecompute) {
    sp.act = b.actWork;
    sp.checkpoint = (Lp * g.checkpoint) * phi;
  } else {
    sp.act = b.actWork + b.actStore * (Lp * phi - 1);
  }
  sp.actGrad = b.actGrad;
  sp.weightGrad = g.Lp == 1 ? b.weightGradFull
                            : b.weightGradFull + b.weightGrad * (Lp - 1);
  sp.optimizer = b.optimizer * Lp;
  return sp;
}

} // namespace

void calc::cost::batchMemory(const BlockTotals &b, const Geometry &g,
                             const Execution &exe, Stats &s) {
  Spaces sp = fullSpaces(b, g);
  // §9.2 the double-buffered minimum when offloading.
  double weightMin = 2 * b.weight;
  double actMin = g.fullRecompute ? b.actWork : b.actWork + b.actStore;
  double ckptMin = g.training ? (g.fullRecompute ? 2 * g.checkpoint : 0) : 0;
  double wgMin = g.training ? b.weightGradFull + b.weightGrad : 0;
  double optMin = g.training ? 2 * b.optimizer : 0;
  s[Stat::WeightSpaceWithOffload] = weightMin;
  s[Stat::ActSpaceWithOffload] = actMin;
  s[Stat::ActCheckpointSizeWithOffload] = ckptMin;
  // Quirk §15.15: Calculon returns nothing (null) here in inference.
  s.checkpointWithOffloadIsNull = !g.training;
  s[Stat::ActGradSpaceWithOffload] = sp.actGrad;
  s[Stat::WeightGradSpaceWithOffload] = wgMin;
  s[Stat::OptimizerSpaceWithOffload] = optMin;
  s[Stat::WeightSpace] = sp.weight;
  s[Stat::ActSpace] = sp.act;
  s[Stat::ActCheckpointSize] = sp.checkpoint;
  s[Stat::ActGradSpace] = sp.actGrad;
  s[Stat::WeightGradSpace] = sp.weightGrad;
  s[Stat::OptimizerSpace] = sp.optimizer;

  // §9.3 tier requirements, in Calculon's order.
  double t1 = 0, t2 = 0;
  if (exe.weightOffload) {
    t1 += weightMin;
    t2 += sp.weight;
  } else {
    t1 += sp.weight;
  }
  if (exe.activationsOffload) {
    t1 += actMin;
    if (g.fullRecompute) {
      t1 += ckptMin;
      t2 += sp.checkpoint;
    } else {
      t2 += sp.act;
    }
  } else {
    t1 += sp.act;
    t1 += sp.checkpoint;
  }
  if (exe.optimizerOffload) {
    t1 += wgMin;
    t1 += optMin;
    t2 += b.weightGrad * double(g.Lp);
    t2 += sp.optimizer;
  } else {
    t1 += sp.weightGrad + sp.optimizer;
  }
  t1 += sp.actGrad;
  s[Stat::ProcMemTier1CapReq] = t1;
  s[Stat::ProcMemTier2CapReq] = t2;
}
