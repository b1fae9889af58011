//===- GenerationModel.h - The pieces of the generation cost model --------===//
//
// Internal to the generation analysis (Generation.h is the interface), and
// shared with its unit tests: the per-rank shape of a replica, op timing on
// the system's engines and memory with their efficiency tables, and the cost
// of one block at a given token count. Formulas: docs/model.md,
// "Generation".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_GENERATIONMODEL_H
#define CALC_EVAL_COST_GENERATIONMODEL_H

#include "eval/cost/EvalStatus.h"
#include "eval/cost/Model.h"
#include "eval/cost/Serving.h"
#include "eval/cost/System.h"

namespace calc::cost::gen {

/// Time and work of a group of ops, by kind. `time` is what the group
/// takes; the other times say where it goes (compute and memory are
/// combined per op by the processing mode, so they need not add up).
struct Parts {
  double time = 0;
  double compute = 0;            ///< flop time of the ops
  double memory = 0;             ///< mem1 time of the ops
  double tp = 0, pp = 0, ep = 0; ///< network time per kind
  double flops = 0, bytes = 0;   ///< work on one processor

  Parts &operator+=(const Parts &o) {
    time += o.time;
    compute += o.compute;
    memory += o.memory;
    tp += o.tp;
    pp += o.pp;
    ep += o.ep;
    flops += o.flops;
    bytes += o.bytes;
    return *this;
  }
  Parts scaled(double k) const {
    Parts r;
    r.time = time * k;
    r.compute = compute * k;
    r.memory = memory * k;
    r.tp = tp * k;
    r.pp = pp * k;
    r.ep = ep * k;
    r.flops = flops * k;
    r.bytes = bytes * k;
    return r;
  }
};

/// The machine as one evaluation sees it: the compute datatype's engines,
/// mem1, the processing mode and the networks of each kind of traffic. The
/// first failed efficiency lookup is kept (check #29's EfficiencyLookup).
struct Machine {
  const Engine *matrix = nullptr;
  const Engine *vector = nullptr;
  const MemoryTier *mem1 = nullptr;
  bool roofline = false;
  const Network *tpNet = nullptr, *ppNet = nullptr, *epNet = nullptr;
  mutable bool lookupFailed = false;
  mutable EfficiencyKind lookupKind = EfficiencyKind::Matrix;
  mutable double lookupValue = 0;

  Machine(const System &sys, const Serving &srv);

  /// First-match step lookup (docs/model.md §2); 0 and a recorded failure
  /// when x is below every threshold.
  double efficiency(const EfficiencyTable &table, double x,
                    EfficiencyKind kind) const {
    for (const EfficiencyStep &step : table.steps)
      if (x >= step.threshold)
        return step.efficiency;
    if (!lookupFailed) {
      lookupFailed = true;
      lookupKind = kind;
      lookupValue = x;
    }
    return 0;
  }
  double computeTime(bool onMatrix, double flops) const {
    const Engine &eng = onMatrix ? *matrix : *vector;
    return flops / (eng.peak * efficiency(eng.efficiency, flops,
                                          onMatrix ? EfficiencyKind::Matrix
                                                   : EfficiencyKind::Vector));
  }
  double memTime(double bytes) const {
    return bytes / (mem1->bandwidth *
                    efficiency(mem1->efficiency, bytes, EfficiencyKind::Mem1));
  }
  double combine(double compute, double memory) const {
    if (roofline)
      return compute > memory ? compute : memory;
    return compute + memory;
  }
  /// One op of `flops` on the matrix or vector engine moving `bytes`.
  Parts op(bool onMatrix, double flops, double bytes) const {
    Parts r;
    r.compute = computeTime(onMatrix, flops);
    r.memory = memTime(bytes);
    r.time = combine(r.compute, r.memory);
    r.flops = flops;
    r.bytes = bytes;
    return r;
  }
};

/// A replica's model as one rank of one pipeline stage holds it: widths,
/// parameter counts (elements) and bytes per element. Built once per
/// evaluation by buildShape.
struct Shape {
  double t = 1, e = 1, u = 1; ///< TP, EP, expert TP = t/e
  int64_t p = 1;              ///< pipeline stages
  int64_t m = 1;              ///< micro-batches in flight, min(p, B)
  double b = 1;               ///< sequences per micro-batch, ceil(B/m)
  double h = 0;
  double ea = 2, ew = 2, ekv = 2; ///< bytes per activation, weight, KV elem

  // Attention on one rank.
  double qHeads = 0;      ///< a/t query heads
  double kvHeads = 0;     ///< K/V heads computed and cached (standard)
  double attnIn = 0;      ///< params of the GEMMs reading the block input
  double attnInWidth = 0; ///< their output width
  double attnUp = 0;      ///< MLA up-projections (q_b, kv_b); 0 otherwise
  double attnUpIn = 0, attnUpOut = 0;
  double attnOut = 0;        ///< output projection params
  double attnOutIn = 0;      ///< its input width
  double kvTokenBytes = 0;   ///< KV cache of one token in one block
  double decFlopsPerPos = 0; ///< decode attention flops per cached position
  double decIoElems = 0;     ///< decode attention q + o elements per token
  double pfFlopsPerPair = 0; ///< prefill flops per causal (query, key) pair
  double pfIoElems = 0;      ///< prefill attention q, k, v, o per token

  // MLPs on one rank.
  double mlpMats = 2; ///< weight matrices per MLP: 3 SwiGLU, 2 GeLU
  bool swiglu = false;
  double denseInner = 0; ///< f/t
  bool moe = false;
  double experts = 0, topK = 0;
  double localExperts = 0; ///< E/e
  double expertInner = 0;  ///< f_e/u, one expert's shard width
  double sharedInner = 0;  ///< n_s·f_e/t
  double routerParams = 0; ///< h·E, replicated

  double vocabRank = 0; ///< ceil(V/t), 0 without a vocabulary
  int64_t L = 0, Lp = 0, denseBlocks = 0;

  /// Params of the dense MLP, one routed expert's shard, the shared experts.
  double denseParams() const { return mlpMats * h * denseInner; }
  double expertParams() const { return mlpMats * h * expertInner; }
  double sharedParams() const { return mlpMats * h * sharedInner; }
  double attnParams() const { return attnIn + attnUp + attnOut; }
  /// Stored weight bytes of one block on a rank.
  double blockWeightBytes(bool moeBlock) const;
  /// Working activation bytes per token in flight (see docs/model.md).
  double actBytesPerToken() const;
  /// Logits of one sequence's last position on a rank.
  double logitBytes() const { return vocabRank * ea; }
};

/// Fills `s` for a model and serving that passed checkServing.
void buildShape(const Model &model, const Serving &srv, Shape &s);

/// Blocks of pipeline stage `stage`: ceil split, the last may be short.
inline int64_t stageBlocks(const Shape &s, int64_t stage) {
  int64_t left = s.L - stage * s.Lp;
  return left < 0 ? 0 : (left < s.Lp ? left : s.Lp);
}
/// Dense-MLP blocks of a stage (the first denseBlocks of the model).
inline int64_t stageDenseBlocks(const Shape &s, int64_t stage) {
  if (!s.moe)
    return stageBlocks(s, stage);
  int64_t left = s.denseBlocks - stage * s.Lp;
  int64_t n = stageBlocks(s, stage);
  return left < 0 ? 0 : (left < n ? left : n);
}

/// One block at `tokens` tokens, everything but the attention core (the
/// part whose cost depends on the context): norms, residuals, attention
/// projections, the (dense or MoE) MLP, TP and EP communication.
Parts blockCost(const Shape &s, const Machine &mc, bool moeBlock,
                double tokens);

/// Causal attention core of a prefill of `seqs` prompts of `prompt` tokens.
Parts prefillAttention(const Shape &s, const Machine &mc, double seqs,
                       double prompt);

/// Decode attention of `seqs` sequences at context c: flops = f1·c, bytes
/// = m0 + m1·c (affine, so decode sums have closed forms).
struct AffineOp {
  double f0 = 0, f1 = 0, m0 = 0, m1 = 0;
  double flops(double c) const { return f0 + f1 * c; }
  double bytes(double c) const { return m0 + m1 * c; }
};
AffineOp decodeAttention(const Shape &s, double seqs);

/// The LM head of the last stage for one position of `seqs` sequences:
/// vocab-parallel GEMM and the gather of the logits.
Parts headCost(const Shape &s, const Machine &mc, double seqs);

/// One pipeline hop of `tokens` tokens' activations.
Parts pipelineHop(const Shape &s, const Machine &mc, double tokens);

/// Tier-1 memory of one processor of the fullest stage as a function of
/// the batch: weights + B·(KV of a sequence at full context) + activations
/// of the largest pass in flight (docs/model.md, "Generation", memory).
struct MemoryPlan {
  double weights = 0;     ///< stored weights of the heaviest stage
  double kvPerSeq = 0;    ///< KV of one sequence, prompt + output tokens
  double actPerToken = 0; ///< working activations per token
  double logits = 0;      ///< logits of one sequence's last position
  double prompt = 0;      ///< prompt tokens
  int64_t p = 1;          ///< pipeline stages (micro-batches = min(p, B))
  bool continuous = false;

  /// Activations: static batch, the prefill of one micro-batch; continuous,
  /// the prefill of one prompt or the decode of a micro-batch.
  double act(int64_t batch) const;
  double need(int64_t batch) const {
    return weights + double(batch) * kvPerSeq + act(batch);
  }
};

void planMemory(const Shape &s, const Serving &srv, MemoryPlan &plan);

/// The largest batch with need(B) <= capacity, in closed form; 0 when not
/// even one sequence fits.
double maxBatchSize(const MemoryPlan &plan, double capacity);

} // namespace calc::cost::gen

#endif
