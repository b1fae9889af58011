//===- LayerCost.cpp - Per-stage cost of one layer ------------------------===//
//
// calculon-model.md §5 (defaults and per-kind overrides), §6.1 (TPComm),
// §6.2 (overlapped linear with its tiled-overlap timing).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/LayerCost.h"

using namespace calc::cost;

namespace {

/// Optimizer bytes: (fp32 master copy + fp32 Adam m, v) / S_o (§5).
double optimizerBytes(const Layer &l, const CostContext &ctx) {
  double master = ctx.e < 4 ? 4 * l.weights : 0;
  return (master + 4 * l.optState) / ctx.shards;
}

/// Memory traffic of one stage (§5 defaults and overrides, §6.1).
double stageBytes(const Layer &l, Stage st, const CostContext &ctx) {
  if (st == Optim)
    return optimizerBytes(l, ctx);
  double e = ctx.e, X = l.inputs;
  switch (l.kind) {
  case LayerKind::DropOut: // Quirk §15.7: the mask is 1 byte per element.
    return st == Wgrad ? 0 : 2 * X * e + X;
  case LayerKind::GeLU:
  case LayerKind::SoftMax:
    return st == Wgrad ? 0 : 2 * X * e;
  case LayerKind::Fork:
    return st == Agrad ? X * e * (l.users + 1) : 0;
  case LayerKind::TPComm: {
    if (l.commElems == 0 || st == Wgrad)
      return 0;
    bool identity = ctx.comm != TpCommType::RsAg &&
                    (st == Fw ? !l.conjugate : l.conjugate);
    return identity ? 0 : 2 * l.commElems * e;
  }
  default:
    break;
  }
  if (st == Fw)
    return (l.inputs + l.outputs + l.weights) * e;
  if (st == Agrad)
    return (l.weights + l.act + l.grad) * e;
  return l.weights == 0 ? 0 : (l.weights + l.act + l.grad) * e;
}

double stageFlops(const Layer &l, Stage st, const CostContext &ctx) {
  switch (st) {
  case Fw:
    return l.fwFlops;
  case Agrad:
    return l.agFlops;
  case Wgrad:
    return l.wgFlops;
  case Optim:
    return (l.weights / ctx.shards) * 11; // Adam, 11 flop per parameter.
  }
  return 0;
}

/// Memory getters (§5 defaults, DropOut and TPComm overrides).
void memory(const Layer &l, const CostContext &ctx, LayerCost &c) {
  double e = ctx.e;
  c.weight = l.weights * e;
  c.output = l.outputs * e;
  c.weightGrad = l.weights * e / ctx.shards;
  c.weightGradFull = 4 * l.weights;
  c.optimizer = optimizerBytes(l, ctx);
  if (l.kind == LayerKind::DropOut) { // Quirk §15.7: 1-byte mask and grad.
    c.activation = l.act;
    c.actGrad = l.grad;
  } else if (l.kind == LayerKind::TPComm) {
    double X = l.commElems;
    bool rsag = ctx.comm == TpCommType::RsAg;
    c.activation = rsag ? X * e / ctx.t : (l.conjugate ? X * e : 0);
    c.actGrad = rsag ? X * e / ctx.t : (l.conjugate ? 0 : X * e);
  } else {
    c.activation = l.act * e;
    c.actGrad = l.grad * e;
  }
}

/// Flops/bytes/times of one stage, shared by every kind.
void computeStage(const Layer &l, Stage st, const CostContext &ctx,
                  StageCost &s) {
  s.flops = stageFlops(l, st, ctx);
  s.bytes = stageBytes(l, st, ctx);
  bool onMatrix = l.matrix && st != Optim;
  s.flopsTime = onMatrix ? ctx.hw.matrixTime(s.flops)
                         : ctx.hw.vectorTime(s.flops);
  s.memTime = ctx.hw.mem1Time(s.bytes);
  s.procTime = ctx.hw.combine(s.flopsTime, s.memTime);
}

/// §6.1: Megatron's f/g operators without overlap.
void costTpComm(const Layer &l, const CostContext &ctx, LayerCost &c) {
  double Y = l.commElems * ctx.e;
  for (unsigned k = 0; k < 2; ++k) {
    bool split = ctx.split[k];
    NetOp fwOp = split ? (l.conjugate ? NetOp::ReduceScatter : NetOp::AllGather)
                       : NetOp::AllReduce;
    NetOp bwOp = split ? (l.conjugate ? NetOp::AllGather : NetOp::ReduceScatter)
                       : NetOp::AllReduce;
    bool hasFw = split || l.conjugate, hasBw = split || !l.conjugate;
    double fwBytes = hasFw ? Y : 0, bwBytes = hasBw ? Y : 0;
    double wgBytes = l.recomm && hasFw ? Y : 0;
    StageCost &fw = c.stage[Fw], &ag = c.stage[Agrad], &wg = c.stage[Wgrad];
    fw.commBytes[k] = fwBytes;
    ag.commBytes[k] = bwBytes;
    wg.commBytes[k] = wgBytes;
    double fwNet = hasFw ? networkTime(*ctx.tpNet, fwOp, fwBytes, ctx.t) : 0;
    double bwNet = hasBw ? networkTime(*ctx.tpNet, bwOp, bwBytes, ctx.t) : 0;
    fw.netTime[k] = fwNet + ctx.hw.combine(fw.flopsTime, fw.memTime);
    ag.netTime[k] = bwNet + ctx.hw.combine(ag.flopsTime, ag.memTime);
    double wgNet = hasFw ? networkTime(*ctx.tpNet, fwOp, wgBytes, ctx.t) : 0;
    wg.netTime[k] = l.recomm ? wgNet + 0.0 : 0;
    for (unsigned st = 0; st < NumStages; ++st)
      c.stage[st].exposed[k] = c.stage[st].netTime[k];
    c.recommExposed[k] = wg.netTime[k];
  }
  // Quirk §15.8: the op's own time is charged inside its network time.
  for (StageCost &s : c.stage)
    s.procTime = 0;
}

/// §6.2 comm bytes of an overlapped linear for stage st, block kind k.
double loBytes(const Layer &l, const CostContext &ctx, Stage st, unsigned k) {
  double gathered = l.inputs * ctx.e, full = l.outputs * ctx.e;
  bool split = ctx.split[k];
  switch (st) {
  case Fw:
    return l.conjugate ? full : (split ? gathered : 0);
  case Agrad:
    return l.conjugate ? (split ? full : 0) : gathered;
  case Wgrad:
    return l.recomm ? loBytes(l, ctx, Fw, k) : 0;
  case Optim:
    return 0;
  }
  return 0;
}

/// §6.2 network time of an overlapped linear, reduction compute included.
double loNetTime(const Layer &l, const CostContext &ctx, Stage st, unsigned k) {
  bool split = ctx.split[k];
  double bytes = loBytes(l, ctx, st, k);
  double t = double(ctx.t);
  auto reduction = [&]() {
    return ctx.hw.vectorTime(((bytes / ctx.e) * (t - 1)) / t);
  };
  if (l.conjugate) {
    NetOp fwOp = split ? NetOp::ReduceScatter : NetOp::AllReduce;
    if (st == Fw)
      return networkTime(*ctx.tpNet, fwOp, bytes, t) + reduction();
    if (st == Agrad)
      return split ? networkTime(*ctx.tpNet, NetOp::AllGather, bytes, t) : 0;
    if (st == Wgrad && l.recomm)
      return networkTime(*ctx.tpNet, fwOp, bytes, t);
    return 0;
  }
  if (st == Fw)
    return split ? networkTime(*ctx.tpNet, NetOp::AllGather, bytes, t) + 0.0
                 : 0;
  if (st == Agrad) {
    NetOp bwOp = split ? NetOp::ReduceScatter : NetOp::AllReduce;
    return networkTime(*ctx.tpNet, bwOp, bytes, t) + reduction();
  }
  if (st == Wgrad && l.recomm && split)
    return networkTime(*ctx.tpNet, NetOp::AllGather, bytes, t);
  return 0;
}

/// §6.2 tiled overlap: processing time and exposed comm of one stage, with
/// the network time of the *base* block (quirk §15.3).
void loTiled(const Layer &l, const CostContext &ctx, Stage st, StageCost &s) {
  double t = double(ctx.t), u = ctx.tpNet->processorUsage;
  double tF = s.flopsTime, tFs = tF / (1 - u), tM = s.memTime;
  double tN = s.netTime[Base];
  double tC = ctx.hw.combine(tF, tM);
  double exposed = 0, time = tC;
  if (tN != 0) {
    double tCs = ctx.hw.combine(tFs, tM);
    double tauFs = tFs / t, tauN = tN / t, tauC = tC / t, tauCs = tCs / t;
    double delta = tauN - tauFs;
    if (delta > 0) {
      time = tauC + (t - 1) * tauCs;
      exposed = (t - 1) * delta;
    } else {
      time = (tauC + (t - 1) * tauC) + ((t - 1) * tauN) * u;
    }
    if (ctx.pipe) { // Quirk §15.2: the first comm tile is counted twice.
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

void costOverlapped(const Layer &l, const CostContext &ctx, LayerCost &c) {
  c.tiles = int(ctx.t);
  for (unsigned st = 0; st < NumStages; ++st) {
    StageCost &s = c.stage[st];
    for (unsigned k = 0; k < 2; ++k) {
      s.commBytes[k] = loBytes(l, ctx, Stage(st), k);
      s.netTime[k] = loNetTime(l, ctx, Stage(st), k);
    }
    loTiled(l, ctx, Stage(st), s);
  }
  // Quirk §15.3: the block reads the stored forward exposed time for recomm.
  c.recommExposed[Base] = c.recommExposed[Edge] = c.stage[Fw].exposed[Base];
}

} // namespace

void calc::cost::costLayer(const Layer &layer, const CostContext &ctx,
                           LayerCost &cost) {
  cost = LayerCost();
  for (unsigned st = 0; st < NumStages; ++st)
    computeStage(layer, Stage(st), ctx, cost.stage[st]);
  memory(layer, ctx, cost);
  if (layer.kind == LayerKind::TPComm) {
    if (layer.commElems != 0) // Without TP (t = 1) everything stays 0.
      costTpComm(layer, ctx, cost);
  }
  else if (layer.kind == LayerKind::LinearOverlapped)
    costOverlapped(layer, ctx, cost);
}
