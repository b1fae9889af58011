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

/// §8.4 pipeline sends and §8.5 per-block wall times with offload.
void blockTimes(const BlockTotals &b, const Geometry &g, const Hardware &hw,
                const Network &ppNet, const Execution &exe, BlockTimes &bt) {
  // Calculon quirk §15.4: the p2p latency is paid even for 0 bytes.
  bt.ppFw = networkTime(ppNet, NetOp::P2P, g.ppSize, 2);
  bt.ppBw = networkTime(ppNet, NetOp::P2P, g.training ? g.ppSize : 0, 2);
  bt.actOffload = g.fullRecompute ? g.checkpoint : b.actStore;
  double w = exe.weightOffload ? b.weight : 0;
  double a = exe.activationsOffload ? bt.actOffload : 0;
  // Quirk §15.13: fw offload is max(weights, activations); bw ignores grads.
  bt.fwOffloadSize = maxOf(w, a);
  bt.bwOffloadSize =
      g.training ? w + a + (exe.optimizerOffload ? b.optimizer : 0) : 0;
  double offFw = hw.mem2Time(bt.fwOffloadSize);
  double offBw = g.training ? hw.mem2Time(bt.bwOffloadSize) : 0;
  for (unsigned k = 0; k < 2; ++k) {
    bt.fw0[k] = b.fw.time + b.tpFwExposed[k];
    if (k == Edge)
      bt.fw0[k] += bt.ppFw;
    bt.ovhFw[k] = maxOf(0, offFw + b.fw.memTime - bt.fw0[k]);
    bt.fw[k] = bt.fw0[k] + bt.ovhFw[k];
    bt.bw0[k] = b.re.time + b.recommExposed[k] + b.ag.time + b.wg.time +
                b.tpAgExposed[k];
    if (k == Edge)
      bt.bw0[k] += bt.ppBw;
    bt.ovhBw[k] = maxOf(0, offBw + b.ag.memTime + b.wg.memTime - bt.bw0[k]);
    bt.bw[k] = bt.bw0[k] + bt.ovhBw[k];
  }
}

/// §8.5 bubble of (interleaved) 1F1B with uneven block splits.
double bubble(const Geometry &g, const BlockTimes &bt) {
  double chunkFw = double(g.c - 1) * bt.fw[Base] + bt.fw[Edge];
  double chunkBw = double(g.c - 1) * bt.bw[Base] + bt.bw[Edge];
  double chunk = chunkFw + chunkBw;
  // Quirk §15.17: missing blocks shorten the bubble by half-blocks.
  double reduction =
      g.c - 1 > 0
          ? double(g.Rb) * (bt.fw[Base] + bt.fw[Edge] + bt.bw[Base] +
                            bt.bw[Edge]) / 2
          : double(g.Rb) * (bt.fw[Edge] + bt.bw[Edge]);
  int64_t extra = g.n % g.p != 0 ? (g.v - 1) * (g.p - g.n % g.p) : 0;
  return double(g.p - 1) * chunk + (double(extra) * chunk - reduction);
}

/// Python's float floor division a // b.
double floorDiv(double a, double b) {
  double mod = std::fmod(a, b);
  double div = (a - mod) / b;
  if (mod != 0 && ((b < 0) != (mod < 0)))
    div -= 1.0;
  double floored = std::floor(div);
  if (div - floored > 0.5)
    floored += 1.0;
  return floored;
}

/// §8.6 data-parallel comm: (exposed, link, req chunk, req tail).
struct DpResult {
  double exposed = 0, link = 0, reqChunk = 0, reqTail = 0, size = 0;
};

DpResult dataParallel(const BlockTotals &b, const Geometry &g,
                      const BlockTimes &bt, const System &sys,
                      const Execution &exe, int dpNetIndex) {
  DpResult r;
  if (g.D <= 1 || !g.training)
    return r;
  const Network &net = sys.networks[dpNetIndex];
  bool sharded = exe.optimizerSharding;
  r.size = b.weight;
  double D = double(g.D);
  double tau = sharded ? networkTime(net, NetOp::ReduceScatter, r.size, D) +
                             networkTime(net, NetOp::AllGather, r.size, D)
                       : networkTime(net, NetOp::AllReduce, r.size, D);
  r.link = double(g.Lp) * tau;
  if (!exe.dataParOverlap) {
    r.exposed = r.link;
    return r;
  }
  double u = net.processorUsage;
  double win[2];
  double comp = b.ag.flopsTime + b.wg.flopsTime + b.re.flopsTime;
  for (unsigned k = 0; k < 2; ++k) {
    // Quirk §15.1: the inflated recompute mem time shrinks the window.
    win[k] = bt.bw[k] - (b.ag.memTime + b.wg.memTime + b.re.memTime);
    if (!sharded)
      win[k] += b.op.time - b.op.memTime;
    if (exe.dataParNet == exe.tensorParNet)
      win[k] -= b.recommTime[k] + b.tpAgTime[k];
  }
  if (!sharded)
    comp += b.op.flopsTime;
  double chunkWin = double(g.c - 1) * win[Base] + win[Edge];
  double chunkComp = double(g.c) * comp;
  double chunkDp = double(g.c) * tau;
  double chunkBw = double(g.c - 1) * bt.bw[Base] + bt.bw[Edge];
  double noc = double(g.v - 1), last = double(g.c - 1);
  // Quirk §15.5: p microbatches in flight, whatever n is.
  double window = double(g.p) * chunkWin;
  double ocomp = double(g.p) * chunkComp;
  bool samePp = exe.dataParNet == exe.pipelineParNet;
  double npp = 0;
  if (samePp) {
    int64_t rem = g.n % g.p;
    npp = minOf(floorDiv(chunkDp, chunkBw), double(rem != 0 ? rem : g.p));
  }
  double infl = chunkDp - (window - npp * bt.ppBw) + ocomp * u;
  double expChunks = infl > 0 ? noc * infl : noc * chunkDp * u;
  double lw = 0;
  if (g.c - 1 > 0) {
    lw = chunkWin - bt.ppBw - (bt.bw[Base] + bt.bw[Edge]) / 2;
    if (!sharded)
      lw += b.op.time - b.op.memTime;
  }
  double linfl = last * tau + (comp * u - lw);
  double expLast = linfl > 0 ? linfl : last * tau * u;
  r.exposed = tau + (expChunks + expLast);
  const NetOpScaling *ops = net.ops;
  double scal = sharded ? ops[unsigned(NetOp::ReduceScatter)].scale +
                              ops[unsigned(NetOp::AllGather)].scale
                        : ops[unsigned(NetOp::AllReduce)].scale;
  double cot = window + ocomp * u;
  if (samePp)
    cot -= bt.ppBw;
  cot *= noc;
  r.reqChunk = cot > 0 ? (double(g.c) * r.size / cot) * scal : 0;
  double tail = lw + last * tau * u;
  r.reqTail = tail > 0 ? (double(g.c) * r.size / tail) * scal : 0;
  return r;
}

/// §8.8 offload bandwidth requirements.
void offloadRequirements(const BlockTotals &b, const Geometry &g,
                         const BlockTimes &bt, Stats &s) {
  double fwWindow = minOf(bt.fw0[Base] - b.fw.memTime,
                          bt.fw0[Edge] - b.fw.memTime);
  double bwMem = b.ag.memTime + b.wg.memTime;
  double bwWindow = minOf(bt.bw0[Base] - bwMem, bt.bw0[Edge] - bwMem);
  s[Stat::ActOffloadBwReq] = bt.actOffload / fwWindow;
  s[Stat::WeightOffloadBwReq] = b.weight / fwWindow;
  s[Stat::OptimOffloadBwReq] =
      g.training ? (b.weightGrad + b.optimizer) / bwWindow : 0;
  s[Stat::OffloadMemBwReq] =
      g.training ? maxOf(bt.fwOffloadSize / fwWindow,
                         bt.bwOffloadSize / bwWindow)
                 : bt.fwOffloadSize / fwWindow;
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
  double K = double(g.Lp * g.n);
  double fwTime = K * b.fw.time;
  double bwTime = K * b.ag.time + K * b.wg.time;
  double optimTime = double(g.Lp) * b.op.time;
  double recomputeTime = K * b.re.time;
  double recommLink = overChunks(g, b.recommTime);
  double recommExposed = overChunks(g, b.recommExposed);
  double tpLink = overChunks(g, b.tpFwTime) + overChunks(g, b.tpAgTime);
  double tpExposed =
      overChunks(g, b.tpFwExposed) + overChunks(g, b.tpAgExposed);
  double sendsFw = g.p > 1 ? double(g.v) : 0;
  double sendsBw = g.p > 1 && g.training ? double(g.v) : 0;
  double ppTime = (double(g.n) * sendsFw) * bt.ppFw +
                  (double(g.n) * sendsBw) * bt.ppBw;
  double nv = double(g.n * g.v), cm1 = double(g.c - 1);
  double fwOffExposed = nv * (cm1 * bt.ovhFw[Base] + bt.ovhFw[Edge]);
  double bwOffExposed =
      g.training ? nv * (cm1 * bt.ovhBw[Base] + bt.ovhBw[Edge]) : 0;
  double bubbleTime = bubble(g, bt);
  DpResult dp = dataParallel(b, g, bt, sys, exe, resolve(exe.dataParNet));
  double total = fwTime + bwTime + optimTime + fwOffExposed + bwOffExposed +
                 recomputeTime + recommExposed + bubbleTime + tpExposed +
                 ppTime + dp.exposed;
  s[Stat::BlockDpSize] = dp.size;
  s[Stat::DpBwOverlapReqChunk] = dp.reqChunk;
  s[Stat::DpBwOverlapReqTail] = dp.reqTail;
  s[Stat::FwTime] = fwTime;
  s[Stat::BwTime] = bwTime;
  s[Stat::OptimStepTime] = optimTime;
  s[Stat::RecomputeTime] = recomputeTime;
  s[Stat::RecommLinkTime] = recommLink;
  s[Stat::RecommExposedTime] = recommExposed;
  s[Stat::BubbleTime] = bubbleTime;
  s[Stat::TpCommLinkTime] = tpLink;
  s[Stat::PpCommLinkTime] = ppTime;
  s[Stat::DpCommLinkTime] = dp.link;
  s[Stat::TpCommExposedTime] = tpExposed;
  s[Stat::PpCommExposedTime] = ppTime;
  s[Stat::DpCommExposedTime] = dp.exposed;
  s[Stat::FwOffloadExposedTime] = fwOffExposed;
  s[Stat::BwOffloadExposedTime] = bwOffExposed;
  s[Stat::TotalTime] = total;
  offloadRequirements(b, g, bt, s);
  // §8.7 efficiencies over all modelled flops (quirk §15.6).
  double useful = b.fw.flops;
  if (g.training)
    useful = useful + b.ag.flops + b.wg.flops + b.op.flops;
  double perfect = double(g.Lp * g.n) * useful / hw.matrix->peak;
  double busy = fwTime + bwTime + optimTime;
  s[Stat::UsefulFlops] = useful;
  s[Stat::ComputeEfficiency] = perfect / busy;
  s[Stat::SystemEfficiency] = busy / total;
  s[Stat::TotalEfficiency] = perfect / total;
  s[Stat::SampleRate] = double(g.B) / total;
}
