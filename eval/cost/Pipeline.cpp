//===- Pipeline.cpp - Per-block wall times, offload and bubble (§8.4-5) ---===//
#include "eval/cost/Batch.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

/// §8.4 pipeline sends and §8.5 per-block wall times with offload.
template <class T>
void calc::cost::blockTimes(const BlockTotalsT<T> &b, const Geometry &g,
                            const Hardware &hw, const Network &ppNet,
                            const Execution &exe, BlockTimesT<T> &bt) {
  // Calculon quirk §15.4: the p2p latency is paid even for 0 bytes.
  double ppBytes = double(g.ppSize);
  bt.ppFw = T(networkTime(ppNet, NetOp::P2P, ppBytes, 2));
  bt.ppBw = T(networkTime(ppNet, NetOp::P2P, g.training ? ppBytes : 0, 2));
  bt.actOffload = g.fullRecompute ? T(g.checkpoint) : b.actStore;
  T w = exe.weightOffload ? b.weight : T(0);
  T a = exe.activationsOffload ? bt.actOffload : T(0);
  // Calculon quirk §15.13: fw offload is max(weights, activations) and the
  // bw offload ignores weight grads.
  bt.fwOffloadSize = pyMax(w, a);
  bt.bwOffloadSize =
      g.training ? w + a + (exe.optimizerOffload ? b.optimizer : T(0)) : T(0);
  T offFw = T(hw.mem2Time(value(bt.fwOffloadSize)));
  T offBw = g.training ? T(hw.mem2Time(value(bt.bwOffloadSize))) : T(0);
  for (unsigned k = 0; k < 2; ++k) {
    bt.fw0[k] = b.fw.time + b.tpFwExposed[k];
    if (k == Edge)
      bt.fw0[k] += bt.ppFw;
    if (g.moe)
      bt.fw0[k] += moeFwComm(b);
    bt.ovhFw[k] = pyMax(T(0), offFw + b.fw.memTime - bt.fw0[k]);
    bt.fw[k] = bt.fw0[k] + bt.ovhFw[k];
    bt.bw0[k] = b.re.time + b.recommExposed[k] + b.ag.time + b.wg.time +
                b.tpAgExposed[k];
    if (k == Edge)
      bt.bw0[k] += bt.ppBw;
    if (g.moe)
      bt.bw0[k] += moeBwComm(b);
    bt.ovhBw[k] = pyMax(T(0), offBw + b.ag.memTime + b.wg.memTime - bt.bw0[k]);
    bt.bw[k] = bt.bw0[k] + bt.ovhBw[k];
  }
}

/// §8.5 bubble of (interleaved) 1F1B with uneven block splits.
template <class T>
T calc::cost::bubble(const Geometry &g, const BlockTimesT<T> &bt) {
  T cm1 = T(g.c - 1);
  T chunk =
      (cm1 * bt.fw[Base] + bt.fw[Edge]) + (cm1 * bt.bw[Base] + bt.bw[Edge]);
  // Calculon quirk §15.17: missing blocks shorten the bubble (half-blocks,
  // or whole edge blocks when a chunk is one block).
  T reduction =
      g.c - 1 > 0
          ? T(g.Rb) * (bt.fw[Base] + bt.fw[Edge] + bt.bw[Base] + bt.bw[Edge]) /
                T(2)
          : T(g.Rb) * (bt.fw[Edge] + bt.bw[Edge]);
  int64_t extra = g.n % g.p != 0 ? (g.v - 1) * (g.p - g.n % g.p) : 0;
  return T(g.p - 1) * chunk + (T(extra) * chunk - reduction);
}

template void calc::cost::blockTimes<double>(const BlockTotalsT<double> &,
                                             const Geometry &, const Hardware &,
                                             const Network &, const Execution &,
                                             BlockTimesT<double> &);
template void calc::cost::blockTimes<PyNum>(const BlockTotalsT<PyNum> &,
                                            const Geometry &, const Hardware &,
                                            const Network &, const Execution &,
                                            BlockTimesT<PyNum> &);
template double calc::cost::bubble<double>(const Geometry &,
                                           const BlockTimesT<double> &);
template PyNum calc::cost::bubble<PyNum>(const Geometry &,
                                         const BlockTimesT<PyNum> &);
