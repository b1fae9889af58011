//===- Block.cpp - One block, one microbatch: sums over its layers --------===//
#include "eval/cost/Block.h"
#include "eval/cost/PyNum.h"

using namespace calc::cost;

namespace {

template <class T> void addStage(StageTotalsT<T> &to, const StageCostT<T> &s) {
  to.flops += s.flops;
  to.flopsTime += s.flopsTime;
  to.bytes += s.bytes;
  to.memTime += s.memTime;
  to.time += s.procTime;
}

template <class T>
void sumMemory(const Layer &l, const LayerCostT<T> &c, bool training,
               BlockTotalsT<T> &b) {
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

/// TP comm sizes, times, exposed times and the overlap bandwidth of a stage.
template <class T>
void addComm(T (&size)[2], T (&time)[2], T (&exposed)[2], T &reqBw,
             const StageCostT<T> &s) {
  for (unsigned k = 0; k < 2; ++k) {
    size[k] += s.commBytes[k];
    time[k] += s.netTime[k];
    exposed[k] += s.exposed[k];
  }
  reqBw = pyMax(pyMax(reqBw, s.reqBw[Base]), s.reqBw[Edge]);
}

template <class T>
void sumLayer(const Layer &l, const LayerCostT<T> &c, bool training,
              BlockTotalsT<T> &b) {
  const StageCostT<T> &fw = c.stage[Fw];
  addStage(b.fw, fw);
  addComm(b.tpFwSize, b.tpFwTime, b.tpFwExposed, b.tpReqBw, fw);
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
      const StageCostT<T> &wg = c.stage[Wgrad];
      for (unsigned k = 0; k < 2; ++k) {
        b.recommSize[k] += wg.commBytes[k];
        b.recommTime[k] += wg.netTime[k];
        b.recommExposed[k] += c.recommExposed[k];
      }
    }
    addStage(b.ag, c.stage[Agrad]);
    addComm(b.tpAgSize, b.tpAgTime, b.tpAgExposed, b.tpReqBw, c.stage[Agrad]);
    addStage(b.wg, c.stage[Wgrad]);
    addStage(b.op, c.stage[Optim]);
    b.backwardFlops +=
        c.stage[Agrad].flops + c.stage[Wgrad].flops + c.stage[Optim].flops;
  }
  sumMemory(l, c, training, b);
}

} // namespace

template <class T>
void calc::cost::sumBlock(llvm::ArrayRef<Layer> layers,
                          llvm::ArrayRef<LayerCostT<T>> costs, bool training,
                          bool fullRecompute, BlockTotalsT<T> &out) {
  out = BlockTotalsT<T>();
  for (size_t i = 0, e = layers.size(); i != e; ++i)
    sumLayer(layers[i], costs[i], training, out);
  if (fullRecompute)
    out.actStore = T(0);
}

template void calc::cost::sumBlock<double>(llvm::ArrayRef<Layer>,
                                           llvm::ArrayRef<LayerCostT<double>>,
                                           bool, bool, BlockTotalsT<double> &);
template void calc::cost::sumBlock<PyNum>(llvm::ArrayRef<Layer>,
                                          llvm::ArrayRef<LayerCostT<PyNum>>,
                                          bool, bool, BlockTotalsT<PyNum> &);
