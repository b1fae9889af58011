//===- DataParallel.cpp - Data-parallel gradient communication (§8.6) -----===//
//
// The DP all-reduce (or RS + AG when sharded) of one block's weights, either
// fully exposed or overlapped with the backward pass of p microbatches.
// Expression order is Calculon's (§17).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Batch.h"
#include "eval/cost/PyNum.h"

#include <cmath>

using namespace calc::cost;

namespace {

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
template <class T> struct Overlap {
  T comp = 0;     ///< compute of one block's backward (+ optimizer)
  T chunkWin = 0; ///< time DP comm can hide behind, per chunk
  T window = 0, ocomp = 0;
  T lw = 0; ///< window of the last chunk
  T noc = 0, last = 0;
  bool samePp = false;
};

template <class T>
Overlap<T> overlapWindows(const BlockTotalsT<T> &b, const Geometry &g,
                          const BlockTimesT<T> &bt, const Execution &exe) {
  Overlap<T> o;
  bool sharded = exe.optimizerSharding;
  T win[2];
  // Calculon quirk §15.1: the inflated recompute times are used; a MoE
  // model, which Calculon cannot run, uses the recomputed layers' own.
  T reFlops = g.moe ? b.reOwnFlopsTime : b.re.flopsTime;
  T reMem = g.moe ? b.reOwnMemTime : b.re.memTime;
  o.comp = b.ag.flopsTime + b.wg.flopsTime + reFlops;
  for (unsigned k = 0; k < 2; ++k) {
    win[k] = bt.bw[k] - (b.ag.memTime + b.wg.memTime + reMem);
    if (!sharded)
      win[k] += b.op.time - b.op.memTime;
    // Calculon quirk §15.5: "same network" compares tier indices.
    if (exe.dataParNet == exe.tensorParNet)
      win[k] -= b.recommTime[k] + b.tpAgTime[k];
    // The backward all-to-all on the DP tier takes the same link.
    if (g.moe && exe.dataParNet == exe.expertParNet)
      win[k] -= b.a2aTime[MoeAg] + b.a2aTime[MoeRe];
  }
  if (!sharded)
    o.comp += b.op.flopsTime;
  o.chunkWin = T(g.c - 1) * win[Base] + win[Edge];
  o.noc = T(g.v - 1);
  o.last = T(g.c - 1);
  // Calculon quirk §15.5: p microbatches in flight, whatever n is.
  o.window = T(g.p) * o.chunkWin;
  o.ocomp = T(g.p) * (T(g.c) * o.comp);
  if (g.c - 1 > 0) {
    o.lw = o.chunkWin - bt.ppBw - (bt.bw[Base] + bt.bw[Edge]) / T(2);
    if (!sharded)
      o.lw += b.op.time - b.op.memTime;
  }
  o.samePp = exe.dataParNet == exe.pipelineParNet;
  return o;
}

/// Exposed DP time with overlap: the first v-1 chunks hide behind later
/// compute, the last chunk behind its own backward, the final block never.
template <class T>
T overlapExposed(const Overlap<T> &o, const Geometry &g,
                 const BlockTimesT<T> &bt, T tau, T u) {
  T chunkDp = T(g.c) * tau;
  T chunkBw = T(g.c - 1) * bt.bw[Base] + bt.bw[Edge];
  T npp = T(0);
  if (o.samePp) {
    int64_t rem = g.n % g.p;
    npp = pyMin(T(floorDiv(value(chunkDp), value(chunkBw))),
                T(rem != 0 ? rem : g.p));
  }
  T infl = chunkDp - (o.window - npp * bt.ppBw) + o.ocomp * u;
  T expChunks = infl > T(0) ? o.noc * infl : o.noc * chunkDp * u;
  T linfl = o.last * tau + (o.comp * u - o.lw);
  T expLast = linfl > T(0) ? linfl : o.last * tau * u;
  return tau + (expChunks + expLast);
}

/// Bandwidths the overlap would need to hide everything.
template <class T>
void overlapRequirements(const Overlap<T> &o, const Geometry &g,
                         const BlockTimesT<T> &bt, const Network &net,
                         bool sharded, T tau, T u, DpResultT<T> &r) {
  const NetOpScaling *ops = net.ops;
  T scal = sharded ? T(ops[unsigned(NetOp::ReduceScatter)].scale) +
                         T(ops[unsigned(NetOp::AllGather)].scale)
                   : T(ops[unsigned(NetOp::AllReduce)].scale);
  T cot = o.window + o.ocomp * u;
  if (o.samePp)
    cot -= bt.ppBw;
  cot *= o.noc;
  r.reqChunk = cot > T(0) ? (T(g.c) * r.size / cot) * scal : T(0);
  T tail = o.lw + o.last * tau * u;
  r.reqTail = tail > T(0) ? (T(g.c) * r.size / tail) * scal : T(0);
}

} // namespace

/// One block's gradient reduction of `bytes` among `peers` (§8.6): an
/// all-reduce, or reduce-scatter + all-gather when the optimizer is sharded.
static double reduction(const Network &net, bool sharded, double bytes,
                        double peers) {
  return sharded ? networkTime(net, NetOp::ReduceScatter, bytes, peers) +
                       networkTime(net, NetOp::AllGather, bytes, peers)
                 : networkTime(net, NetOp::AllReduce, bytes, peers);
}

template <class T>
DpResultT<T>
calc::cost::dataParallel(const BlockTotalsT<T> &b, const Geometry &g,
                         const BlockTimesT<T> &bt, const System &sys,
                         const Execution &exe, int dpNetIndex) {
  DpResultT<T> r;
  if (!g.training || (g.D <= 1 && !(g.moe && g.edp > 1)))
    return r;
  const Network &net = sys.networks[dpNetIndex];
  bool sharded = exe.optimizerSharding;
  T tau;
  if (!g.moe) {
    // Calculon quirk §15.11: the message is the block's weights in the
    // training datatype.
    r.size = b.weight;
    tau = T(reduction(net, sharded, value(r.size), double(g.D)));
  } else {
    // Expert weights reduce over EDP, the rest over DP (docs/model.md), both
    // on the data-parallel tier; optimizer sharding shards each over its
    // own group.
    double dense = 0, expert = 0;
    if (g.D > 1) {
      r.size = b.weight - b.expertWeight;
      dense = reduction(net, sharded, value(r.size), double(g.D));
    }
    if (g.edp > 1)
      expert = reduction(net, sharded, value(b.expertWeight), double(g.edp));
    r.expertLink = T(g.Lp) * T(expert);
    tau = T(dense + expert);
  }
  r.link = T(g.Lp) * tau;
  if (!exe.dataParOverlap) {
    r.exposed = r.link;
    return r;
  }
  T u = T(net.processorUsage);
  Overlap<T> o = overlapWindows(b, g, bt, exe);
  r.exposed = overlapExposed(o, g, bt, tau, u);
  overlapRequirements(o, g, bt, net, sharded, tau, u, r);
  return r;
}

template DpResultT<double>
calc::cost::dataParallel<double>(const BlockTotalsT<double> &, const Geometry &,
                                 const BlockTimesT<double> &, const System &,
                                 const Execution &, int);
template DpResultT<PyNum>
calc::cost::dataParallel<PyNum>(const BlockTotalsT<PyNum> &, const Geometry &,
                                const BlockTimesT<PyNum> &, const System &,
                                const Execution &, int);
