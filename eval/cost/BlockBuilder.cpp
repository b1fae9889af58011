//===- BlockBuilder.cpp - The layer list of one transformer block ---------===//
//
// Rows of docs/calculon-model.md §4.1 (no TP overlap) and §4.2 (ring/pipe), with
// the element counts of §5/§6. Integer divisions are floors, as in Calculon;
// checkExecution() guarantees they are exact where it matters (§15.19).
// A block is two halves, attention then MLP; MoeBlock.cpp supplies the
// mixture-of-experts MLP and latent attention halves.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/BlockBuilder.h"
#include "eval/cost/BlockRows.h"

using namespace calc::cost;

using namespace calc::cost::rows;

Layer &Rows::linear(const char *name, int64_t m, int64_t n, int64_t k,
                    bool rc) {
  Layer &l = add(name, LayerKind::Linear, rc);
  double F = 2.0 * m * n * k;
  l.matrix = true;
  l.fwFlops = l.agFlops = l.wgFlops = F;
  l.inputs = l.act = double(m * n);
  l.outputs = l.grad = double(m * k);
  l.weights = double(n * k);
  l.optState = 2.0 * double(n * k);
  return l;
}

Layer &Rows::groupedLinear(const char *name, double m, int64_t n, int64_t k,
                           int64_t groups, bool rc) {
  Layer &l = add(name, LayerKind::Linear, rc);
  double F = 2.0 * m * double(n * k);
  l.matrix = true;
  l.fwFlops = l.agFlops = l.wgFlops = F;
  l.inputs = l.act = m * double(n);
  l.outputs = l.grad = m * double(k);
  l.weights = double(groups * n * k);
  l.optState = 2.0 * l.weights;
  return l;
}

Layer &Rows::bmm(const char *name, int64_t beta, int64_t m, int64_t n,
                 int64_t k, bool rc) {
  Layer &l = add(name, LayerKind::BatchMatMul, rc);
  l.matrix = true;
  l.fwFlops = 2.0 * double(beta * m * n * k);
  l.agFlops = 4.0 * double(beta * m * n * k);
  l.inputs = l.act = double(beta * (m * n + n * k));
  l.outputs = l.grad = double(beta * m * k);
  return l;
}

Layer &Rows::layerNorm(const char *name, int64_t X, int64_t h, bool rc) {
  Layer &l = add(name, LayerKind::LayerNorm, rc);
  l.fwFlops = 9.0 * X;
  l.agFlops = 14.0 * X;
  l.wgFlops = 7.0 * X;
  l.inputs = l.outputs = l.act = l.grad = double(X);
  l.weights = 2.0 * h;
  l.optState = 4.0 * h;
  return l;
}

Layer &Rows::elementOp(const char *name, LayerKind kind, double X, double fw,
                       double ag, bool rc) {
  Layer &l = add(name, kind, rc);
  l.fwFlops = fw * X;
  l.agFlops = ag * X;
  l.inputs = l.outputs = l.act = l.grad = X;
  return l;
}

Layer &Rows::elementWise(const char *name, double o1, double o2, bool rc) {
  Layer &l = add(name, LayerKind::ElementWise, rc);
  double X = o1 > o2 ? o1 : o2;
  l.fwFlops = X;
  l.agFlops = o1 + o2;
  l.inputs = l.act = o1 + o2;
  l.outputs = l.grad = X;
  return l;
}

Layer &Rows::fork(const char *name, int64_t X, int users, bool rc) {
  Layer &l = add(name, LayerKind::Fork, rc);
  l.agFlops = double(users * X);
  l.inputs = l.act = double(X);
  l.users = users;
  return l;
}

Layer &Rows::tpComm(const char *name, int64_t X, bool conjugate, int64_t t) {
  Layer &l = add(name, LayerKind::TPComm, false);
  l.conjugate = conjugate;
  if (t == 1)
    return l; // §6.1: every quantity is 0 without TP.
  // Reduction arithmetic X*(t-1)/t, a real number (§17).
  double reduction = double(X * (t - 1)) / double(t);
  (conjugate ? l.fwFlops : l.agFlops) = reduction;
  l.realFlops = true;
  l.inputs = l.outputs = l.act = l.grad = double(X);
  l.commElems = double(X);
  return l;
}

Layer &Rows::overlapped(const char *name, int64_t m, int64_t n, int64_t k,
                        bool conjugate, int64_t t, bool rsag, bool rc) {
  Layer &l = add(name, LayerKind::LinearOverlapped, rc);
  l.matrix = true;
  l.conjugate = conjugate;
  int64_t np = conjugate ? n / t : n;
  int64_t kp = conjugate ? k : k / t;
  double F = 2.0 * double(m * np * kp);
  l.fwFlops = l.agFlops = l.wgFlops = F;
  l.inputs = double(m * np);
  l.outputs = double(m * kp);
  l.weights = double(np * kp);
  l.optState = 2.0 * double(np * kp);
  if (rsag) {
    // Quirk §15.9: only the 1/t shard is stored, whatever the AG redo says.
    l.act = conjugate ? double(m * np) : double((m * n) / t);
    l.grad = conjugate ? 2.0 * double((m * k) / t) : double(m * kp);
  } else {
    // Quirk §15.9: the conjugate LO stores no input activation.
    l.act = conjugate ? 0.0 : double(m * n);
    l.grad = conjugate ? 2.0 * double(m * k) : 0.0;
  }
  return l;
}

Layer &Rows::moeComm(const char *name, LayerKind kind, double X, bool conjugate,
                     bool rc) {
  Layer &l = add(name, kind, rc);
  l.conjugate = conjugate;
  l.commElems = X;
  // The token permutation reads and writes the tokens (AllToAll); the
  // expert-TP collectives are pure comm. Nothing is stored for backward:
  // the expert matmuls keep their own inputs.
  l.inputs = l.outputs = X;
  l.grad = kind == LayerKind::AllToAll ? X : 0;
  l.recomm = rc; // Full recompute re-runs the forward exchange.
  return l;
}

void calc::cost::rows::normIn(Rows &r, const Shape &sh, const char *forkName,
                              const char *normName) {
  r.fork(forkName, sh.An, 2, sh.Rf);
  Layer &ln = r.layerNorm(normName, sh.An, sh.h, sh.Rf);
  ln.actStored = false;
  ln.actReused = true;
}

void calc::cost::rows::residualOut(Rows &r, const Shape &sh,
                                   const char *dropName, const char *resName) {
  r.elementOp(dropName, LayerKind::DropOut, double(sh.An), 1, 1, sh.Rf);
  Layer &res = r.elementWise(resName, double(sh.An), double(sh.An), sh.Rf);
  res.actStored = false;
  res.actReused = true;
}

/// Flash attention (docs/model.md, "Flash attention"): the two attention
/// matmuls and the softmax as one kernel that reads Q, K, V and writes the
/// output, never the scores. Causal masking skips half the score tiles;
/// the backward pass recomputes the scores (2.5x the forward flops: QK^T
/// again, then dV, dP, dQ and dK).
static void flashAttention(Rows &r, const Shape &sh, int64_t dQk, int64_t dV) {
  Layer &fa = r.add("AttnBlock_FlashAttention", LayerKind::BatchMatMul, sh.Rf);
  fa.matrix = true;
  fa.attnCore = true;
  double beta = double(sh.beta), s = double(sh.s), sk = double(sh.sk);
  double F = 0.5 * 2.0 * beta * s * sk * double(dQk + dV);
  fa.fwFlops = F;
  fa.agFlops = 2.5 * F;
  // It reads every key and value (sk of them) but keeps only the rank's own
  // Q, K and V for backward: with context parallelism the ring brings the
  // others again.
  fa.inputs = beta * (s * double(dQk) + sk * double(dQk + dV));
  fa.act = beta * s * double(2 * dQk + dV);
  fa.outputs = fa.grad = beta * s * double(dV);
}

void calc::cost::rows::attentionCore(Rows &r, const Shape &sh, int64_t dQk,
                                     int64_t dV) {
  if (sh.flash) {
    flashAttention(r, sh, dQk, dV);
    return;
  }
  Layer &kq =
      r.bmm("AttnBlock_Multihead_Key_Query", sh.beta, sh.s, dQk, sh.sk, sh.Ra);
  kq.outStored = !sh.Ra;
  Layer &sm = r.elementOp("AttnBlock_Multihead_SoftMax", LayerKind::SoftMax,
                          double(sh.Xatt), 5, 8, sh.Ra);
  sm.outStored = !sh.Ra;
  Layer &dr = r.elementOp("AttnBlock_Multihead_DropOut", LayerKind::DropOut,
                          double(sh.Xatt), 1, 1, sh.Ra);
  dr.actStored = !sh.Ra;
  Layer &av =
      r.bmm("AttnBlock_Multihead_Attn", sh.beta, sh.s, sh.sk, dV, sh.Rf);
  kq.attnCore = sm.attnCore = dr.attnCore = av.attnCore = true;
}

/// GeLU(X, fused) of §5. Quirk §15.7: fusing only drops the activation and
/// grad memory; compute and traffic stay.
static Layer &activation(Rows &r, const char *name, double X, bool fused,
                         bool rc) {
  Layer &g = r.elementOp(name, LayerKind::GeLU, X, 8, 13, rc);
  g.fused = fused;
  if (fused)
    g.act = g.grad = 0;
  return g;
}

void calc::cost::rows::mlpActivation(Rows &r, const Shape &sh, const char *gelu,
                                     const char *silu, const char *gateMul,
                                     double X, bool fused) {
  if (!sh.swiglu) {
    activation(r, gelu, X, fused, sh.Rf);
    return;
  }
  // SiLU costed like GeLU (an elementwise activation), then SiLU(gate)*up.
  activation(r, silu, X, fused, sh.Rf);
  r.elementWise(gateMul, X, X, sh.Rf);
}

namespace {

Shape makeShape(const Model &model, const Execution &exe) {
  Shape sh;
  sh.h = model.hidden;
  sh.f = model.feedforward;
  sh.sk = model.seqSize;
  sh.s = model.seqSize / exe.contextPar;
  sh.a = model.attnHeads;
  sh.d = model.attnSize;
  sh.t = exe.tensorPar;
  sh.b = exe.microbatchSize;
  sh.M = sh.b * sh.s;
  sh.A = sh.M * sh.h;
  int64_t As = (sh.M / sh.t) * sh.h;
  sh.An = exe.tensorParCommType == TpCommType::RsAg ? As : sh.A;
  sh.Ht = (sh.a * sh.d) / sh.t;
  sh.Ft = sh.f / sh.t;
  sh.beta = (sh.b * sh.a) / sh.t;
  sh.Xatt = (sh.a / sh.t) * sh.s * sh.sk * sh.b;
  sh.Xgelu = (sh.f * sh.M) / sh.t;
  sh.dPrime = (sh.a * sh.d) / sh.a;
  sh.kvWidth = kvWidthPerRank(model, sh.t);
  sh.Rf = exe.activationRecompute == Recompute::Full;
  sh.Ra = sh.Rf || exe.activationRecompute == Recompute::AttnOnly;
  sh.Ca = sh.Ra || exe.seqParAgRedo;
  sh.Cm = sh.Rf || exe.seqParAgRedo;
  sh.swiglu = model.mlpType == MlpType::SwiGlu;
  sh.rsag = exe.tensorParCommType == TpCommType::RsAg;
  sh.flash = exe.flashAttention;
  return sh;
}

void plainAttention(Rows &r, const Shape &sh) {
  normIn(r, sh, "AttnBlock_Fork", "AttnBlock_LayerNorm");
  Layer &f = r.tpComm("AttnBlock_F", sh.A, false, sh.t);
  f.recomm = sh.Ca;
  Layer &mf = r.fork("AttnBlock_Multihead_Fork", sh.A, 3, sh.Ca);
  mf.actStored = !sh.Ca;
  struct Projection {
    const char *name;
    int64_t width;
  };
  for (Projection p : {Projection{"AttnBlock_Query", sh.Ht},
                       Projection{"AttnBlock_Key", sh.kvWidth},
                       Projection{"AttnBlock_Value", sh.kvWidth}}) {
    Layer &l = r.linear(p.name, sh.M, sh.h, p.width, sh.Rf);
    l.actStored = false;
    l.actReused = true;
  }
  attentionCore(r, sh, sh.d, sh.dPrime);
  r.linear("AttnBlock_MLP", sh.M, sh.Ht, sh.h, sh.Rf);
  Layer &g = r.tpComm("AttnBlock_G", sh.A, true, sh.t);
  g.recomm = sh.Rf;
  g.actStored = false;
  residualOut(r, sh, "AttnBlock_DropOut", "AttnBlock_Residual");
}

void plainMlp(Rows &r, const Shape &sh, const Execution &exe) {
  normIn(r, sh, "MlpBlock_Fork", "MlpBlock_LayerNorm");
  Layer &f2 = r.tpComm("MlpBlock_F", sh.A, false, sh.t);
  f2.recomm = sh.Cm;
  // SwiGLU: gate and up projections fused into one matmul (Llama/Megatron).
  Layer &m1 = r.linear("MlpBlock_Mlp1", sh.M, sh.h,
                       sh.swiglu ? 2 * sh.Ft : sh.Ft, sh.Rf);
  m1.actStored = !sh.Cm;
  mlpActivation(r, sh, "MlpBlock_GeLU", "MlpBlock_SiLU", "MlpBlock_GateMul",
                double(sh.Xgelu), exe.fusedActivation);
  r.linear("MlpBlock_Mlp2", sh.M, sh.Ft, sh.h, sh.Rf);
  Layer &g2 = r.tpComm("MlpBlock_G", sh.A, true, sh.t);
  g2.recomm = sh.Rf;
  g2.actStored = false;
  residualOut(r, sh, "MlpBlock_DropOut", "MlpBlock_Residual");
}

void overlappedAttention(Rows &r, const Shape &sh, bool multiHead) {
  normIn(r, sh, "AttnBlock_Fork", "AttnBlock_LayerNorm");
  if (multiHead) {
    Layer &qkv = r.overlapped("AttnBlock_QKV_AG", sh.M, sh.h, 3 * sh.a * sh.d,
                              false, sh.t, sh.rsag, sh.Rf);
    qkv.recomm = sh.Ca;
  } else {
    Layer &q = r.overlapped("AttnBlock_Query_AG", sh.M, sh.h, sh.a * sh.d,
                            false, sh.t, sh.rsag, sh.Rf);
    q.recomm = sh.Ca;
    Layer &kv = r.fork("AttnBlock_KV_Fork", sh.A, 2, sh.Ca);
    kv.actStored = !sh.Ca;
    for (const char *name : {"AttnBlock_Key", "AttnBlock_Value"}) {
      Layer &l = r.linear(name, sh.M, sh.h, sh.kvWidth, sh.Rf);
      l.actStored = false;
      l.actReused = true;
    }
  }
  attentionCore(r, sh, sh.d, sh.dPrime);
  Layer &o = r.overlapped("AttnBlock_MLP_RS", sh.M, sh.a * sh.d, sh.h, true,
                          sh.t, sh.rsag, sh.Rf);
  o.recomm = sh.Rf;
  residualOut(r, sh, "AttnBlock_DropOut", "AttnBlock_Residual");
}

void overlappedMlp(Rows &r, const Shape &sh, const Execution &exe) {
  normIn(r, sh, "MlpBlock_Fork", "MlpBlock_LayerNorm");
  Layer &m1 =
      r.overlapped("MlpBlock_Mlp1_AG", sh.M, sh.h, sh.swiglu ? 2 * sh.f : sh.f,
                   false, sh.t, sh.rsag, sh.Rf);
  m1.recomm = sh.Cm;
  mlpActivation(r, sh, "MlpBlock_GeLU", "MlpBlock_SiLU", "MlpBlock_GateMul",
                double(sh.Xgelu), exe.fusedActivation);
  Layer &m2 = r.overlapped("MlpBlock_Mlp2_RS", sh.M, sh.f, sh.h, true, sh.t,
                           sh.rsag, sh.Rf);
  m2.recomm = sh.Rf;
  residualOut(r, sh, "MlpBlock_DropOut", "MlpBlock_Residual");
}

} // namespace

int64_t calc::cost::kvWidthPerRank(const Model &model, int64_t tensorPar) {
  if (model.kvHeads == model.attnHeads)
    return (model.attnHeads * model.attnSize) / tensorPar;
  return ((model.kvHeads + tensorPar - 1) / tensorPar) * model.attnSize;
}

void calc::cost::appendBlock(const Model &model, const Execution &exe,
                             BlockType type,
                             llvm::SmallVectorImpl<Layer> &layers) {
  Rows rows(layers);
  Shape sh = makeShape(model, exe);
  bool overlap = exe.tensorParOverlap != TpOverlap::None;
  // Latent attention keeps Megatron's f/g operators even with TP overlap
  // (docs/model.md, "Multi-head latent attention").
  if (model.isMla())
    mlaAttention(rows, sh, model);
  else if (overlap)
    overlappedAttention(rows, sh, model.isMultiHead());
  else
    plainAttention(rows, sh);
  if (type == BlockType::Moe)
    moeMlp(rows, sh, model, exe);
  else if (overlap)
    overlappedMlp(rows, sh, exe);
  else
    plainMlp(rows, sh, exe);
}

void calc::cost::buildBlock(const Model &model, const Execution &exe,
                            llvm::SmallVectorImpl<Layer> &layers) {
  layers.clear();
  appendBlock(model, exe, BlockType::Dense, layers);
}
