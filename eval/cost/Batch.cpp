//===- Batch.cpp - Iteration time from block times (§8) -------------------===//
//
// Every expression keeps Calculon's evaluation order (docs/calculon-model.md
// §17): integer multipliers first, totals summed left to right.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Batch.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

namespace {

/// Σ(x_base, x_edge) of §8.3: (n*v) * ((c-1)*x_base + 1*x_edge).
template <class T> T overChunks(const Geometry &g, const T (&x)[2]) {
  return T(g.n * g.v) * (T(g.c - 1) * x[Base] + T(1) * x[Edge]);
}

/// §8.8 offload bandwidth requirements.
template <class T>
void offloadRequirements(const BlockTotalsT<T> &b, const Geometry &g,
                         const BlockTimesT<T> &bt, StatsT<T> &s) {
  T fwWindow = pyMin(bt.fw0[Base] - b.fw.memTime, bt.fw0[Edge] - b.fw.memTime);
  T bwMem = b.ag.memTime + b.wg.memTime;
  T bwWindow = pyMin(bt.bw0[Base] - bwMem, bt.bw0[Edge] - bwMem);
  s[Stat::ActOffloadBwReq] = bt.actOffload / fwWindow;
  s[Stat::WeightOffloadBwReq] = b.weight / fwWindow;
  s[Stat::OptimOffloadBwReq] =
      g.training ? (b.weightGrad + b.optimizer) / bwWindow : T(0);
  s[Stat::OffloadMemBwReq] = g.training ? pyMax(bt.fwOffloadSize / fwWindow,
                                                bt.bwOffloadSize / bwWindow)
                                        : bt.fwOffloadSize / fwWindow;
}

/// §8.7 efficiencies over all modelled flops (quirk §15.6).
template <class T>
void efficiencies(const BlockTotalsT<T> &b, const Geometry &g,
                  const Hardware &hw, StatsT<T> &s) {
  // Per layer fw, plus per layer (agrad + wgrad + optimizer) when training.
  T useful = b.fw.flops;
  if (g.training)
    useful = useful + b.backwardFlops;
  T perfect = T(g.Lp * g.n) * useful / T(hw.matrix->peak);
  T busy = s[Stat::FwTime] + s[Stat::BwTime] + s[Stat::OptimStepTime];
  T total = s[Stat::TotalTime];
  s[Stat::UsefulFlops] = useful;
  s[Stat::ComputeEfficiency] = perfect / busy;
  s[Stat::SystemEfficiency] = busy / total;
  s[Stat::TotalEfficiency] = perfect / total;
  s[Stat::SampleRate] = T(g.B) / total;
}

/// §8.2–§8.5 compute, TP, PP and offload totals.
template <class T>
void computeAndComm(const BlockTotalsT<T> &b, const Geometry &g,
                    const BlockTimesT<T> &bt, StatsT<T> &s) {
  T K = T(g.Lp * g.n);
  s[Stat::FwTime] = K * b.fw.time;
  s[Stat::BwTime] = K * b.ag.time + K * b.wg.time;
  s[Stat::OptimStepTime] = T(g.Lp) * b.op.time;
  s[Stat::RecomputeTime] = K * b.re.time;
  s[Stat::RecommLinkTime] = overChunks(g, b.recommTime);
  s[Stat::RecommExposedTime] = overChunks(g, b.recommExposed);
  s[Stat::TpCommLinkTime] =
      overChunks(g, b.tpFwTime) + overChunks(g, b.tpAgTime);
  s[Stat::TpCommExposedTime] =
      overChunks(g, b.tpFwExposed) + overChunks(g, b.tpAgExposed);
  int64_t sendsFw = g.p > 1 ? g.v : 0;
  int64_t sendsBw = g.p > 1 && g.training ? g.v : 0;
  T pp = T(g.n * sendsFw) * bt.ppFw + T(g.n * sendsBw) * bt.ppBw;
  s[Stat::PpCommLinkTime] = pp;
  s[Stat::PpCommExposedTime] = pp;
  T nv = T(g.n * g.v), cm1 = T(g.c - 1);
  s[Stat::FwOffloadExposedTime] = nv * (cm1 * bt.ovhFw[Base] + bt.ovhFw[Edge]);
  s[Stat::BwOffloadExposedTime] =
      g.training ? nv * (cm1 * bt.ovhBw[Base] + bt.ovhBw[Edge]) : T(0);
}

} // namespace

/// The context-parallel K/V ring of every block (docs/model.md, "Context
/// parallelism"): CP-1 steps per pass, each sending one rank's keys and
/// values (forward) or those and their gradients (backward) while the
/// attention of the chunk in hand is computed, so a step shows only what
/// exceeds 1/CP of the attention compute. Full recompute runs the forward
/// ring again.
template <class T>
static void contextRing(const BlockTotalsT<T> &b, const Geometry &g,
                        const Network &net, StatsT<T> &s) {
  double hops = double(g.cp - 1), cp = double(g.cp);
  double fwStep = networkTime(net, NetOp::P2P, g.cpChunkBytes, 2);
  double bwStep = networkTime(net, NetOp::P2P, 2 * g.cpChunkBytes, 2);
  auto exposed = [&](double step, double attention) {
    double over = step - attention / cp;
    return over > 0 ? hops * over : 0.0;
  };
  double link = hops * fwStep, hidden = exposed(fwStep, value(b.attnCoreTime[0]));
  if (g.training) {
    double passes = g.fullRecompute ? 2 : 1;
    link = passes * link + hops * bwStep;
    hidden = passes * hidden + exposed(bwStep, value(b.attnCoreTime[1]));
  }
  T K = T(g.Lp * g.n);
  s[ExtStat::CpCommTime] = K * T(link);
  s[ExtStat::CpCommExposedTime] = K * T(hidden);
  s[Stat::TotalTime] += s[ExtStat::CpCommExposedTime];
}

template <class T>
void calc::cost::batchTimes(const BlockTotalsT<T> &b, const Geometry &g,
                            const Hardware &hw, const System &sys,
                            const Execution &exe, StatsT<T> &s,
                            DpResultT<T> &dp) {
  auto resolve = [&](int index) {
    return index < 0 ? index + int(sys.networks.size()) : index;
  };
  BlockTimesT<T> bt;
  blockTimes(b, g, hw, sys.networks[resolve(exe.pipelineParNet)], exe, bt);
  computeAndComm(b, g, bt, s);
  s[Stat::BubbleTime] = bubble(g, bt);
  dp = dataParallel(b, g, bt, sys, exe, resolve(exe.dataParNet));
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
  // The MoE comm (all-to-all, expert TP) is exposed, after Calculon's sum.
  if (g.moe)
    s[Stat::TotalTime] += T(g.Lp * g.n) * (moeFwComm(b) + moeBwComm(b));
  if (g.cp > 1)
    contextRing(b, g, sys.networks[resolve(exe.contextParNet)], s);
  offloadRequirements(b, g, bt, s);
  efficiencies(b, g, hw, s);
}

template void calc::cost::batchTimes<double>(const BlockTotalsT<double> &,
                                             const Geometry &, const Hardware &,
                                             const System &, const Execution &,
                                             StatsT<double> &,
                                             DpResultT<double> &);
template void calc::cost::batchTimes<PyNum>(const BlockTotalsT<PyNum> &,
                                            const Geometry &, const Hardware &,
                                            const System &, const Execution &,
                                            StatsT<PyNum> &,
                                            DpResultT<PyNum> &);
