//===- BlockBuilder.cpp - The layer list of one transformer block ---------===//
//
// Rows of docs/calculon-model.md §4.1 (no TP overlap) and §4.2 (ring/pipe),
// with the element counts of §5/§6. Integer divisions are floors, as in
// Calculon; checkExecution() guarantees they are exact where it matters
// (§15.19).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/BlockBuilder.h"

using namespace calc::cost;

namespace {

/// Shapes shared by the rows (notation of §1 and §4).
struct Shape {
  int64_t h, f, s, a, d, t, b;
  int64_t M;      ///< tokens per microbatch
  int64_t A;      ///< full activation elements
  int64_t An;     ///< activation elements in the norm/residual region
  int64_t Ht;     ///< floor(a*d/t)
  int64_t Ft;     ///< floor(f/t)
  int64_t beta;   ///< floor(b*a/t) attention matmul instances
  int64_t Xatt;   ///< floor(a/t)*s^2*b
  int64_t Xgelu;  ///< floor(f*M/t)
  int64_t dPrime; ///< floor(a*d/a)
  int64_t kvWidth;
  bool Rf, Ra, Ca, Cm;
  bool swiglu;
};

/// Appends builder: one call per row keeps the table readable.
class Rows {
public:
  Rows(llvm::SmallVectorImpl<Layer> &layers) : layers(layers) {}

  Layer &add(const char *name, LayerKind kind, bool recompute) {
    return layers.emplace_back(name, kind, recompute);
  }
  Layer &linear(const char *name, int64_t m, int64_t n, int64_t k, bool rc) {
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
  Layer &bmm(const char *name, int64_t beta, int64_t m, int64_t n, int64_t k,
             bool rc) {
    Layer &l = add(name, LayerKind::BatchMatMul, rc);
    l.matrix = true;
    l.fwFlops = 2.0 * double(beta * m * n * k);
    l.agFlops = 4.0 * double(beta * m * n * k);
    l.inputs = l.act = double(beta * (m * n + n * k));
    l.outputs = l.grad = double(beta * m * k);
    return l;
  }
  Layer &layerNorm(const char *name, int64_t X, int64_t h, bool rc) {
    Layer &l = add(name, LayerKind::LayerNorm, rc);
    l.fwFlops = 9.0 * X;
    l.agFlops = 14.0 * X;
    l.wgFlops = 7.0 * X;
    l.inputs = l.outputs = l.act = l.grad = double(X);
    l.weights = 2.0 * h;
    l.optState = 4.0 * h;
    return l;
  }
  /// DropOut, GeLU and SoftMax share the element bookkeeping.
  Layer &elementOp(const char *name, LayerKind kind, int64_t X, double fw,
                   double ag, bool rc) {
    Layer &l = add(name, kind, rc);
    l.fwFlops = fw * X;
    l.agFlops = ag * X;
    l.inputs = l.outputs = l.act = l.grad = double(X);
    return l;
  }
  Layer &elementWise(const char *name, int64_t o1, int64_t o2, bool rc) {
    Layer &l = add(name, LayerKind::ElementWise, rc);
    int64_t X = o1 > o2 ? o1 : o2;
    l.fwFlops = double(X);
    l.agFlops = double(o1 + o2);
    l.inputs = l.act = double(o1 + o2);
    l.outputs = l.grad = double(X);
    return l;
  }
  Layer &fork(const char *name, int64_t X, int users, bool rc) {
    Layer &l = add(name, LayerKind::Fork, rc);
    l.agFlops = double(users * X);
    l.inputs = l.act = double(X);
    l.users = users;
    return l;
  }
  Layer &tpComm(const char *name, int64_t X, bool conjugate, int64_t t) {
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
  /// LO(m, n, k) of §6.2; `tpCommType` decides the stored sizes.
  Layer &overlapped(const char *name, int64_t m, int64_t n, int64_t k,
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

private:
  llvm::SmallVectorImpl<Layer> &layers;
};

Shape makeShape(const Model &model, const Execution &exe) {
  Shape sh;
  sh.h = model.hidden;
  sh.f = model.feedforward;
  sh.s = model.seqSize;
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
  sh.Xatt = (sh.a / sh.t) * sh.s * sh.s * sh.b;
  sh.Xgelu = (sh.f * sh.M) / sh.t;
  sh.dPrime = (sh.a * sh.d) / sh.a;
  sh.kvWidth = kvWidthPerRank(model, sh.t);
  sh.Rf = exe.activationRecompute == Recompute::Full;
  sh.Ra = sh.Rf || exe.activationRecompute == Recompute::AttnOnly;
  sh.Ca = sh.Ra || exe.seqParAgRedo;
  sh.Cm = sh.Rf || exe.seqParAgRedo;
  sh.swiglu = model.mlpType == MlpType::SwiGlu;
  return sh;
}

/// Rows 8-11 of §4.1: the attention core, shared by every variant.
void attentionCore(Rows &r, const Shape &sh) {
  Layer &kq =
      r.bmm("AttnBlock_Multihead_Key_Query", sh.beta, sh.s, sh.d, sh.s, sh.Ra);
  kq.outStored = !sh.Ra;
  Layer &sm = r.elementOp("AttnBlock_Multihead_SoftMax", LayerKind::SoftMax,
                          sh.Xatt, 5, 8, sh.Ra);
  sm.outStored = !sh.Ra;
  Layer &dr = r.elementOp("AttnBlock_Multihead_DropOut", LayerKind::DropOut,
                          sh.Xatt, 1, 1, sh.Ra);
  dr.actStored = !sh.Ra;
  r.bmm("AttnBlock_Multihead_Attn", sh.beta, sh.s, sh.s, sh.dPrime, sh.Rf);
}

/// Fork + LayerNorm opening each half of the block.
void normIn(Rows &r, const Shape &sh, const char *forkName,
            const char *normName) {
  r.fork(forkName, sh.An, 2, sh.Rf);
  Layer &ln = r.layerNorm(normName, sh.An, sh.h, sh.Rf);
  ln.actStored = false;
  ln.actReused = true;
}

/// DropOut + residual closing each half of the block.
void residualOut(Rows &r, const Shape &sh, const char *dropName,
                 const char *resName) {
  r.elementOp(dropName, LayerKind::DropOut, sh.An, 1, 1, sh.Rf);
  Layer &res = r.elementWise(resName, sh.An, sh.An, sh.Rf);
  res.actStored = false;
  res.actReused = true;
}

/// GeLU(X, fused) of §5. Quirk §15.7: fusing only drops the activation and
/// grad memory; compute and traffic stay.
Layer &activation(Rows &r, const char *name, const Shape &sh, bool fused) {
  Layer &g = r.elementOp(name, LayerKind::GeLU, sh.Xgelu, 8, 13, sh.Rf);
  g.fused = fused;
  if (fused)
    g.act = g.grad = 0;
  return g;
}

/// The MLP activation: GeLU (Calculon) or SwiGLU's SiLU and gating product.
void mlpActivation(Rows &r, const Shape &sh, bool fused) {
  if (!sh.swiglu) {
    activation(r, "MlpBlock_GeLU", sh, fused);
    return;
  }
  // SiLU costed like GeLU (an elementwise activation), then SiLU(gate)*up.
  activation(r, "MlpBlock_SiLU", sh, fused);
  r.elementWise("MlpBlock_GateMul", sh.Xgelu, sh.Xgelu, sh.Rf);
}

void buildPlain(Rows &r, const Shape &sh, const Execution &exe) {
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
  attentionCore(r, sh);
  r.linear("AttnBlock_MLP", sh.M, sh.Ht, sh.h, sh.Rf);
  Layer &g = r.tpComm("AttnBlock_G", sh.A, true, sh.t);
  g.recomm = sh.Rf;
  g.actStored = false;
  residualOut(r, sh, "AttnBlock_DropOut", "AttnBlock_Residual");

  normIn(r, sh, "MlpBlock_Fork", "MlpBlock_LayerNorm");
  Layer &f2 = r.tpComm("MlpBlock_F", sh.A, false, sh.t);
  f2.recomm = sh.Cm;
  // SwiGLU: gate and up projections fused into one matmul (Llama/Megatron).
  Layer &m1 = r.linear("MlpBlock_Mlp1", sh.M, sh.h,
                       sh.swiglu ? 2 * sh.Ft : sh.Ft, sh.Rf);
  m1.actStored = !sh.Cm;
  mlpActivation(r, sh, exe.fusedActivation);
  r.linear("MlpBlock_Mlp2", sh.M, sh.Ft, sh.h, sh.Rf);
  Layer &g2 = r.tpComm("MlpBlock_G", sh.A, true, sh.t);
  g2.recomm = sh.Rf;
  g2.actStored = false;
  residualOut(r, sh, "MlpBlock_DropOut", "MlpBlock_Residual");
}

void buildOverlapped(Rows &r, const Shape &sh, const Execution &exe,
                     bool multiHead) {
  bool rsag = exe.tensorParCommType == TpCommType::RsAg;
  normIn(r, sh, "AttnBlock_Fork", "AttnBlock_LayerNorm");
  if (multiHead) {
    Layer &qkv = r.overlapped("AttnBlock_QKV_AG", sh.M, sh.h, 3 * sh.a * sh.d,
                              false, sh.t, rsag, sh.Rf);
    qkv.recomm = sh.Ca;
  } else {
    Layer &q = r.overlapped("AttnBlock_Query_AG", sh.M, sh.h, sh.a * sh.d,
                            false, sh.t, rsag, sh.Rf);
    q.recomm = sh.Ca;
    Layer &kv = r.fork("AttnBlock_KV_Fork", sh.A, 2, sh.Ca);
    kv.actStored = !sh.Ca;
    for (const char *name : {"AttnBlock_Key", "AttnBlock_Value"}) {
      Layer &l = r.linear(name, sh.M, sh.h, sh.kvWidth, sh.Rf);
      l.actStored = false;
      l.actReused = true;
    }
  }
  attentionCore(r, sh);
  Layer &o = r.overlapped("AttnBlock_MLP_RS", sh.M, sh.a * sh.d, sh.h, true,
                          sh.t, rsag, sh.Rf);
  o.recomm = sh.Rf;
  residualOut(r, sh, "AttnBlock_DropOut", "AttnBlock_Residual");

  normIn(r, sh, "MlpBlock_Fork", "MlpBlock_LayerNorm");
  Layer &m1 =
      r.overlapped("MlpBlock_Mlp1_AG", sh.M, sh.h, sh.swiglu ? 2 * sh.f : sh.f,
                   false, sh.t, rsag, sh.Rf);
  m1.recomm = sh.Cm;
  mlpActivation(r, sh, exe.fusedActivation);
  Layer &m2 = r.overlapped("MlpBlock_Mlp2_RS", sh.M, sh.f, sh.h, true, sh.t,
                           rsag, sh.Rf);
  m2.recomm = sh.Rf;
  residualOut(r, sh, "MlpBlock_DropOut", "MlpBlock_Residual");
}

} // namespace

int64_t calc::cost::kvWidthPerRank(const Model &model, int64_t tensorPar) {
  if (model.kvHeads == model.attnHeads)
    return (model.attnHeads * model.attnSize) / tensorPar;
  return ((model.kvHeads + tensorPar - 1) / tensorPar) * model.attnSize;
}

void calc::cost::buildBlock(const Model &model, const Execution &exe,
                            llvm::SmallVectorImpl<Layer> &layers) {
  layers.clear();
  Rows rows(layers);
  Shape sh = makeShape(model, exe);
  if (exe.tensorParOverlap == TpOverlap::None)
    buildPlain(rows, sh, exe);
  else
    buildOverlapped(rows, sh, exe, model.isMultiHead());
}
