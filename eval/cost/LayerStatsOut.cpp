//===- LayerStatsOut.cpp - Per-layer statistics of `llm -l` (§10.2) -------===//
#include "eval/cost/Training.h"

#include <limits>

using namespace calc::cost;

namespace {

double intensity(double flops, double bytes) {
  if (flops == 0)
    return 0;
  if (bytes == 0)
    return std::numeric_limits<double>::infinity();
  return flops / bytes;
}

/// flops, bytes, intensity, processing time of one stage.
void stageHead(LayerStats &out, LayerStat first, const StageCost &s) {
  unsigned i = static_cast<unsigned>(first);
  out.values[i] = s.flops;
  out.values[i + 1] = s.bytes;
  out.values[i + 2] = intensity(s.flops, s.bytes);
  out.values[i + 3] = s.procTime;
}

/// tile, size, time, exposed of one stage's TP comm, base then edge each.
void stageComm(LayerStats &out, LayerStat first, const StageCost &s,
               int tiles) {
  unsigned i = static_cast<unsigned>(first);
  for (unsigned k = 0; k < 2; ++k) {
    out.values[i + k] = tiles > 1 ? s.commBytes[k] / tiles : s.commBytes[k];
    out.values[i + 2 + k] = s.commBytes[k];
    out.values[i + 4 + k] = s.netTime[k];
    out.values[i + 6 + k] = s.exposed[k];
  }
}

} // namespace

void calc::cost::layerStats(const Workspace &ws,
                            llvm::SmallVectorImpl<LayerStats> &out) {
  out.clear();
  for (size_t i = 0, e = ws.layers.size(); i != e; ++i) {
    const Layer &l = ws.layers[i];
    const LayerCost &c = ws.costs[i];
    LayerStats r;
    r.name = l.name;
    r[LayerStat::InputsSize] = l.inputs;
    r[LayerStat::OutputsSize] = l.outputs;
    stageHead(r, LayerStat::FwFlops, c.stage[Fw]);
    stageComm(r, LayerStat::BaseFwTpCommTile, c.stage[Fw], c.tiles);
    stageHead(r, LayerStat::AgradFlops, c.stage[Agrad]);
    stageComm(r, LayerStat::BaseBwTpCommTile, c.stage[Agrad], c.tiles);
    stageHead(r, LayerStat::WgradFlops, c.stage[Wgrad]);
    stageComm(r, LayerStat::BaseRecommTile, c.stage[Wgrad], c.tiles);
    stageHead(r, LayerStat::OptimFlops, c.stage[Optim]);
    r[LayerStat::Weight] = c.weight;
    r[LayerStat::Activation] = c.activation;
    r[LayerStat::WeightGrad] = c.weightGrad;
    r[LayerStat::ActivationGrad] = c.actGrad;
    r[LayerStat::Optimizer] = c.optimizer;
    out.push_back(r);
  }
}
