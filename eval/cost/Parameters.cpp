//===- Parameters.cpp - Parameter count and Megatron's FLOP count ---------===//
//
// Per block, Calculon's convention (docs/calculon-model.md §13.1): matmul weights,
// a bias on every projection output, two LayerNorms of 2h each; embeddings
// of 51,200 tokens plus learned positions, or vocab*h in and out with a
// vocabulary. Experts are MLPs of expert_feedforward width counted the same
// way, the router h*E (docs/model.md, "Mixture of experts").
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Parameters.h"

using namespace calc::cost;

namespace {

/// Attention weights plus biases of one block.
template <typename T, typename Mul, typename Add>
T attentionParams(const Model &m, Mul mul, Add add) {
  T h = m.hidden, a = m.attnHeads;
  if (m.isMla()) {
    T dq = m.qLoraRank, dc = m.kvLoraRank, dv = m.vHeadDim;
    T qk = add(T(m.qkNopeHeadDim), T(m.qkRopeHeadDim));
    T kvDown = add(dc, T(m.qkRopeHeadDim));
    T kvUp = mul(a, add(T(m.qkNopeHeadDim), dv));
    T q = m.qLoraRank > 0 ? add(mul(h, dq), mul(dq, mul(a, qk)))
                          : mul(h, mul(a, qk));
    T weights =
        add(add(add(q, mul(h, kvDown)), mul(dc, kvUp)), mul(mul(a, dv), h));
    T biases = add(add(add(add(dq, mul(a, qk)), kvDown), kvUp), h);
    T norms = mul(2, add(dq, dc)); // the latent LayerNorms
    return add(add(weights, biases), norms);
  }
  T ad = mul(a, T(m.attnSize));
  bool multiHead = m.isMultiHead();
  // The QKV projection's width (Q, K and V columns) and the attention
  // weights (QKV plus the output projection, h x ad).
  T qkv = multiHead ? mul(3, ad)
                    : add(ad, mul(mul(2, T(m.kvHeads)), T(m.attnSize)));
  T weights = multiHead ? mul(mul(4, h), ad) : add(mul(h, qkv), mul(h, ad));
  return add(weights, add(qkv, h));
}

/// One MLP of inner width w: weights and biases.
template <typename T, typename Mul, typename Add>
T mlpParams(const Model &m, T w, Mul mul, Add add) {
  T h = m.hidden;
  bool swiglu = m.mlpType == MlpType::SwiGlu;
  T weights = mul(mul(swiglu ? 3 : 2, h), w);
  T biases = swiglu ? add(mul(2, w), h) : add(h, w);
  return add(weights, biases);
}

template <typename T, typename Mul, typename Add>
void countIn(const Model &m, Mul mul, Add add, T &total, T &active) {
  T h = m.hidden, f = m.feedforward;
  // Calculon: a 51,200-token embedding and learned positions.
  T embeddings = m.vocab > 0 ? mul(mul(2, T(m.vocab)), h)
                             : mul(add(51200, T(m.seqSize)), h);
  if (!m.isMoe() && !m.isMla()) {
    // Calculon's own order of terms (exact either way; kept for doubles).
    T ad = mul(T(m.attnHeads), T(m.attnSize));
    bool multiHead = m.isMultiHead(), swiglu = m.mlpType == MlpType::SwiGlu;
    T qkv = multiHead ? mul(3, ad)
                      : add(ad, mul(mul(2, T(m.kvHeads)), T(m.attnSize)));
    T attnWeights =
        multiHead ? mul(mul(4, h), ad) : add(mul(h, qkv), mul(h, ad));
    T mlpWeights = mul(mul(swiglu ? 3 : 2, h), f);
    T mlpBiases = swiglu ? add(mul(2, f), h) : add(h, f);
    T block =
        add(add(add(add(mlpWeights, attnWeights), mlpBiases), add(qkv, h)),
            mul(4, h));
    total = active = add(mul(T(m.numBlocks), block), embeddings);
    return;
  }
  T shell = add(attentionParams<T>(m, mul, add), mul(4, h));
  T dense = add(shell, mlpParams<T>(m, f, mul, add));
  T expert = mlpParams<T>(m, T(m.expertFeedforward), mul, add);
  T router = mul(h, T(m.experts));
  T always = add(add(shell, mul(T(m.sharedExperts), expert)), router);
  T moeAll = add(always, mul(T(m.experts), expert));
  T moeActive = add(always, mul(T(m.topK), expert));
  T nMoe = m.moeBlocks(), nDense = m.numBlocks - m.moeBlocks();
  T denseAll = mul(nDense, dense);
  total = add(add(denseAll, mul(nMoe, moeAll)), embeddings);
  active = add(add(denseAll, mul(nMoe, moeActive)), embeddings);
}

} // namespace

ParameterCount calc::cost::countParameters(const Model &m) {
  bool overflow = false;
  auto mul = [&](int64_t a, int64_t b) {
    int64_t r;
    overflow |= __builtin_mul_overflow(a, b, &r);
    return r;
  };
  auto add = [&](int64_t a, int64_t b) {
    int64_t r;
    overflow |= __builtin_add_overflow(a, b, &r);
    return r;
  };
  int64_t total = 0, active = 0;
  countIn<int64_t>(m, mul, add, total, active);
  if (!overflow)
    return {double(total), double(active)};
  double t = 0, a = 0;
  countIn<double>(
      m, [](double x, double y) { return x * y; },
      [](double x, double y) { return x + y; }, t, a);
  return {t, a};
}

double calc::cost::modelFlops(const Model &m, const Execution &x) {
  return double(x.batchSize) * modelFlopsPerSequence(m);
}

ModelFigures calc::cost::modelFigures(const Model &m) {
  return {countParameters(m), modelFlopsPerSequence(m)};
}

double calc::cost::modelFlopsPerSequence(const Model &m) {
  double h = double(m.hidden), a = double(m.attnHeads);
  double dQk = double(m.attnSize), dV = dQk, attn;
  if (m.isMla()) {
    double dq = double(m.qLoraRank), dc = double(m.kvLoraRank);
    dQk = double(m.qkNopeHeadDim + m.qkRopeHeadDim);
    dV = double(m.vHeadDim);
    double q = m.qLoraRank > 0 ? h * dq + dq * a * dQk : h * a * dQk;
    attn = q + h * (dc + double(m.qkRopeHeadDim)) +
           dc * a * (double(m.qkNopeHeadDim) + dV) + a * dV * h;
  } else {
    double ad = a * dQk;
    attn = 2 * h * ad + 2 * h * double(m.kvHeads) * dQk;
  }
  double mats = m.mlpType == MlpType::SwiGlu ? 3 : 2;
  double dense = mats * h * double(m.feedforward);
  double moe =
      mats * h * double(m.expertFeedforward) * double(m.topK + m.sharedExperts);
  double L = double(m.numBlocks), Lmoe = double(m.moeBlocks());
  double perToken =
      L * attn + (L - Lmoe) * dense + Lmoe * moe + h * double(m.vocab);
  double s = double(m.seqSize);
  double scores = L * a * s * s * (dQk + dV); // QK^T and AV
  return 6 * (s * perToken + scores);
}
