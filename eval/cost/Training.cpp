//===- Training.cpp - Evaluate one (model, system, execution) -------------===//
//
// The pipeline of one evaluation: checks, layer list, per-layer costs, block
// sums, batch level, memory tiers (docs/calculon-model.md §2.4 order: compile
// checks, then the run, then the tier-1 and tier-2 capacity checks).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Training.h"
#include "eval/cost/Batch.h"
#include "eval/cost/BlockBuilder.h"
#include "eval/cost/LayerCost.h"
#include "eval/cost/LayerStatsOut.h"
#include "eval/cost/PyNum.h"

#include <algorithm>
#include <cmath>

using namespace calc::cost;

namespace {

Geometry makeGeometry(const Model &m, const Execution &x) {
  Geometry g;
  g.p = x.pipelinePar;
  g.v = x.pipelineInterleaving;
  // Weights are replicated over DP x CP, and reduced over both.
  g.D = x.dataPar * x.contextPar;
  g.B = x.batchSize;
  g.Lp = m.blocksPerStage(g.p);
  g.Rb = m.numBlocks % g.p ? g.p - m.numBlocks % g.p : 0;
  g.c = g.Lp / g.v;
  g.n = (x.batchSize / x.dataPar) / x.microbatchSize;
  g.training = x.training;
  g.fullRecompute = x.activationRecompute == Recompute::Full;
  int64_t e = bytesPerElement(x.datatype);
  int64_t M = x.microbatchSize * (m.seqSize / x.contextPar);
  int64_t A = M * m.hidden;
  g.checkpoint = g.training && g.fullRecompute ? A * e : 0;
  bool pprs = x.tensorParCommType != TpCommType::AllReduce;
  int64_t As = (M / x.tensorPar) * m.hidden;
  g.ppSize = g.p == 1 ? 0 : (pprs ? As : A) * e;
  if (m.isMoe()) {
    g.moe = true;
    g.edp = x.expertDataPar();
  }
  if (x.contextPar > 1) {
    // Each ring step passes one rank's keys and values on (docs/model.md).
    g.cp = x.contextPar;
    g.cpChunkBytes =
        2.0 * double(M) * double(kvWidthPerRank(m, x.tensorPar)) * double(e);
  }
  return g;
}

int resolveNet(const System &sys, int index) {
  return index < 0 ? index + int(sys.networks.size()) : index;
}

CostContext makeContext(const Model &m, const System &sys, const Execution &x,
                        Workspace &ws) {
  CostContext ctx;
  unsigned dt = static_cast<unsigned>(x.datatype);
  ctx.hw.matrix = &sys.matrix[dt];
  ctx.hw.vector = &sys.vector[dt];
  ctx.hw.mem1 = &sys.mem1;
  ctx.hw.mem2 = &sys.mem2;
  ctx.hw.roofline = sys.processingMode == ProcessingMode::Roofline;
  ctx.hw.ws = &ws;
  ctx.e = bytesPerElement(x.datatype);
  if (x.matrixDatatype != x.datatype) {
    ctx.lowGemm = true;
    ctx.gemmEngine = &sys.matrix[static_cast<unsigned>(x.matrixDatatype)];
    ctx.em = bytesPerElement(x.matrixDatatype);
  }
  ctx.shards = x.optimizerSharding ? x.dataPar * x.contextPar : 1;
  ctx.t = x.tensorPar;
  ctx.comm = x.tensorParCommType;
  ctx.pipe = x.tensorParOverlap == TpOverlap::Pipe;
  int count = int(sys.networks.size());
  int tp = x.tensorParNet < 0 ? x.tensorParNet + count : x.tensorParNet;
  ctx.tpNet = &sys.networks[tp];
  ctx.split[Base] = x.tensorParCommType == TpCommType::RsAg;
  ctx.split[Edge] = x.tensorParCommType != TpCommType::AllReduce;
  ctx.epNet = ctx.tpNet;
  if (m.isMoe()) {
    ctx.ep = x.expertPar;
    ctx.etp = x.expertTensorPar;
    ctx.expertShards = x.optimizerSharding ? x.expertDataPar() : 1;
    ctx.epNet = &sys.networks[resolveNet(sys, x.expertParNet)];
  }
  return ctx;
}

/// The layers of every block type the model has (Workspace::numKinds).
void buildLayers(const Model &m, const Execution &x, Workspace &ws) {
  ws.layers.clear();
  unsigned kinds = 0;
  auto add = [&](BlockType type) {
    appendBlock(m, x, type, ws.layers);
    ws.kindType[kinds] = type;
    ws.kindEnd[kinds++] = ws.layers.size();
  };
  if (!m.isMoe() || m.denseBlocks > 0)
    add(BlockType::Dense);
  if (m.isMoe())
    add(BlockType::Moe);
  ws.numKinds = kinds;
}

/// Wall time of one block of a kind, for choosing the busiest stage.
template <class T> T blockWork(const BlockTotalsT<T> &b) {
  return b.fw.time + b.ag.time + b.wg.time + b.re.time + moeFwComm(b) +
         moeBwComm(b);
}

/// The block the batch level costs: the only one, or the mean block of the
/// stage with the most work when dense and MoE blocks share a pipeline
/// stage (docs/model.md, "Stages of mixed blocks"). Sets g.moeBlocks.
template <class T>
void stageBlock(const Model &m, const Workspace &ws,
                llvm::ArrayRef<LayerCostT<T>> costs, Geometry &g,
                BlockTotalsT<T> &out) {
  llvm::ArrayRef<Layer> layers = ws.layers;
  if (ws.numKinds == 1) {
    sumBlock<T>(layers, costs, g.training, g.fullRecompute, out, g.moe);
    g.moeBlocks = ws.kindType[0] == BlockType::Moe ? g.Lp : 0;
    return;
  }
  BlockTotalsT<T> dense, moe;
  size_t split = ws.kindEnd[0];
  sumBlock<T>(layers.take_front(split), costs.take_front(split), g.training,
              g.fullRecompute, dense, g.moe);
  sumBlock<T>(layers.drop_front(split), costs.drop_front(split), g.training,
              g.fullRecompute, moe, g.moe);
  // The stage with the most work holds as many of the costlier kind as the
  // model has (contiguous stages of ceil(L/p) blocks).
  int64_t nMoe = !(blockWork(moe) < blockWork(dense))
                     ? std::min(g.Lp, m.moeBlocks())
                     : g.Lp - std::min(g.Lp, m.denseBlocks);
  g.moeBlocks = nMoe;
  if (nMoe == g.Lp)
    out = moe;
  else if (nMoe == 0)
    out = dense;
  else
    meanBlock(dense, g.Lp - nMoe, moe, nMoe, out);
}

/// §2.4 #26/#27: tier 1 first, strictly greater fails.
EvalStatus checkCapacity(const System &sys, const Stats &s) {
  EvalStatus st;
  if (s[Stat::ProcMemTier1CapReq] > sys.mem1.capacity) {
    st.error = EvalError::Mem1Capacity;
    st.x = s[Stat::ProcMemTier1CapReq];
    st.y = sys.mem1.capacity;
  } else if (s[Stat::ProcMemTier2CapReq] > sys.mem2.capacity) {
    st.error = EvalError::Mem2Capacity;
    st.x = s[Stat::ProcMemTier2CapReq];
    st.y = sys.mem2.capacity;
  }
  return st;
}

} // namespace

EvalStatus calc::cost::evaluateTraining(const Model &model, const System &sys,
                                        const Execution &exe, Workspace &ws,
                                        Stats &stats) {
  EvalStatus status = checkExecution(model, sys, exe);
  if (!status.ok())
    return status;
  unsigned dt = static_cast<unsigned>(exe.datatype);
  if (!sys.matrix[dt].present || !sys.vector[dt].present)
    return EvalStatus::fail(EvalError::DatatypeUnsupported, dt,
                            sys.matrix[dt].present ? 1 : 0);
  unsigned mdt = static_cast<unsigned>(exe.matrixDatatype);
  if (!sys.matrix[mdt].present)
    return EvalStatus::fail(EvalError::DatatypeUnsupported, mdt, 0);

  ws.lookupFailed = false;
  buildLayers(model, exe, ws);
  CostContext ctx = makeContext(model, sys, exe, ws);
  // costLayer writes every field, so growing need not value-initialize.
  ws.costs.resize_for_overwrite(ws.layers.size());
  for (size_t i = 0, e = ws.layers.size(); i != e; ++i)
    costLayer(ws.layers[i], ctx, ws.costs[i]);

  Geometry g = makeGeometry(model, exe);
  BlockTotals block;
  stageBlock<double>(model, ws, ws.costs, g, block);
  stats = Stats();
  blockStats(block, g, stats);
  DpResult dp;
  batchTimes(block, g, ctx.hw, sys, exe, stats, dp);
  batchMemory(block, g, exe, stats);
  if (!ws.figuresValid || !ws.figuresModel.sameAs(model)) {
    ws.figuresModel = model;
    ws.figures = modelFigures(model);
    ws.figuresValid = true;
  }
  extStats(block, g, model, ws.figures, exe, dp, stats);
  if (ws.lookupFailed) {
    status.error = EvalError::EfficiencyLookup;
    status.a = int64_t(ws.lookupKind);
    status.x = ws.lookupValue;
    return status;
  }
  if (!std::isfinite(stats[Stat::TotalTime]))
    return EvalStatus::fail(EvalError::Sanity);
  return checkCapacity(sys, stats);
}

void calc::cost::statTypes(const Model &model, const System &sys,
                           const Execution &exe, const Workspace &ws,
                           StatTypes &types) {
  Workspace scratch; // lookups already succeeded; failures are not reported
  CostContext ctx = makeContext(model, sys, exe, scratch);
  llvm::SmallVector<LayerCostT<PyNum>, 32> costs(ws.layers.size());
  types.layerIsInt.assign(ws.layers.size(), {});
  for (size_t i = 0, e = ws.layers.size(); i != e; ++i) {
    costLayer(ws.layers[i], ctx, costs[i]);
    PyNum values[NumLayerStats];
    fillLayerStats(ws.layers[i], costs[i], values);
    for (unsigned k = 0; k < NumLayerStats; ++k)
      types.layerIsInt[i][k] = values[k].isInt;
  }
  Geometry g = makeGeometry(model, exe);
  BlockTotalsT<PyNum> block;
  stageBlock<PyNum>(model, ws, costs, g, block);
  StatsT<PyNum> stats;
  blockStats(block, g, stats);
  DpResultT<PyNum> dp;
  batchTimes(block, g, ctx.hw, sys, exe, stats, dp);
  batchMemory(block, g, exe, stats);
  extStats(block, g, model, modelFigures(model), exe, dp, stats);
  for (unsigned k = 0; k < NumStats + NumExtStats; ++k)
    types.isInt[k] = stats.values[k].isInt;
}
