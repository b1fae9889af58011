//===- LayerCost.cpp - Per-stage cost of one layer ------------------------===//
//
// docs/calculon-model.md §5 (defaults and per-kind overrides), §6.1 (TPComm),
// §6.2 (overlapped linear with its tiled-overlap timing). Written over the
// scalar type T so the same formulas also yield Calculon's int/float typing
// (PyNum): integer literals and counts are ints, times and `/` are floats.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/LayerCost.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

namespace {

/// A time or other real result of the hardware model.
template <class T> T real(double x) { return T(x); }

template <class T> struct Formulas {
  const Layer &l;
  const CostContext &ctx;
  T e, t;
  T So; ///< S_o; expert weights are sharded over expert data parallelism
  /// A GEMM with weights in a mixed-precision run: its operands are read in
  /// `em` bytes (cast by the kernels that produced them), its result
  /// written in `e` bytes.
  bool lowGemm;
  T em;

  Formulas(const Layer &l, const CostContext &ctx)
      : l(l), ctx(ctx), e(T(ctx.e)), t(T(ctx.t)),
        So(T(l.expert ? ctx.expertShards : ctx.shards)),
        lowGemm(ctx.lowGemm && l.matrix && l.weights != 0), em(T(ctx.em)) {}

  T n(double count) const { return asInt<T>(count); }

  /// Optimizer bytes: (fp32 master copy + fp32 Adam m, v) / S_o (§5).
  T optimizerBytes() const {
    T master = ctx.e < 4 ? T(4) * n(l.weights) : T(0);
    return (master + T(4) * n(l.optState)) / So;
  }

  /// Memory traffic of one stage (§5 defaults and overrides, §6.1).
  T stageBytes(Stage st) const {
    if (st == Optim)
      return optimizerBytes();
    T X = n(l.inputs);
    switch (l.kind) {
    case LayerKind::DropOut: // Calculon quirk §15.7: 1-byte mask.
      return st == Wgrad ? T(0) : T(2) * X * e + X;
    case LayerKind::GeLU:
    case LayerKind::SoftMax:
      return st == Wgrad ? T(0) : T(2) * X * e;
    case LayerKind::Fork:
      return st == Agrad ? X * e * T(l.users + 1) : T(0);
    case LayerKind::AllToAll: // Permuting the tokens, both directions.
      return st == Wgrad ? T(0) : T(2) * n(l.commElems) * e;
    case LayerKind::ExpertTpComm:
      return T(0);
    case LayerKind::TPComm: {
      if (l.commElems == 0 || st == Wgrad)
        return T(0);
      bool identity = ctx.comm != TpCommType::RsAg &&
                      (st == Fw ? !l.conjugate : l.conjugate);
      return identity ? T(0) : T(2) * n(l.commElems) * e;
    }
    default:
      break;
    }
    T W = n(l.weights), act = n(l.act), grad = n(l.grad);
    if (lowGemm) { // Inputs in em bytes, the result in e.
      if (st == Fw)
        return (X + W) * em + n(l.outputs) * e;
      if (st == Agrad)
        return (W + grad) * em + act * e;
      return (act + grad) * em + W * e;
    }
    if (st == Fw)
      return (X + n(l.outputs) + W) * e;
    if (st == Agrad)
      return (W + act + grad) * e;
    return l.weights == 0 ? T(0) : (W + act + grad) * e;
  }

  T stageFlops(Stage st) const {
    // TPComm's reduction flops X(t-1)/t are real numbers (§6.1, §17).
    auto f = [&](double x) { return l.realFlops && x != 0 ? T(x) : n(x); };
    switch (st) {
    case Fw:
      return f(l.fwFlops);
    case Agrad:
      return f(l.agFlops);
    case Wgrad:
      return f(l.wgFlops);
    case Optim:
      return (n(l.weights) / So) * T(11); // Adam, 11 flop/param
    }
    return T(0);
  }

  /// Memory getters (§5 defaults, DropOut and TPComm overrides).
  void memory(LayerCostT<T> &c) const {
    T W = n(l.weights);
    // A mixed-precision GEMM also keeps its weights cast to em bytes.
    c.weight = lowGemm ? W * e + W * em : W * e;
    c.output = n(l.outputs) * e;
    c.weightGrad = W * e / So;
    c.weightGradFull = T(4) * W;
    c.optimizer = optimizerBytes();
    if (l.kind == LayerKind::DropOut) { // Quirk §15.7: 1-byte mask and grad.
      c.activation = n(l.act);
      c.actGrad = n(l.grad);
    } else if (l.kind == LayerKind::TPComm) {
      T X = n(l.commElems); // 0 without TP, still divided by t for rs_ag
      bool rsag = ctx.comm == TpCommType::RsAg;
      c.activation = rsag ? X * e / t : (l.conjugate ? X * e : T(0));
      c.actGrad = rsag ? X * e / t : (l.conjugate ? T(0) : X * e);
    } else {
      c.activation = n(l.act) * e;
      c.actGrad = n(l.grad) * e;
    }
  }

  /// Flops/bytes/times of one stage, shared by every kind. Writes every
  /// field of `s`: the TP comm fields start at zero for tpComm/overlapped.
  void computeStage(Stage st, StageCostT<T> &s) const {
    s.flops = stageFlops(st);
    s.bytes = stageBytes(st);
    bool onMatrix = l.matrix && st != Optim;
    double flops = value(s.flops);
    s.flopsTime = real<T>(
        !onMatrix ? ctx.hw.vectorTime(flops)
        : lowGemm ? ctx.hw.computeTime(*ctx.gemmEngine, flops,
                                       EfficiencyKind::Matrix)
                  : ctx.hw.matrixTime(flops));
    s.memTime = real<T>(ctx.hw.mem1Time(value(s.bytes)));
    s.procTime = combine(s.flopsTime, s.memTime);
    clearComm(s);
  }

  /// Zeroes the TP comm fields of a stage (integer zeros, as the defaults).
  static void clearComm(StageCostT<T> &s) {
    for (unsigned k = 0; k < 2; ++k)
      s.commBytes[k] = s.netTime[k] = s.exposed[k] = s.reqBw[k] = T(0);
  }

  /// A stage that costs nothing: every field an integer zero.
  static void zeroStage(StageCostT<T> &s) {
    s.flops = s.flopsTime = s.bytes = s.memTime = s.procTime = T(0);
    clearComm(s);
  }

  T combine(T compute, T memory) const {
    return ctx.hw.roofline ? pyMax(compute, memory) : compute + memory;
  }

  T net(NetOp op, T bytes) const {
    return real<T>(networkTime(*ctx.tpNet, op, value(bytes), value(t)));
  }

  void tpComm(LayerCostT<T> &c) const;
  void moeComm(LayerCostT<T> &c) const;
  T loBytes(Stage st, unsigned k) const;
  T loNetTime(Stage st, unsigned k) const;
  void loTiled(Stage st, StageCostT<T> &s) const;
  void overlapped(LayerCostT<T> &c) const;
};

/// §6.1: Megatron's f/g operators without overlap.
template <class T> void Formulas<T>::tpComm(LayerCostT<T> &c) const {
  T Y = n(l.commElems) * e;
  for (unsigned k = 0; k < 2; ++k) {
    bool split = ctx.split[k];
    NetOp fwOp = split ? (l.conjugate ? NetOp::ReduceScatter : NetOp::AllGather)
                       : NetOp::AllReduce;
    NetOp bwOp = split ? (l.conjugate ? NetOp::AllGather : NetOp::ReduceScatter)
                       : NetOp::AllReduce;
    bool hasFw = split || l.conjugate, hasBw = split || !l.conjugate;
    StageCostT<T> &fw = c.stage[Fw], &ag = c.stage[Agrad], &wg = c.stage[Wgrad];
    fw.commBytes[k] = hasFw ? Y : T(0);
    ag.commBytes[k] = hasBw ? Y : T(0);
    wg.commBytes[k] = l.recomm && hasFw ? Y : T(0);
    T fwNet = hasFw ? net(fwOp, Y) : T(0);
    T bwNet = hasBw ? net(bwOp, Y) : T(0);
    fw.netTime[k] = fwNet + combine(fw.flopsTime, fw.memTime);
    ag.netTime[k] = bwNet + combine(ag.flopsTime, ag.memTime);
    // The recomm is the forward op again plus C(wgrad), which is 0 (a real
    // 0: the layer has no wgrad flops or traffic).
    wg.netTime[k] = l.recomm ? (hasFw ? net(fwOp, Y) : T(0)) +
                                   combine(wg.flopsTime, wg.memTime)
                             : T(0);
    for (unsigned st = 0; st < NumStages; ++st)
      c.stage[st].exposed[k] = c.stage[st].netTime[k];
    c.recommExposed[k] = wg.netTime[k];
  }
  // Calculon quirk §15.8: the op's own time is charged in its network time.
  for (StageCostT<T> &s : c.stage)
    s.procTime = T(0);
}

/// docs/model.md "Mixture of experts": the all-to-all over EP, or the
/// expert-TP all-gather/reduce-scatter over ETP on the TP tier. Never
/// overlapped: exposed time = network time, the same in base and edge
/// blocks. The recomm is the forward exchange again (full recompute).
template <class T> void Formulas<T>::moeComm(LayerCostT<T> &c) const {
  bool a2a = l.kind == LayerKind::AllToAll;
  int64_t peers = a2a ? ctx.ep : ctx.etp;
  StageCostT<T> &fw = c.stage[Fw], &ag = c.stage[Agrad], &wg = c.stage[Wgrad];
  if (peers <= 1) // A local permutation: no network.
    return;
  const Network &net = a2a ? *ctx.epNet : *ctx.tpNet;
  NetOp fwOp = a2a ? NetOp::AllToAll
                   : (l.conjugate ? NetOp::ReduceScatter : NetOp::AllGather);
  NetOp bwOp = a2a ? NetOp::AllToAll
                   : (l.conjugate ? NetOp::AllGather : NetOp::ReduceScatter);
  T Y = T(l.commElems) * e;
  double P = double(peers);
  T fwNet = real<T>(networkTime(net, fwOp, value(Y), P));
  T bwNet = real<T>(networkTime(net, bwOp, value(Y), P));
  for (unsigned k = 0; k < 2; ++k) {
    fw.commBytes[k] = ag.commBytes[k] = Y;
    fw.netTime[k] = fw.exposed[k] = fwNet;
    ag.netTime[k] = ag.exposed[k] = bwNet;
    wg.commBytes[k] = l.recomm ? Y : T(0);
    wg.netTime[k] = wg.exposed[k] = c.recommExposed[k] =
        l.recomm ? fwNet : T(0);
  }
}

/// §6.2 comm bytes of an overlapped linear for stage st, block kind k.
template <class T> T Formulas<T>::loBytes(Stage st, unsigned k) const {
  T gathered = n(l.inputs) * e, full = n(l.outputs) * e;
  bool split = ctx.split[k];
  switch (st) {
  case Fw:
    return l.conjugate ? full : (split ? gathered : T(0));
  case Agrad:
    return l.conjugate ? (split ? full : T(0)) : gathered;
  case Wgrad:
    return l.recomm ? loBytes(Fw, k) : T(0);
  case Optim:
    return T(0);
  }
  return T(0);
}

/// §6.2 network time of an overlapped linear, reduction compute included.
template <class T> T Formulas<T>::loNetTime(Stage st, unsigned k) const {
  bool split = ctx.split[k];
  T bytes = loBytes(st, k);
  auto reduction = [&]() {
    T flops = ((bytes / e) * (t - T(1))) / t;
    return real<T>(ctx.hw.vectorTime(value(flops)));
  };
  if (l.conjugate) {
    NetOp fwOp = split ? NetOp::ReduceScatter : NetOp::AllReduce;
    if (st == Fw)
      return net(fwOp, bytes) + reduction();
    if (st == Agrad)
      return split ? net(NetOp::AllGather, bytes) : T(0);
    if (st == Wgrad && l.recomm)
      return net(fwOp, bytes);
    return T(0);
  }
  if (st == Fw)
    return split ? net(NetOp::AllGather, bytes) : T(0);
  if (st == Agrad)
    return net(split ? NetOp::ReduceScatter : NetOp::AllReduce, bytes) +
           reduction();
  if (st == Wgrad && l.recomm && split)
    return net(NetOp::AllGather, bytes);
  return T(0);
}

/// §6.2 tiled overlap: processing time and exposed comm of one stage, with
/// the network time of the *base* block (quirk §15.3).
template <class T> void Formulas<T>::loTiled(Stage st, StageCostT<T> &s) const {
  T u = T(ctx.tpNet->processorUsage);
  T tF = s.flopsTime, tFs = tF / (T(1) - u), tM = s.memTime;
  T tN = s.netTime[Base];
  T tC = combine(tF, tM);
  T exposed = T(0), time = tC;
  if (tN != T(0)) {
    T tCs = combine(tFs, tM);
    T tauFs = tFs / t, tauN = tN / t, tauC = tC / t, tauCs = tCs / t;
    T delta = tauN - tauFs;
    if (delta > T(0)) {
      time = tauC + (t - T(1)) * tauCs;
      exposed = (t - T(1)) * delta;
    } else {
      time = (tauC + (t - T(1)) * tauC) + ((t - T(1)) * tauN) * u;
    }
    if (ctx.pipe) { // Calculon quirk §15.2: first comm tile counted twice.
      exposed += tauN;
      time += tauN;
    }
  }
  s.procTime = time;
  s.exposed[Base] = s.exposed[Edge] = exposed;
  if (st == Fw || st == Agrad) // Only these feed tp_bw_overlap_req.
    for (unsigned k = 0; k < 2; ++k)
      s.reqBw[k] = (s.commBytes[k] / t) / (tFs / t);
}

template <class T> void Formulas<T>::overlapped(LayerCostT<T> &c) const {
  c.tiles = int(ctx.t);
  for (unsigned st = 0; st < NumStages; ++st) {
    StageCostT<T> &s = c.stage[st];
    for (unsigned k = 0; k < 2; ++k) {
      s.commBytes[k] = loBytes(Stage(st), k);
      s.netTime[k] = loNetTime(Stage(st), k);
    }
    loTiled(Stage(st), s);
  }
  // Calculon quirk §15.3: recomm reads the stored forward exposed time.
  c.recommExposed[Base] = c.recommExposed[Edge] = c.stage[Fw].exposed[Base];
}

} // namespace

// `cost` is filled in place, every field written once: the search calls
// this for every layer of every candidate, and zero-filling a fresh
// LayerCostT and copying it over took about a third of its time.
template <class T>
void calc::cost::costLayer(const Layer &layer, const CostContext &ctx,
                           LayerCostT<T> &cost) {
  Formulas<T> f(layer, ctx);
  cost.recommExposed[Base] = cost.recommExposed[Edge] = T(0);
  cost.tiles = 1;
  f.memory(cost);
  // Without TP (t = 1) a TPComm layer is all (integer) zeros (§6.1, §17),
  // except that rs_ag still divides its (zero) memory by t.
  if (layer.kind == LayerKind::TPComm && layer.commElems == 0) {
    for (StageCostT<T> &s : cost.stage)
      f.zeroStage(s);
    cost.stage[Optim].flops = f.stageFlops(Optim); // (0 / S_o) * 11, a real
    cost.stage[Optim].bytes = f.stageBytes(Optim);
    return;
  }
  for (unsigned st = 0; st < NumStages; ++st)
    f.computeStage(Stage(st), cost.stage[st]);
  if (layer.kind == LayerKind::TPComm)
    f.tpComm(cost);
  else if (layer.kind == LayerKind::LinearOverlapped)
    f.overlapped(cost);
  else if (isMoeComm(layer.kind))
    f.moeComm(cost);
}

template void calc::cost::costLayer<double>(const Layer &, const CostContext &,
                                            LayerCostT<double> &);
template void calc::cost::costLayer<PyNum>(const Layer &, const CostContext &,
                                           LayerCostT<PyNum> &);
