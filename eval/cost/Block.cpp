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

/// The MoE layers' own sums: comm by group, expert time and memory.
template <class T>
void sumMoe(const Layer &l, const LayerCostT<T> &c, bool training,
            BlockTotalsT<T> &b) {
  const StageCostT<T> *st = c.stage;
  if (isMoeComm(l.kind)) {
    T(&time)[3] = l.kind == LayerKind::AllToAll ? b.a2aTime : b.etpTime;
    time[MoeFw] += st[Fw].netTime[Base];
    if (training) {
      time[MoeAg] += st[Agrad].netTime[Base];
      if (l.recomm)
        time[MoeRe] += st[Wgrad].netTime[Base];
    }
    return;
  }
  b.expertWeight += c.weight;
  b.expertTime += st[Fw].procTime;
  if (!training)
    return;
  if (l.recompute)
    b.expertTime += st[Fw].procTime;
  b.expertTime += st[Agrad].procTime + st[Wgrad].procTime;
  b.expertWeightGrad += c.weightGrad;
  b.expertOptimizer += c.optimizer;
}

template <class T>
void sumLayer(const Layer &l, const LayerCostT<T> &c, bool training,
              bool exactRecompute, BlockTotalsT<T> &b) {
  const StageCostT<T> &fw = c.stage[Fw];
  addStage(b.fw, fw);
  if (l.attnCore) {
    b.attnCoreTime[0] += fw.procTime;
    if (training)
      b.attnCoreTime[1] += c.stage[Agrad].procTime;
  }
  // MoE comm is kept apart from Calculon's TP comm statistics.
  bool moe = l.expert || isMoeComm(l.kind);
  if (moe)
    sumMoe(l, c, training, b);
  else
    addComm(b.tpFwSize, b.tpFwTime, b.tpFwExposed, b.tpReqBw, fw);
  if (training) {
    if (l.recompute) {
      // Calculon quirk §15.1: recompute adds the running forward totals.
      b.re.flops += b.fw.flops;
      b.re.flopsTime += b.fw.flopsTime;
      b.re.bytes += b.fw.bytes;
      b.re.memTime += b.fw.memTime;
      b.re.time += fw.procTime;
      if (exactRecompute) {
        b.reOwnFlopsTime += fw.flopsTime;
        b.reOwnMemTime += fw.memTime;
      }
    }
    if (l.recomm && !moe) {
      const StageCostT<T> &wg = c.stage[Wgrad];
      for (unsigned k = 0; k < 2; ++k) {
        b.recommSize[k] += wg.commBytes[k];
        b.recommTime[k] += wg.netTime[k];
        b.recommExposed[k] += c.recommExposed[k];
      }
    }
    addStage(b.ag, c.stage[Agrad]);
    if (!moe)
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
                          bool fullRecompute, BlockTotalsT<T> &out,
                          bool exactRecompute) {
  out = BlockTotalsT<T>();
  for (size_t i = 0, e = layers.size(); i != e; ++i)
    sumLayer(layers[i], costs[i], training, exactRecompute, out);
  if (fullRecompute)
    out.actStore = T(0);
}

namespace {

/// Applies `f(out, a, b)` to every scalar of the totals.
template <class T, class F>
void eachTotal(BlockTotalsT<T> &o, const BlockTotalsT<T> &a,
               const BlockTotalsT<T> &b, F f) {
  StageTotalsT<T> *os[] = {&o.fw, &o.re, &o.ag, &o.wg, &o.op};
  const StageTotalsT<T> *as[] = {&a.fw, &a.re, &a.ag, &a.wg, &a.op};
  const StageTotalsT<T> *bs[] = {&b.fw, &b.re, &b.ag, &b.wg, &b.op};
  for (unsigned i = 0; i < 5; ++i) {
    f(os[i]->flops, as[i]->flops, bs[i]->flops);
    f(os[i]->flopsTime, as[i]->flopsTime, bs[i]->flopsTime);
    f(os[i]->bytes, as[i]->bytes, bs[i]->bytes);
    f(os[i]->memTime, as[i]->memTime, bs[i]->memTime);
    f(os[i]->time, as[i]->time, bs[i]->time);
  }
  for (unsigned k = 0; k < 2; ++k) {
    f(o.tpFwSize[k], a.tpFwSize[k], b.tpFwSize[k]);
    f(o.tpFwTime[k], a.tpFwTime[k], b.tpFwTime[k]);
    f(o.tpFwExposed[k], a.tpFwExposed[k], b.tpFwExposed[k]);
    f(o.tpAgSize[k], a.tpAgSize[k], b.tpAgSize[k]);
    f(o.tpAgTime[k], a.tpAgTime[k], b.tpAgTime[k]);
    f(o.tpAgExposed[k], a.tpAgExposed[k], b.tpAgExposed[k]);
    f(o.recommSize[k], a.recommSize[k], b.recommSize[k]);
    f(o.recommTime[k], a.recommTime[k], b.recommTime[k]);
    f(o.recommExposed[k], a.recommExposed[k], b.recommExposed[k]);
  }
  for (unsigned k = 0; k < 3; ++k) {
    f(o.a2aTime[k], a.a2aTime[k], b.a2aTime[k]);
    f(o.etpTime[k], a.etpTime[k], b.etpTime[k]);
  }
  f(o.reOwnFlopsTime, a.reOwnFlopsTime, b.reOwnFlopsTime);
  f(o.attnCoreTime[0], a.attnCoreTime[0], b.attnCoreTime[0]);
  f(o.attnCoreTime[1], a.attnCoreTime[1], b.attnCoreTime[1]);
  f(o.reOwnMemTime, a.reOwnMemTime, b.reOwnMemTime);
  T *ov[] = {&o.backwardFlops, &o.weight,           &o.actWork,
             &o.actStore,      &o.weightGrad,       &o.weightGradFull,
             &o.actGrad,       &o.optimizer,        &o.expertTime,
             &o.expertWeight,  &o.expertWeightGrad, &o.expertOptimizer};
  const T *av[] = {&a.backwardFlops, &a.weight,           &a.actWork,
                   &a.actStore,      &a.weightGrad,       &a.weightGradFull,
                   &a.actGrad,       &a.optimizer,        &a.expertTime,
                   &a.expertWeight,  &a.expertWeightGrad, &a.expertOptimizer};
  const T *bv[] = {&b.backwardFlops, &b.weight,           &b.actWork,
                   &b.actStore,      &b.weightGrad,       &b.weightGradFull,
                   &b.actGrad,       &b.optimizer,        &b.expertTime,
                   &b.expertWeight,  &b.expertWeightGrad, &b.expertOptimizer};
  for (unsigned i = 0; i < 12; ++i)
    f(*ov[i], *av[i], *bv[i]);
}

} // namespace

template <class T>
void calc::cost::meanBlock(const BlockTotalsT<T> &a, int64_t na,
                           const BlockTotalsT<T> &b, int64_t nb,
                           BlockTotalsT<T> &out) {
  // Every scalar of the totals is visited once (tpReqBw apart).
  static_assert(sizeof(BlockTotalsT<double>) ==
                    (25 + 18 + 6 + 13 + 2 + 2) * sizeof(double),
                "meanBlock must visit every field of BlockTotalsT");
  T wa = T(na), wb = T(nb), n = T(na + nb);
  eachTotal(out, a, b,
            [&](T &o, const T &x, const T &y) { o = (wa * x + wb * y) / n; });
  out.tpReqBw = pyMax(a.tpReqBw, b.tpReqBw);
}

template void calc::cost::meanBlock<double>(const BlockTotalsT<double> &,
                                            int64_t,
                                            const BlockTotalsT<double> &,
                                            int64_t, BlockTotalsT<double> &);
template void calc::cost::meanBlock<PyNum>(const BlockTotalsT<PyNum> &, int64_t,
                                           const BlockTotalsT<PyNum> &, int64_t,
                                           BlockTotalsT<PyNum> &);

template void calc::cost::sumBlock<double>(llvm::ArrayRef<Layer>,
                                           llvm::ArrayRef<LayerCostT<double>>,
                                           bool, bool, BlockTotalsT<double> &,
                                           bool);
template void calc::cost::sumBlock<PyNum>(llvm::ArrayRef<Layer>,
                                          llvm::ArrayRef<LayerCostT<PyNum>>,
                                          bool, bool, BlockTotalsT<PyNum> &,
                                          bool);
