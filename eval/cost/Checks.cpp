//===- Checks.cpp - Validity checks before evaluation (§2.4) --------------===//
//
// The execution-constructor asserts (#2–#14) and the compile-time checks
// (#16–#25) of docs/calculon-model.md §2.4, in Calculon's order, so the same
// input reports the same failure.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/BlockBuilder.h"
#include "eval/cost/Training.h"

#include <algorithm>
#include <initializer_list>

using namespace calc::cost;

namespace {

using S = EvalStatus;
using E = EvalError;

S checkModel(const Model &m) {
  const int64_t fields[] = {m.hidden,    m.feedforward, m.seqSize,
                            m.attnHeads, m.attnSize,    m.numBlocks};
  for (unsigned i = 0; i < 6; ++i)
    if (fields[i] <= 0)
      return S::fail(E::BadModelField, i, fields[i]);
  if (m.kvHeads < 1 || m.kvHeads > m.attnHeads || m.attnHeads % m.kvHeads)
    return S::fail(E::BadKvHeads, m.kvHeads, m.attnHeads);
  return S();
}

/// The product of `factors` if it stays below 2^53 (exact in a double),
/// else -1.
int64_t exactProduct(std::initializer_list<int64_t> factors) {
  constexpr int64_t limit = int64_t(1) << 53;
  int64_t product = 1;
  for (int64_t f : factors)
    if (__builtin_mul_overflow(product, f, &product) || product >= limit)
      return -1;
  return product;
}

/// Guards the largest counts: matmul flops (2*M*h*width), attention flops
/// (4*b*a*s^2*d) and block totals, before anything multiplies them.
bool sizesExact(const Model &m, const Execution &x) {
  // The widths themselves may overflow with absurd inputs (fuzzed JSON).
  int64_t mlp = exactProduct({2, m.feedforward});
  int64_t qkv = exactProduct({3, m.attnHeads, m.attnSize});
  if (mlp < 0 || qkv < 0)
    return false;
  int64_t width = std::max({mlp, qkv, m.hidden});
  // Block counts multiply microbatch counts (Lp * n) and per-block weights.
  if (exactProduct({m.numBlocks, x.batchSize}) < 0 ||
      exactProduct({m.numBlocks, m.hidden, width}) < 0)
    return false;
  return exactProduct({4, x.microbatchSize, m.seqSize, m.hidden, width}) >= 0 &&
         exactProduct({4, x.microbatchSize, m.attnHeads, m.seqSize, m.seqSize,
                       m.attnSize}) >= 0 &&
         exactProduct({x.batchSize, m.seqSize, m.hidden}) >= 0;
}

/// Rows #2–#14: the execution constructor.
S checkConstructor(const Execution &x) {
  const int64_t degrees[] = {x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar};
  for (unsigned i = 0; i < 4; ++i)
    if (degrees[i] <= 0)
      return S::fail(E::NonPositiveDegree, i, degrees[i]);
  if (x.contextPar <= 0)
    return S::fail(E::NonPositiveContextPar, x.contextPar);
  if (exactProduct({x.tensorPar, x.pipelinePar, x.dataPar, x.contextPar}) !=
      x.numProcs) {
    S s = S::fail(E::ProcsMismatch, x.tensorPar, x.pipelinePar, x.dataPar,
                  x.numProcs);
    s.x = double(x.contextPar);
    return s;
  }
  if (x.batchSize <= 0)
    return S::fail(E::NonPositiveBatch, 0, x.batchSize);
  if (x.microbatchSize <= 0)
    return S::fail(E::NonPositiveBatch, 1, x.microbatchSize);
  if (x.batchSize % x.dataPar)
    return S::fail(E::BatchNotMultipleOfDp, x.batchSize, x.dataPar);
  if ((x.batchSize / x.dataPar) % x.microbatchSize)
    return S::fail(E::LocalBatchNotMultipleOfMicrobatch,
                   x.batchSize / x.dataPar, x.microbatchSize);
  if (x.activationRecompute != Recompute::None && !x.training)
    return S::fail(E::RecomputeInInference);
  if (x.pipelineInterleaving <= 0 ||
      (x.pipelinePar == 1 && x.pipelineInterleaving != 1))
    return S::fail(E::BadInterleaving, x.pipelineInterleaving, x.pipelinePar);
  // Megatron shards the optimizer over the DP x CP ranks.
  if (x.optimizerSharding && x.dataPar * x.contextPar <= 1)
    return S::fail(E::ShardingWithoutDp, x.dataPar);
  if (x.tensorParOverlap != TpOverlap::None && x.tensorPar <= 1)
    return S::fail(E::TpOverlapWithoutTp);
  if (x.seqParAgRedo && x.tensorParCommType != TpCommType::RsAg)
    return S::fail(E::AgRedoWithoutRsAg);
  if (x.seqParAgRedo && x.activationRecompute == Recompute::Full)
    return S::fail(E::AgRedoWithFullRecompute);
  if (x.dataParOverlap && !x.training)
    return S::fail(E::DpOverlapInInference);
  if (x.dataParOverlap && x.dataPar * x.contextPar <= 1)
    return S::fail(E::DpOverlapWithoutDp, x.dataPar);
  if (x.optimizerOffload && !x.training)
    return S::fail(E::OptimizerOffloadInInference);
  return S();
}

/// Rows #16–#18: network indices, tier sizes and must_be_filled.
S checkNetworks(const System &sys, const Execution &x) {
  int count = int(sys.networks.size());
  // The context-parallel ring (calcc's) counts in its tier like the others;
  // context_par 1 uses no tier, as Calculon's degrees of 1.
  const int indices[] = {x.tensorParNet, x.pipelineParNet, x.dataParNet,
                         x.contextParNet};
  const int64_t degrees[] = {x.tensorPar, x.pipelinePar, x.dataPar,
                             x.contextPar};
  int resolved[4];
  for (unsigned i = 0; i < 4; ++i) {
    // Quirk §15.21: negative indices count from the end, Python style.
    if (indices[i] >= count || indices[i] < -count)
      return i == 3 ? S::fail(E::ContextNetworkIndex, 0, indices[i], count)
                    : S::fail(E::NetworkIndex, i, indices[i], count);
    resolved[i] = indices[i] < 0 ? indices[i] + count : indices[i];
  }
  for (int tier = 0; tier < count; ++tier) {
    int64_t used = 1;
    for (unsigned i = 0; i < 4; ++i)
      if (resolved[i] == tier && degrees[i] > 1)
        used *= degrees[i];
    const Network &net = sys.networks[tier];
    if (used > net.size)
      return S::fail(E::NetworkTooSmall, tier, used, net.size);
    // Quirk §15.14: divisibility only, not equality.
    if (net.mustBeFilled && net.size % used)
      return S::fail(E::NetworkNotFilled, tier, used, net.size);
  }
  return S();
}

/// Rows #20–#25: pipeline split, offload and TP divisibility.
S checkShapes(const Model &m, const Execution &x) {
  int64_t p = x.pipelinePar, v = x.pipelineInterleaving, t = x.tensorPar;
  int64_t Lp = m.blocksPerStage(p);
  if (v > Lp)
    return S::fail(E::InterleavingTooLarge, v, Lp);
  if (Lp % v)
    return S::fail(E::InterleavingNotFactor, v, Lp);
  if ((x.weightOffload || x.activationsOffload || x.optimizerOffload) &&
      Lp <= 2)
    return S::fail(E::OffloadTooFewBlocks, Lp);
  // Products here run before the size guard: absurd inputs (fuzzed JSON)
  // must not overflow them.
  int64_t M = 0;
  if (__builtin_mul_overflow(x.microbatchSize, m.seqSize, &M))
    return S::fail(E::SizeOverflow);
  if (x.tensorParCommType != TpCommType::AllReduce && M % t)
    return S::fail(E::BatchSeqNotDivisible, M, t);
  if (m.hidden % t)
    return S::fail(E::HiddenNotDivisible, m.hidden, t);
  if (m.feedforward % t)
    return S::fail(E::FeedforwardNotDivisible, m.feedforward, t);
  if (m.attnHeads % t)
    return S::fail(E::HeadsNotDivisible, m.attnHeads, t);
  if (x.tensorParOverlap != TpOverlap::None) {
    int64_t ad = 0, qkv = 0, swiglu = 0;
    if (__builtin_mul_overflow(m.attnHeads, m.attnSize, &ad) ||
        __builtin_mul_overflow(ad, int64_t(3), &qkv) ||
        __builtin_mul_overflow(m.feedforward, int64_t(2), &swiglu))
      return S::fail(E::SizeOverflow);
    int64_t mlp = m.mlpType == MlpType::SwiGlu ? swiglu : m.feedforward;
    const int64_t widths[] = {m.isMultiHead() ? qkv : ad, ad, mlp,
                              m.feedforward};
    for (int64_t w : widths)
      if (w % t)
        return S::fail(E::OverlapWidthNotDivisible, w, t);
  }
  return S();
}

/// Latent-attention fields: only an MLA model may set them, and it needs a
/// latent, a query/key head width and a value head width.
S checkMla(const Model &m) {
  const int64_t f[] = {m.qLoraRank, m.kvLoraRank, m.qkNopeHeadDim,
                       m.qkRopeHeadDim, m.vHeadDim};
  if (!m.isMla()) {
    for (unsigned i = 0; i < 5; ++i)
      if (f[i] != 0)
        return S::fail(E::MlaFieldsWithoutMla, i);
    return S();
  }
  for (unsigned i : {0u, 2u, 3u})
    if (f[i] < 0)
      return S::fail(E::BadMlaField, i, f[i]);
  if (f[1] < 1)
    return S::fail(E::BadMlaField, 1, f[1]);
  if (f[2] + f[3] < 1)
    return S::fail(E::BadMlaField, 2, f[2]);
  if (f[4] < 1)
    return S::fail(E::BadMlaField, 4, f[4]);
  return S();
}

/// The model's expert fields and the execution's expert parallelism.
S checkExperts(const Model &m, const Execution &x) {
  using F = MoeField;
  auto bad = [](F field, int64_t v) {
    return S::fail(E::BadMoeField, int64_t(field), v);
  };
  if (m.expertFeedforward < 1)
    return bad(F::ExpertFeedforward, m.expertFeedforward);
  if (m.sharedExperts < 0)
    return bad(F::SharedExperts, m.sharedExperts);
  if (m.denseBlocks < 0 || m.denseBlocks >= m.numBlocks)
    return bad(F::DenseBlocks, m.denseBlocks);
  if (m.topK < 1 || m.topK > m.experts)
    return S::fail(E::BadTopK, m.topK, m.experts);
  if (!(m.capacityFactor >= 0)) {
    S s = S::fail(E::NegativeCapacityFactor);
    s.x = m.capacityFactor;
    return s;
  }
  if (x.expertPar < 1)
    return bad(F::ExpertPar, x.expertPar);
  if (x.expertTensorPar < 1)
    return bad(F::ExpertTensorPar, x.expertTensorPar);
  if (!(x.expertImbalance >= 1)) {
    S s = S::fail(E::ExpertImbalanceBelowOne);
    s.x = x.expertImbalance;
    return s;
  }
  return S();
}

/// Expert parallelism folds over the attention ranks: ETP x EP x EDP covers
/// TP x DP (docs/model.md, "Parallel folding").
S checkExpertGrid(const Model &m, const System &sys, const Execution &x) {
  int64_t t = x.tensorPar, ep = x.expertPar, etp = x.expertTensorPar;
  if (m.experts % ep)
    return S::fail(E::ExpertsNotDivisible, m.experts, ep);
  int64_t grid = exactProduct({etp, ep});
  int64_t ranks = exactProduct({t, x.dataPar, x.contextPar});
  if (grid < 0 || ranks < 0 || ranks % grid) {
    S s = S::fail(E::ExpertGridMismatch, etp, ep, t, x.dataPar);
    s.x = double(x.contextPar);
    return s;
  }
  if (m.expertFeedforward % etp)
    return S::fail(E::ExpertFeedforwardNotDivisible, m.expertFeedforward, etp);
  int64_t shared = exactProduct({m.sharedExperts, m.expertFeedforward});
  if (shared < 0)
    return S::fail(E::SizeOverflow);
  if (shared % t)
    return S::fail(E::ExpertFeedforwardNotDivisible, shared, t);
  // Each TP rank routes its 1/t of the microbatch's tokens.
  int64_t M = x.microbatchSize * m.seqSize; // checkShapes bounded it
  if (M % t)
    return S::fail(E::BatchSeqNotDivisible, M, t);
  int count = int(sys.networks.size());
  if (x.expertParNet >= count || x.expertParNet < -count)
    return S::fail(E::ExpertNetworkIndex, 3, x.expertParNet, count);
  int tier = x.expertParNet < 0 ? x.expertParNet + count : x.expertParNet;
  if (ep > 1 && grid > sys.networks[tier].size)
    return S::fail(E::ExpertNetworkTooSmall, tier, grid,
                   sys.networks[tier].size);
  return S();
}

/// The size guard for expert counts: all experts' weights over all
/// blocks, and the expert matmuls of the busiest rank.
bool expertSizesExact(const Model &m, const Execution &x) {
  int64_t fe2 = exactProduct({2, m.expertFeedforward});
  if (fe2 < 0)
    return false;
  int64_t width = std::max(fe2, m.experts);
  double load = x.expertImbalance < 1e6 ? x.expertImbalance : 1e6;
  return exactProduct(
             {m.numBlocks, m.experts, 3, m.hidden, m.expertFeedforward}) >= 0 &&
         exactProduct({4, x.microbatchSize, m.seqSize, m.topK,
                       x.expertTensorPar, m.hidden, width,
                       int64_t(load) + 1}) >= 0;
}

/// The size guard for latent attention: its widest projection and its
/// attention matmuls.
bool mlaSizesExact(const Model &m, const Execution &x) {
  int64_t head = 0;
  if (__builtin_add_overflow(m.qkNopeHeadDim, m.qkRopeHeadDim, &head) ||
      __builtin_add_overflow(head, m.vHeadDim, &head))
    return false;
  int64_t width = std::max({head, m.qLoraRank, m.kvLoraRank});
  return exactProduct({4, x.microbatchSize, m.seqSize, m.attnHeads, width,
                       std::max(m.hidden, width)}) >= 0 &&
         exactProduct({4, x.microbatchSize, m.attnHeads, m.seqSize, m.seqSize,
                       head}) >= 0;
}

bool inUnit(double x) { return x > 0 && x <= 1; }

S checkTable(const EfficiencyTable &table, bool ordered, SystemProblem bad,
             SystemProblem order, int64_t which) {
  for (size_t i = 0; i < table.steps.size(); ++i) {
    if (!inUnit(table.steps[i].efficiency))
      return S::fail(E::BadSystem, int64_t(bad), which);
    // Quirk §15.22: the order check is skipped right after a 0 threshold.
    if (ordered && i > 0 && table.steps[i - 1].threshold != 0 &&
        table.steps[i].threshold >= table.steps[i - 1].threshold)
      return S::fail(E::BadSystem, int64_t(order), which);
  }
  return S();
}

S checkEngines(const Engine *engines) {
  for (unsigned dt = 0; dt < NumDataTypes; ++dt) {
    const Engine &eng = engines[dt];
    if (!eng.present)
      continue;
    if (!(eng.peak > 0))
      return S::fail(E::BadSystem, int64_t(SystemProblem::EnginePeak), dt);
    S s = checkTable(eng.efficiency, true, SystemProblem::EngineEfficiency,
                     SystemProblem::EngineOrder, dt);
    if (!s.ok())
      return s;
  }
  return S();
}

S checkNetwork(const Network &n, int64_t tier) {
  auto bad = [tier](SystemProblem p) {
    return S::fail(E::BadSystem, int64_t(p), tier);
  };
  if (!(n.bandwidth > 0))
    return bad(SystemProblem::NetworkBandwidth);
  if (!inUnit(n.efficiency))
    return bad(SystemProblem::NetworkEfficiency);
  if (n.size < 0)
    return bad(SystemProblem::NetworkSize);
  for (const NetOpScaling &op : n.ops)
    if (!(op.scale > 0))
      return bad(SystemProblem::NetworkScale);
  if (!(n.processorUsage >= 0 && n.processorUsage < 1))
    return bad(SystemProblem::NetworkUsage);
  return S();
}

} // namespace

EvalStatus calc::cost::checkSystem(const System &sys) {
  S s = checkEngines(sys.matrix);
  if (s.ok())
    s = checkEngines(sys.vector);
  if (!s.ok())
    return s;
  const MemoryTier *tiers[] = {&sys.mem1, &sys.mem2};
  for (int64_t i = 0; i < 2; ++i) {
    s = checkTable(tiers[i]->efficiency, false, SystemProblem::MemoryEfficiency,
                   SystemProblem::MemoryEfficiency, i + 1);
    if (!s.ok())
      return s;
    if (!(tiers[i]->bandwidth > 0))
      return S::fail(E::BadSystem, int64_t(SystemProblem::MemoryBandwidth),
                     i + 1);
  }
  for (size_t i = 0; i < sys.networks.size(); ++i) {
    s = checkNetwork(sys.networks[i], int64_t(i));
    if (!s.ok())
      return s;
  }
  return S();
}

EvalStatus calc::cost::checkExecution(const Model &model, const System &sys,
                                      const Execution &exe) {
  S s = checkModel(model);
  if (s.ok())
    s = checkConstructor(exe);
  // Calculon's own checks come first, so a plan it rejects for a network or
  // a shape is counted by that reason; the size guard (a calcc limit, not
  // Calculon's) comes before anything multiplies the large counts.
  if (s.ok())
    s = checkNetworks(sys, exe);
  if (s.ok())
    s = checkShapes(model, exe);
  // Megatron splits a sequence into 2*CP chunks, two per rank, so every
  // rank gets the same share of causal attention.
  if (s.ok() && exe.contextPar > 1 && model.seqSize % (2 * exe.contextPar))
    s = S::fail(E::SeqNotDivisibleByCp, model.seqSize, 2 * exe.contextPar);
  // calcc's own checks of latent attention and experts, after Calculon's.
  if (s.ok())
    s = checkMla(model);
  if (s.ok() && model.isMla() && !mlaSizesExact(model, exe))
    s = S::fail(E::SizeOverflow);
  if (s.ok() && model.experts < 0)
    s = S::fail(E::BadMoeField, int64_t(MoeField::Experts), model.experts);
  if (s.ok() && model.isMoe()) {
    s = checkExperts(model, exe);
    if (s.ok())
      s = checkExpertGrid(model, sys, exe);
    if (s.ok() && !expertSizesExact(model, exe))
      s = S::fail(E::SizeOverflow);
  }
  if (s.ok() && !sizesExact(model, exe))
    s = S::fail(E::SizeOverflow);
  return s;
}
