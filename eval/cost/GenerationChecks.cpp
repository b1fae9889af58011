//===- GenerationChecks.cpp - Validity of a serving plan ------------------===//
//
// checkServing: what generation needs of the model, the serving degrees and
// request sizes, the networks each kind of traffic uses, the compute
// engines, and how heads, KV heads and experts split over TP and EP
// (docs/model.md, "Generation", checks). Every failure is a value with the
// numbers that explain it.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Generation.h"

using namespace calc::cost;

namespace {

using S = EvalStatus;
using E = EvalError;
using F = GenModelField;

S field(F f, int64_t value) {
  return S::fail(E::GenBadModelField, int64_t(f), value);
}

/// The attention fields generation reads: MLA ranks, or head sizes.
S checkAttention(const Model &m) {
  if (m.hidden <= 0)
    return field(F::Hidden, m.hidden);
  if (m.attnHeads <= 0)
    return field(F::AttnHeads, m.attnHeads);
  if (m.numBlocks <= 0)
    return field(F::NumBlocks, m.numBlocks);
  if (m.vocab < 0)
    return field(F::Vocab, m.vocab);
  if (!m.isMla()) {
    if (m.attnSize <= 0)
      return field(F::AttnSize, m.attnSize);
    if (m.kvHeads < 1 || m.kvHeads > m.attnHeads || m.attnHeads % m.kvHeads)
      return S::fail(E::BadKvHeads, m.kvHeads, m.attnHeads);
    return S();
  }
  if (m.qLoraRank < 0)
    return field(F::QLoraRank, m.qLoraRank);
  if (m.kvLoraRank <= 0)
    return field(F::KvLoraRank, m.kvLoraRank);
  if (m.qkNopeHeadDim <= 0)
    return field(F::QkNopeHeadDim, m.qkNopeHeadDim);
  if (m.qkRopeHeadDim < 0)
    return field(F::QkRopeHeadDim, m.qkRopeHeadDim);
  if (m.vHeadDim <= 0)
    return field(F::VHeadDim, m.vHeadDim);
  return S();
}

/// The MLP fields: a dense width wherever a dense MLP runs, and the experts.
S checkMlp(const Model &m) {
  if (m.experts < 0)
    return field(F::Experts, m.experts);
  if (m.isMoe()) {
    if (m.topK < 1 || m.topK > m.experts)
      return field(F::TopK, m.topK);
    if (m.expertFeedforward <= 0)
      return field(F::ExpertFeedforward, m.expertFeedforward);
    if (m.sharedExperts < 0)
      return field(F::SharedExperts, m.sharedExperts);
    if (m.denseBlocks < 0 || m.denseBlocks > m.numBlocks)
      return field(F::DenseBlocks, m.denseBlocks);
  }
  bool denseMlp = !m.isMoe() || m.denseBlocks > 0;
  if (denseMlp && m.feedforward <= 0)
    return field(F::Feedforward, m.feedforward);
  return S();
}

S checkSizes(const Serving &x) {
  const int64_t values[] = {x.tensorPar, x.pipelinePar, x.expertPar, x.dataPar,
                            x.batchSize, x.promptSize,  x.outputSize};
  for (unsigned i = 0; i < 7; ++i)
    if (values[i] <= 0)
      return S::fail(E::GenNonPositive, i, values[i]);
  // Contexts are integers summed in doubles: keep them exact.
  int64_t context = 0;
  if (__builtin_add_overflow(x.promptSize, x.outputSize, &context) ||
      context >= (int64_t(1) << 53))
    return S::fail(E::SizeOverflow);
  return S();
}

/// Indices of the networks that carry traffic, then the tier sizes as in
/// training (§2.4 #17, #18): the degrees mapped to a tier must fit it and,
/// if it must be filled, divide its size. EP's all-to-all runs among the
/// t TP ranks.
S checkNetworks(const System &sys, const Serving &x, bool moe) {
  int count = int(sys.networks.size());
  const int indices[] = {x.tensorParNet, x.pipelineParNet, x.expertParNet};
  const int64_t degrees[] = {x.tensorPar, x.pipelinePar, x.tensorPar};
  const bool used[] = {x.tensorPar > 1, x.pipelinePar > 1,
                       moe && x.expertPar > 1};
  for (unsigned i = 0; i < 3; ++i)
    if (used[i] && (indices[i] < 0 || indices[i] >= count))
      return S::fail(E::GenNetworkIndex, i, indices[i], count);
  for (int tier = 0; tier < count; ++tier) {
    int64_t procs = 1;
    for (unsigned i = 0; i < 3; ++i) {
      bool sameTpGroup = i == 2 && used[0] && indices[0] == tier;
      if (used[i] && indices[i] == tier && !sameTpGroup &&
          __builtin_mul_overflow(procs, degrees[i], &procs))
        return S::fail(E::SizeOverflow);
    }
    const Network &net = sys.networks[tier];
    if (procs > net.size)
      return S::fail(E::NetworkTooSmall, tier, procs, net.size);
    if (net.mustBeFilled && net.size % procs)
      return S::fail(E::NetworkNotFilled, tier, procs, net.size);
  }
  return S();
}

/// How heads, KV heads, MLP widths and experts split over TP, EP and PP.
S checkShapes(const Model &m, const Serving &x) {
  int64_t t = x.tensorPar, e = x.expertPar;
  if (x.pipelinePar > m.numBlocks)
    return S::fail(E::GenPipelineTooDeep, x.pipelinePar, m.numBlocks);
  if (m.attnHeads % t)
    return S::fail(E::HeadsNotDivisible, m.attnHeads, t);
  // KV heads split over TP, or are replicated when TP is a multiple of
  // them (as vLLM and TensorRT-LLM do).
  if (!m.isMla() && m.kvHeads % t && t % m.kvHeads)
    return S::fail(E::GenKvHeadsNotDivisible, m.kvHeads, t);
  bool denseMlp = !m.isMoe() || m.denseBlocks > 0;
  if (denseMlp && m.feedforward % t)
    return S::fail(E::FeedforwardNotDivisible, m.feedforward, t);
  if (!m.isMoe())
    return e > 1 ? S::fail(E::GenExpertParWithoutExperts, e) : S();
  if (t % e)
    return S::fail(E::GenExpertParNotDividingTp, e, t);
  if (m.experts % e)
    return S::fail(E::GenExpertsNotDivisible, m.experts, e);
  if (m.expertFeedforward % (t / e))
    return S::fail(E::GenExpertFeedforwardNotDivisible, m.expertFeedforward,
                   t / e);
  if (m.sharedExperts > 0 && m.expertFeedforward % t)
    return S::fail(E::GenExpertFeedforwardNotDivisible, m.expertFeedforward, t);
  return S();
}

} // namespace

EvalStatus calc::cost::checkServing(const Model &model, const System &sys,
                                    const Serving &srv) {
  S s = checkAttention(model);
  if (s.ok())
    s = checkMlp(model);
  if (s.ok())
    s = checkSizes(srv);
  if (s.ok())
    s = checkNetworks(sys, srv, model.isMoe());
  if (!s.ok())
    return s;
  unsigned dt = static_cast<unsigned>(srv.datatype);
  if (!sys.matrix[dt].present || !sys.vector[dt].present)
    return S::fail(E::DatatypeUnsupported, dt, sys.matrix[dt].present ? 1 : 0);
  return checkShapes(model, srv);
}
