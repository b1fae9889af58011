//===- Pipeline.cpp - Per-block wall times, offload and bubble (§8.4-5) ---===//
#include "eval/cost/Batch.h"

using namespace calc::cost;

static double maxOf(double a, double b) { return a > b ? a : b; }

/// §8.4 pipeline sends and §8.5 per-block wall times with offload.
void calc::cost::blockTimes(const BlockTotals &b, const Geometry &g,
                            const Hardware &hw, const Network &ppNet,
                            const Execution &exe, BlockTimes &bt) {
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
double calc::cost::bubble(const Geometry &g, const BlockTimes &bt) {
  double chunkFw = double(g.c - 1) * bt.fw[Base] + bt.fw[Edge];
  double chunkBw = double(g.c - 1) * bt.bw[Base] + bt.bw[Edge];
  double chunk = chunkFw + chunkBw;
  // Quirk §15.17: missing blocks shorten the bubble by half-blocks.
  double reduction =
      g.c - 1 > 0
          ? double(g.Rb) *
                (bt.fw[Base] + bt.fw[Edge] + bt.bw[Base] + bt.bw[Edge]) / 2
          : double(g.Rb) * (bt.fw[Edge] + bt.bw[Edge]);
  int64_t extra = g.n % g.p != 0 ? (g.v - 1) * (g.p - g.n % g.p) : 0;
  return double(g.p - 1) * chunk + (double(extra) * chunk - reduction);
}
