//===- Batch.cpp - Iteration time from block times (§8) -------------------===//
//
// Every expression keeps Calculon's evaluation order (calculon-model.md §17):
// integer multipliers first, totals summed left to right.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Batch.h"

#include <cmath>

using namespace calc::cost;

namespace {

double maxOf(double a, double b) { return a > b ? a : b; }
double minOf(double a, double b) { return a < b ? a : b; }

/// Σ(x_base, x_edge) of §8.3: (n*v) * ((c-1)*x_base + 1*x_edge).
double overChunks(const Geometry &g, const double (&x)[2]) {
  return double(g.n * g.v) * (double(g.c - 1) * x[Base] + x[Edge]);
}

/// §8.8 offload bandwidth requirements.
void offloadRequirements(const BlockTotals &b, const Geometry &g,
                         const BlockTimes &bt, Stats &s) {
  double fwWindow =
      minOf(bt.fw0[Base] - b.fw.memTime, bt.fw0[Edge] - b.fw.memTime);
  double bwMem = b.ag.memTime + b.wg.memTime;
  double bwWindow = minOf(bt.bw0[Base] - bwMem, bt.bw0[Edge] - bwMem);
  s[Stat::ActOffloadBwReq] = bt.actOffload / fwWindow;
  s[Stat::WeightOffloadBwReq] = b.weight / fwWindow;
  s[Stat::OptimOffloadBwReq] =
      g.training ? (b.weightGrad + b.optimizer) / bwWindow : 0;
  s[Stat::OffloadMemBwReq] = g.training ? maxOf(bt.fwOffloadSize / fwWindow,
                                                bt.bwOffloadSize / bwWindow)
                                        : bt.fwOffloadSize / fwWindow;
}

/// §8.7 efficiencies over all modelled flops (quirk §15.6).
void efficiencies(const BlockTotals &b, const Geometry &g, const Hardware &hw,
                  Stats &s) {
  double useful = b.fw.flops;
  if (g.training)
    useful = useful + b.ag.flops + b.wg.flops + b.op.flops;
  double perfect = double(g.Lp * g.n) * useful / hw.matrix->peak;
  double busy = s[Stat::FwTime] + s[Stat::BwTime] + s[Stat::OptimStepTime];
  double total = s[Stat::TotalTime];
  s[Stat::UsefulFlops] = useful;
  s[Stat::ComputeEfficiency] = perfect / busy;
  s[Stat::SystemEfficiency] = busy / total;
  s[Stat::TotalEfficiency] = perfect / total;
  s[Stat::SampleRate] = double(g.B) / total;
}

/// §8.2–§8.4 compute, TP and PP totals.
void computeAndComm(const BlockTotals &b, const Geometry &g,
                    const BlockTimes &bt, Stats &s) {
  double K = double(g.Lp * g.n);
  s[Stat::FwTime] = K * b.fw.time;
  s[Stat::BwTime] = K * b.ag.time + K * b.wg.time;
  s[Stat::OptimStepTime] = double(g.Lp) * b.op.time;
  s[Stat::RecomputeTime] = K * b.re.time;
  s[Stat::RecommLinkTime] = overChunks(g, b.recommTime);
  s[Stat::RecommExposedTime] = overChunks(g, b.recommExposed);
  s[Stat::TpCommLinkTime] =
      overChunks(g, b.tpFwTime) + overChunks(g, b.tpAgTime);
  s[Stat::TpCommExposedTime] =
      overChunks(g, b.tpFwExposed) + overChunks(g, b.tpAgExposed);
  double sendsFw = g.p > 1 ? double(g.v) : 0;
  double sendsBw = g.p > 1 && g.training ? double(g.v) : 0;
  double pp =
      (double(g.n) * sendsFw) * bt.ppFw + (double(g.n) * sendsBw) * bt.ppBw;
  s[Stat::PpCommLinkTime] = pp;
  s[Stat::PpCommExposedTime] = pp;
  double nv = double(g.n * g.v), cm1 = double(g.c - 1);
  s[Stat::FwOffloadExposedTime] = nv * (cm1 * bt.ovhFw[Base] + bt.ovhFw[Edge]);
  s[Stat::BwOffloadExposedTime] =
      g.training ? nv * (cm1 * bt.ovhBw[Base] + bt.ovhBw[Edge]) : 0;
}

} // namespace

void calc::cost::batchTimes(const BlockTotals &b, const Geometry &g,
                            const Hardware &hw, const System &sys,
                            const Execution &exe, Stats &s) {
  auto resolve = [&](int index) {
    return index < 0 ? index + int(sys.networks.size()) : index;
  };
  BlockTimes bt;
  blockTimes(b, g, hw, sys.networks[resolve(exe.pipelineParNet)], exe, bt);
  computeAndComm(b, g, bt, s);
  s[Stat::BubbleTime] = bubble(g, bt);
  DpResult dp = dataParallel(b, g, bt, sys, exe, resolve(exe.dataParNet));
  s[Stat::BlockDpSize] = dp.size;
  s[Stat::DpBwOverlapReqChunk] = dp.reqChunk;
  s[Stat::DpBwOverlapReqTail] = dp.reqTail;
  s[Stat::DpCommLinkTime] = dp.link;
  s[Stat::DpCommExposedTime] = dp.exposed;
  // §8.7: summed left to right in Calculon's order (§17).
  s[Stat::TotalTime] = s[Stat::FwTime] + s[Stat::BwTime] +
                       s[Stat::OptimStepTime] + s[Stat::FwOffloadExposedTime] +
                       s[Stat::BwOffloadExposedTime] + s[Stat::RecomputeTime] +
                       s[Stat::RecommExposedTime] + s[Stat::BubbleTime] +
                       s[Stat::TpCommExposedTime] + s[Stat::PpCommExposedTime] +
                       dp.exposed;
  offloadRequirements(b, g, bt, s);
  efficiencies(b, g, hw, s);
}
