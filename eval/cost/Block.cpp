//===- Block.cpp - One block, one microbatch: sums over its layers --------===//
#include "eval/cost/Block.h"

using namespace calc::cost;

static void addStage(StageTotals &to, const StageCost &s) {
  to.flops += s.flops;
  to.flopsTime += s.flopsTime;
  to.bytes += s.bytes;
  to.memTime += s.memTime;
  to.time += s.procTime;
}

static double maxOf(double a, double b) { return a > b ? a : b; }

static void sumMemory(const Layer &l, const LayerCost &c, bool training,
                      BlockTotals &b) {
  b.weight += c.weight;
  if (!l.actReused)
    b.actWork += c.activation;
  b.actStore += c.activation;
  if (!training)
    return;
  if (!l.outStored)
    b.actStore -= c.output;
  if (!l.actStored)
    b.actStore -= c.activation;
  b.weightGrad += c.weightGrad;
  b.weightGradFull += c.weightGradFull;
  b.actGrad += c.actGrad;
  b.optimizer += c.optimizer;
}

static void sumLayer(const Layer &l, const LayerCost &c, bool training,
                     BlockTotals &b) {
  const StageCost &fw = c.stage[Fw];
  addStage(b.fw, fw);
  for (unsigned k = 0; k < 2; ++k) {
    b.tpFwSize[k] += fw.commBytes[k];
    b.tpFwTime[k] += fw.netTime[k];
    b.tpFwExposed[k] += fw.exposed[k];
  }
  b.tpReqBw = maxOf(b.tpReqBw, maxOf(fw.reqBw[Base], fw.reqBw[Edge]));
  if (training) {
    if (l.recompute) {
      // Calculon quirk §15.1: recompute adds the running forward totals.
      b.re.flops += b.fw.flops;
      b.re.flopsTime += b.fw.flopsTime;
      b.re.bytes += b.fw.bytes;
      b.re.memTime += b.fw.memTime;
      b.re.time += fw.procTime;
    }
    if (l.recomm) {
      const StageCost &wg = c.stage[Wgrad];
      for (unsigned k = 0; k < 2; ++k) {
        b.recommSize[k] += wg.commBytes[k];
        b.recommTime[k] += wg.netTime[k];
        b.recommExposed[k] += c.recommExposed[k];
      }
    }
    const StageCost &ag = c.stage[Agrad];
    addStage(b.ag, ag);
    for (unsigned k = 0; k < 2; ++k) {
      b.tpAgSize[k] += ag.commBytes[k];
      b.tpAgTime[k] += ag.netTime[k];
      b.tpAgExposed[k] += ag.exposed[k];
    }
    b.tpReqBw = maxOf(b.tpReqBw, maxOf(ag.reqBw[Base], ag.reqBw[Edge]));
    addStage(b.wg, c.stage[Wgrad]);
    addStage(b.op, c.stage[Optim]);
  }
  sumMemory(l, c, training, b);
}

void calc::cost::sumBlock(llvm::ArrayRef<Layer> layers,
                          llvm::ArrayRef<LayerCost> costs, bool training,
                          bool fullRecompute, BlockTotals &out) {
  out = BlockTotals();
  for (size_t i = 0, e = layers.size(); i != e; ++i)
    sumLayer(layers[i], costs[i], training, out);
  if (fullRecompute)
    out.actStore = 0;
}
