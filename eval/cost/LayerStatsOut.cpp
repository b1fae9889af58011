//===- LayerStatsOut.cpp - Per-layer statistics of `llm -l` (§10.2) -------===//
#include "eval/cost/LayerStatsOut.h"
#include "eval/cost/PyNum.h"

#include <limits>

using namespace calc::cost;

namespace {

/// flops / bytes; 0 without flops, +inf without bytes (§10.2).
template <class T> T intensity(T flops, T bytes) {
  if (flops == T(0))
    return T(0);
  if (bytes == T(0))
    return T(std::numeric_limits<double>::infinity());
  return flops / bytes;
}

/// flops, bytes, intensity, processing time of one stage.
template <class T>
void stageHead(T *out, LayerStat first, const StageCostT<T> &s) {
  unsigned i = static_cast<unsigned>(first);
  out[i] = s.flops;
  out[i + 1] = s.bytes;
  out[i + 2] = intensity(s.flops, s.bytes);
  out[i + 3] = s.procTime;
}

/// tile, size, time, exposed of one stage's TP comm, base then edge each.
template <class T>
void stageComm(T *out, LayerStat first, const StageCostT<T> &s, int tiles) {
  unsigned i = static_cast<unsigned>(first);
  for (unsigned k = 0; k < 2; ++k) {
    // Tile = size / t for overlapped linears, the whole size otherwise.
    out[i + k] = tiles > 1 ? s.commBytes[k] / T(tiles) : s.commBytes[k];
    out[i + 2 + k] = s.commBytes[k];
    out[i + 4 + k] = s.netTime[k];
    out[i + 6 + k] = s.exposed[k];
  }
}

template <class T> T &at(T *out, LayerStat s) {
  return out[static_cast<unsigned>(s)];
}

} // namespace

template <class T>
void calc::cost::fillLayerStats(const Layer &l, const LayerCostT<T> &c,
                                T (&out)[NumLayerStats]) {
  at(out, LayerStat::InputsSize) = asInt<T>(l.inputs);
  at(out, LayerStat::OutputsSize) = asInt<T>(l.outputs);
  stageHead(out, LayerStat::FwFlops, c.stage[Fw]);
  stageComm(out, LayerStat::BaseFwTpCommTile, c.stage[Fw], c.tiles);
  stageHead(out, LayerStat::AgradFlops, c.stage[Agrad]);
  stageComm(out, LayerStat::BaseBwTpCommTile, c.stage[Agrad], c.tiles);
  stageHead(out, LayerStat::WgradFlops, c.stage[Wgrad]);
  stageComm(out, LayerStat::BaseRecommTile, c.stage[Wgrad], c.tiles);
  stageHead(out, LayerStat::OptimFlops, c.stage[Optim]);
  at(out, LayerStat::Weight) = c.weight;
  at(out, LayerStat::Activation) = c.activation;
  at(out, LayerStat::WeightGrad) = c.weightGrad;
  at(out, LayerStat::ActivationGrad) = c.actGrad;
  at(out, LayerStat::Optimizer) = c.optimizer;
}

template void calc::cost::fillLayerStats<double>(const Layer &,
                                                 const LayerCostT<double> &,
                                                 double (&)[NumLayerStats]);
template void calc::cost::fillLayerStats<PyNum>(const Layer &,
                                                const LayerCostT<PyNum> &,
                                                PyNum (&)[NumLayerStats]);

void calc::cost::layerStats(const Workspace &ws,
                            llvm::SmallVectorImpl<LayerStats> &out) {
  out.clear();
  for (size_t i = 0, e = ws.layers.size(); i != e; ++i) {
    LayerStats r;
    r.name = ws.layers[i].name;
    fillLayerStats(ws.layers[i], ws.costs[i], r.values);
    out.push_back(r);
  }
}
