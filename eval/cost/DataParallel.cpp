//===- DataParallel.cpp - Data-parallel gradient communication (§8.6) -----===//
//
// The DP all-reduce (or RS + AG when sharded) of one block's weights, either
// fully exposed or overlapped with the backward pass of p microbatches.
// Expression order is Calculon's (§17).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Batch.h"

#include <cmath>

using namespace calc::cost;

namespace {

double minOf(double a, double b) { return a < b ? a : b; }

/// Python's float floor division a // b (CPython's float_floor_div).
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

/// Per-chunk quantities of the overlap model.
struct Overlap {
  double comp = 0;     ///< compute of one block's backward (+ optimizer)
  double chunkWin = 0; ///< time DP comm can hide behind, per chunk
  double window = 0, ocomp = 0;
  double lw = 0; ///< window of the last chunk
  double noc = 0, last = 0;
  bool samePp = false;
};

Overlap overlapWindows(const BlockTotals &b, const Geometry &g,
                       const BlockTimes &bt, const Execution &exe) {
  Overlap o;
  bool sharded = exe.optimizerSharding;
  double win[2];
  o.comp = b.ag.flopsTime + b.wg.flopsTime + b.re.flopsTime;
  for (unsigned k = 0; k < 2; ++k) {
    // Calculon quirk §15.1: the inflated recompute mem time is subtracted.
    win[k] = bt.bw[k] - (b.ag.memTime + b.wg.memTime + b.re.memTime);
    if (!sharded)
      win[k] += b.op.time - b.op.memTime;
    // Calculon quirk §15.5: "same network" compares tier indices.
    if (exe.dataParNet == exe.tensorParNet)
      win[k] -= b.recommTime[k] + b.tpAgTime[k];
  }
  if (!sharded)
    o.comp += b.op.flopsTime;
  o.chunkWin = double(g.c - 1) * win[Base] + win[Edge];
  o.noc = double(g.v - 1);
  o.last = double(g.c - 1);
  // Calculon quirk §15.5: p microbatches in flight, whatever n is.
  o.window = double(g.p) * o.chunkWin;
  o.ocomp = double(g.p) * (double(g.c) * o.comp);
  if (g.c - 1 > 0) {
    o.lw = o.chunkWin - bt.ppBw - (bt.bw[Base] + bt.bw[Edge]) / 2;
    if (!sharded)
      o.lw += b.op.time - b.op.memTime;
  }
  o.samePp = exe.dataParNet == exe.pipelineParNet;
  return o;
}

/// Exposed DP time with overlap: the first v-1 chunks hide behind later
/// compute, the last chunk behind its own backward, the final block never.
double overlapExposed(const Overlap &o, const Geometry &g, const BlockTimes &bt,
                      double tau, double u) {
  double chunkDp = double(g.c) * tau;
  double chunkBw = double(g.c - 1) * bt.bw[Base] + bt.bw[Edge];
  double npp = 0;
  if (o.samePp) {
    int64_t rem = g.n % g.p;
    npp = minOf(floorDiv(chunkDp, chunkBw), double(rem != 0 ? rem : g.p));
  }
  double infl = chunkDp - (o.window - npp * bt.ppBw) + o.ocomp * u;
  double expChunks = infl > 0 ? o.noc * infl : o.noc * chunkDp * u;
  double linfl = o.last * tau + (o.comp * u - o.lw);
  double expLast = linfl > 0 ? linfl : o.last * tau * u;
  return tau + (expChunks + expLast);
}

/// Bandwidths the overlap would need to hide everything.
void overlapRequirements(const Overlap &o, const Geometry &g,
                         const BlockTimes &bt, const Network &net, bool sharded,
                         double tau, double u, DpResult &r) {
  const NetOpScaling *ops = net.ops;
  double scal = sharded ? ops[unsigned(NetOp::ReduceScatter)].scale +
                              ops[unsigned(NetOp::AllGather)].scale
                        : ops[unsigned(NetOp::AllReduce)].scale;
  double cot = o.window + o.ocomp * u;
  if (o.samePp)
    cot -= bt.ppBw;
  cot *= o.noc;
  r.reqChunk = cot > 0 ? (double(g.c) * r.size / cot) * scal : 0;
  double tail = o.lw + o.last * tau * u;
  r.reqTail = tail > 0 ? (double(g.c) * r.size / tail) * scal : 0;
}

} // namespace

DpResult calc::cost::dataParallel(const BlockTotals &b, const Geometry &g,
                                  const BlockTimes &bt, const System &sys,
                                  const Execution &exe, int dpNetIndex) {
  DpResult r;
  if (g.D <= 1 || !g.training)
    return r;
  const Network &net = sys.networks[dpNetIndex];
  bool sharded = exe.optimizerSharding;
  // Quirk §15.11: the message is the block's weights in the training dtype.
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
  Overlap o = overlapWindows(b, g, bt, exe);
  r.exposed = overlapExposed(o, g, bt, tau, net.processorUsage);
  overlapRequirements(o, g, bt, net, sharded, tau, net.processorUsage, r);
  return r;
}
