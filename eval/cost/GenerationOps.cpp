//===- GenerationOps.cpp - The ops of one block in prefill and decode -----===//
//
// Each op is a GEMM or an elementwise kernel with its flops and its mem1
// bytes, timed like every op of the training model (docs/model.md §2:
// efficiency table lookups, roofline or no-overlap), plus the network ops
// of TP, PP and EP. The same functions serve prefill (tokens = prompt
// tokens) and decode (tokens = sequences), so the two phases cannot drift
// apart. Formulas: docs/model.md, "Generation".
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Generation.h"
#include "eval/cost/GenerationModel.h"
#include "eval/cost/Hardware.h"

#include <cmath>

using namespace calc::cost;
using namespace calc::cost::gen;

namespace {

/// A GEMM of `tokens` rows through `params` weights (in x out): 2·T·P
/// flops; reads the weights once and the activations in and out.
Parts gemm(const Shape &s, const Machine &mc, double tokens, double params,
           double in, double out) {
  return mc.op(true, 2 * tokens * params,
               params * s.ew + tokens * (in + out) * s.ea);
}

/// Two norms and two residual adds per block, over every token on every
/// TP rank. Flops are Calculon's LayerNorm (9X) and ElementWise (X), §5.
Parts normsAndResiduals(const Shape &s, const Machine &mc, double tokens) {
  double X = tokens * s.h;
  Parts norm = mc.op(false, 9 * X, 2 * X * s.ea + s.h * s.ew);
  Parts add = mc.op(false, X, 3 * X * s.ea);
  norm += add;
  return norm.scaled(2);
}

/// The MLP activation over X inner elements: GeLU 8X flops (Calculon §5),
/// SwiGLU SiLU (8X) and the gating product (X), reading gate and up.
Parts activation(const Shape &s, const Machine &mc, double X) {
  if (s.swiglu)
    return mc.op(false, 9 * X, 3 * X * s.ea);
  return mc.op(false, 8 * X, 2 * X * s.ea);
}

/// One TP collective of `bytes` on the TP network (docs/model.md §2).
Parts tpCollective(const Shape &s, const Machine &mc, NetOp op, double bytes) {
  Parts r;
  if (s.t > 1)
    r.tp = r.time = networkTime(*mc.tpNet, op, bytes, s.t);
  return r;
}

/// One all-to-all among n ranks where each sends X bytes: (n−1)/n of the
/// message leaves the rank. Hook: once System has NetOp::AllToAll, this is
/// networkTime(net, AllToAll, X, n), whose default scaling (1, −1) is this.
double allToAllTime(const Network &net, double X, double n) {
  return net.latency + X * (1 - 1 / n) / (net.bandwidth * net.efficiency);
}

/// Up (gate and up fused for SwiGLU) and down projections of an MLP whose
/// shard is `inner` wide, for `tokens` tokens.
Parts mlpGemms(const Shape &s, const Machine &mc, double tokens, double inner) {
  double upWidth = (s.mlpMats - 1) * inner;
  Parts r = gemm(s, mc, tokens, s.h * upWidth, s.h, upWidth);
  r += gemm(s, mc, tokens, s.h * inner, inner, s.h);
  return r;
}

/// A MoE MLP at T tokens: router, the routed experts the tokens reach on
/// this rank, shared experts, activations and, with EP, dispatch and
/// combine all-to-alls (docs/model.md, "Generation", MoE).
Parts moeMlp(const Shape &s, const Machine &mc, double T) {
  Parts r = gemm(s, mc, T, s.routerParams, s.h, s.experts);
  // Distinct experts reached, and tokens per reached expert (N·k/D).
  double touched = expectedExpertsTouched(s.experts, s.topK, T);
  double perExpert = T * s.topK / touched;
  r += mlpGemms(s, mc, perExpert, s.expertInner).scaled(touched / s.e);
  if (s.sharedInner > 0)
    r += mlpGemms(s, mc, T, s.sharedInner);
  r += activation(s, mc, T * (s.topK * s.expertInner / s.e + s.sharedInner));
  if (s.e > 1) {
    // Each rank routes its 1/t slice of the (replicated) tokens; a copy
    // goes to the u ranks sharding its expert. Dispatch and combine.
    double X = T / s.t * s.topK * s.u * s.h * s.ea;
    double a2a = allToAllTime(*mc.epNet, X, s.t);
    r.ep += 2 * a2a;
    r.time += 2 * a2a;
  }
  return r;
}

} // namespace

double calc::cost::expectedExpertsTouched(double experts, double topK,
                                          double tokens) {
  if (experts <= 0)
    return 0;
  // E·(1 − (1 − k/E)^N), with log1p/expm1 for small k/E and large N.
  return -experts * std::expm1(tokens * std::log1p(-topK / experts));
}

Parts calc::cost::gen::blockCost(const Shape &s, const Machine &mc,
                                 bool moeBlock, double T) {
  Parts r = normsAndResiduals(s, mc, T);
  r += gemm(s, mc, T, s.attnIn, s.h, s.attnInWidth);
  if (s.attnUp > 0)
    r += gemm(s, mc, T, s.attnUp, s.attnUpIn, s.attnUpOut);
  r += gemm(s, mc, T, s.attnOut, s.attnOutIn, s.h);
  double message = T * s.h * s.ea;
  r += tpCollective(s, mc, NetOp::AllReduce, message);
  if (!moeBlock) {
    r += mlpGemms(s, mc, T, s.denseInner);
    r += activation(s, mc, T * s.denseInner);
    r += tpCollective(s, mc, NetOp::AllReduce, message);
    return r;
  }
  r += moeMlp(s, mc, T);
  // Without EP the MLP's partial sums are all-reduced; with EP the routed
  // slices are gathered, summed with the shared experts' partials if any.
  bool gather = s.e > 1 && s.sharedInner == 0;
  r += tpCollective(s, mc, gather ? NetOp::AllGather : NetOp::AllReduce,
                    message);
  return r;
}

Parts calc::cost::gen::prefillAttention(const Shape &s, const Machine &mc,
                                        double seqs, double S) {
  // Causal: query i attends to i keys, S(S+1)/2 pairs per sequence; reads
  // Q, K, V and writes O once (FlashAttention), writes the KV cache.
  double pairs = S * (S + 1) / 2;
  return mc.op(true, seqs * s.pfFlopsPerPair * pairs,
               seqs * S * (s.pfIoElems * s.ea + s.kvTokenBytes));
}

AffineOp calc::cost::gen::decodeAttention(const Shape &s, double seqs) {
  // A new token attends to c cached positions: reads c tokens' KV, writes
  // its own, reads q and writes o.
  AffineOp op;
  op.f1 = seqs * s.decFlopsPerPos;
  op.m1 = seqs * s.kvTokenBytes;
  op.m0 = seqs * (s.kvTokenBytes + s.decIoElems * s.ea);
  return op;
}

Parts calc::cost::gen::headCost(const Shape &s, const Machine &mc,
                                double seqs) {
  if (s.vocabRank == 0)
    return Parts();
  Parts r = gemm(s, mc, seqs, s.vocabRank * s.h, s.h, s.vocabRank);
  r += tpCollective(s, mc, NetOp::AllGather, seqs * s.vocabRank * s.t * s.ea);
  return r;
}

Parts calc::cost::gen::pipelineHop(const Shape &s, const Machine &mc,
                                   double tokens) {
  Parts r;
  if (s.p > 1)
    r.pp = r.time = networkTime(*mc.ppNet, NetOp::P2P, tokens * s.h * s.ea, 2);
  return r;
}
