//===- GenerationShape.cpp - A replica's model as one rank holds it -------===//
//
// Widths, parameter counts and KV bytes per rank for tensor, expert and
// pipeline parallel serving (docs/model.md, "Generation", shape and
// memory). Computed once per evaluation so the op costs are plain products.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/GenerationModel.h"

#include <algorithm>

using namespace calc::cost;
using namespace calc::cost::gen;

namespace {

/// The network of one kind of traffic, or null when the index is out of
/// range (checkServing refuses that whenever the traffic exists).
const Network *networkAt(const System &sys, int index) {
  if (index < 0 || index >= int(sys.networks.size()))
    return nullptr;
  return &sys.networks[index];
}

/// MLA (DeepSeek-V2, arXiv:2405.04434, §2.1): low-rank query and joint KV
/// projections; the cache holds the latent c_KV and the decoupled RoPE key,
/// the same on every TP rank. Decode uses the absorbed form (W_UK into the
/// query, W_UV after the attention), prefill the decompressed one.
void mlaShape(const Model &m, Shape &s) {
  double h = s.h, dq = double(m.qLoraRank), dc = double(m.kvLoraRank);
  double dn = double(m.qkNopeHeadDim), dr = double(m.qkRopeHeadDim);
  double dv = double(m.vHeadDim), qk = dn + dr, heads = s.qHeads;
  // Down-projections read the block input: kv_a (replicated) and q_a
  // (replicated) or, without a query rank, the head-sharded query.
  double qIn = dq > 0 ? dq : heads * qk;
  s.attnIn = h * (dc + dr + qIn);
  s.attnInWidth = dc + dr + qIn;
  s.attnUp = (dq > 0 ? dq * heads * qk : 0) + dc * heads * (dn + dv);
  s.attnUpIn = (dq > 0 ? dq : 0) + dc;
  s.attnUpOut = (dq > 0 ? heads * qk : 0) + heads * (dn + dv);
  s.attnOut = heads * dv * h;
  s.attnOutIn = heads * dv;
  s.kvHeads = 0;
  s.kvTokenBytes = (dc + dr) * s.ekv;
  // Absorbed decode: scores over dc + dr, values over dc, per head.
  s.decFlopsPerPos = heads * 2 * (2 * dc + dr);
  s.decIoElems = heads * (dc + dr) + heads * dc;
  s.pfFlopsPerPair = heads * 2 * (qk + dv);
  s.pfIoElems = heads * 2 * (qk + dv);
}

/// MHA/GQA/MQA: K/V heads split over TP when t divides them, else each
/// rank holds one replicated head (t a multiple of kv_heads).
void standardShape(const Model &m, Shape &s) {
  double d = double(m.attnSize), heads = s.qHeads;
  int64_t t = int64_t(s.t);
  s.kvHeads = m.kvHeads % t == 0 ? double(m.kvHeads / t) : 1.0;
  s.attnIn = s.h * (heads + 2 * s.kvHeads) * d;
  s.attnInWidth = (heads + 2 * s.kvHeads) * d;
  s.attnOut = heads * d * s.h;
  s.attnOutIn = heads * d;
  s.kvTokenBytes = 2 * s.kvHeads * d * s.ekv;
  s.decFlopsPerPos = heads * 4 * d;
  s.decIoElems = 2 * heads * d;
  s.pfFlopsPerPair = heads * 4 * d;
  s.pfIoElems = (2 * heads + 2 * s.kvHeads) * d;
}

} // namespace

Machine::Machine(const System &sys, const Serving &srv) {
  unsigned dt = static_cast<unsigned>(srv.datatype);
  matrix = &sys.matrix[dt];
  vector = &sys.vector[dt];
  mem1 = &sys.mem1;
  roofline = sys.processingMode == ProcessingMode::Roofline;
  tpNet = networkAt(sys, srv.tensorParNet);
  ppNet = networkAt(sys, srv.pipelineParNet);
  epNet = networkAt(sys, srv.expertParNet);
}

void calc::cost::gen::buildShape(const Model &m, const Serving &srv, Shape &s) {
  s.t = double(srv.tensorPar);
  s.e = m.isMoe() ? double(srv.expertPar) : 1.0;
  s.u = s.t / s.e;
  s.p = srv.pipelinePar;
  s.m = std::min(srv.pipelinePar, srv.batchSize);
  s.b = double(srv.batchSize / s.m + (srv.batchSize % s.m != 0));
  s.h = double(m.hidden);
  // float8 compute means FP8 GEMM operands with per-tensor scales
  // (TransformerEngine, TensorRT-LLM): what flows between kernels, the
  // collectives and the logits stay 16-bit.
  s.ea = srv.datatype == DataType::Float8 ? 2 : bytesPerElement(srv.datatype);
  s.ew = bytesPerWeight(srv.weightDatatype);
  s.ekv = bytesPerElement(srv.kvDatatype);
  s.qHeads = double(m.attnHeads) / s.t;
  s.attnUp = s.attnUpIn = s.attnUpOut = 0;
  if (m.isMla())
    mlaShape(m, s);
  else
    standardShape(m, s);

  s.swiglu = m.mlpType == MlpType::SwiGlu;
  s.mlpMats = s.swiglu ? 3 : 2;
  s.denseInner = double(m.feedforward) / s.t;
  s.moe = m.isMoe();
  s.experts = s.moe ? double(m.experts) : 0;
  s.topK = s.moe ? double(m.topK) : 0;
  s.localExperts = s.experts / s.e;
  s.expertInner = s.moe ? double(m.expertFeedforward) / s.u : 0;
  s.sharedInner =
      s.moe ? double(m.sharedExperts) * double(m.expertFeedforward) / s.t : 0;
  s.routerParams = s.h * s.experts;
  int64_t t = srv.tensorPar;
  s.vocabRank = m.vocab > 0 ? double((m.vocab + t - 1) / t) : 0;
  s.L = m.numBlocks;
  s.Lp = m.blocksPerStage(srv.pipelinePar);
  s.denseBlocks = s.moe ? m.denseBlocks : m.numBlocks;
}

double Shape::blockWeightBytes(bool moeBlock) const {
  double mlp =
      moeBlock ? routerParams + localExperts * expertParams() + sharedParams()
               : denseParams();
  // Two norm weight vectors of h per block, replicated over TP.
  return (attnParams() + mlp + 2 * h) * ew;
}

double Shape::actBytesPerToken() const {
  // The residual stream (block input and the normed copy) plus the widest
  // intermediate of a block; FlashAttention keeps no score matrix.
  double attn = attnInWidth + attnUpOut + attnOutIn;
  double mlp = denseBlocks > 0 ? mlpMats * denseInner : 0;
  if (moe) {
    // Routed copies on a rank: k/e per token (each reaching u shards of
    // its expert), each with its input, output and inner activations.
    double routed = topK / e * (2 * h + mlpMats * expertInner);
    mlp = std::max(mlp, routed + mlpMats * sharedInner + experts);
  }
  return ea * (2 * h + std::max(attn, mlp));
}
