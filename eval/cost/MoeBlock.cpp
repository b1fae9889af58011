//===- MoeBlock.cpp - Mixture-of-experts MLP and latent attention rows ----===//
//
// The two halves of a block that Calculon has no rows for (docs/model.md,
// "Mixture of experts" and "Multi-head latent attention"). Expert layers run
// on the parallel folding of Megatron-Core: the expert grid ETP x EP x EDP
// covers the same processors as attention's TP x DP, each rank routes the
// M/t tokens it holds (its sequence-parallel shard, or its 1/t slice of the
// replicated tokens without sequence parallelism), and the expert matmuls
// see the tokens the busiest rank really receives.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/BlockBuilder.h"
#include "eval/cost/BlockRows.h"

using namespace calc::cost;
using namespace calc::cost::rows;

/// Flags the rows appended since `first` as the routed-expert path.
static void markExpert(llvm::SmallVectorImpl<Layer> &layers, size_t first) {
  for (size_t i = first; i < layers.size(); ++i)
    layers[i].expert = true;
}

double calc::cost::expertLoad(const Model &model, const Execution &exe) {
  double gamma = exe.expertImbalance, cf = model.capacityFactor;
  return cf > 0 && cf < gamma ? cf : gamma;
}

/// The routed experts between dispatch and combine.
static void routedExperts(Rows &r, llvm::SmallVectorImpl<Layer> &layers,
                          const Shape &sh, const Model &m, const Execution &x,
                          double tokens) {
  int64_t etp = x.expertTensorPar;
  int64_t width = m.expertFeedforward / etp, local = m.experts / x.expertPar;
  // Expert TP gathers the tokens of the ETP ranks; each computes 1/ETP of
  // every expert's width on all of them.
  double gathered = tokens * double(etp);
  if (etp > 1)
    r.moeComm("MoeBlock_ExpertGather", LayerKind::ExpertTpComm,
              gathered * double(sh.h), false, sh.Rf);
  size_t first = layers.size();
  r.groupedLinear("MoeBlock_Expert1", gathered, sh.h,
                  sh.swiglu ? 2 * width : width, local, sh.Rf);
  mlpActivation(r, sh, "MoeBlock_ExpertGeLU", "MoeBlock_ExpertSiLU",
                "MoeBlock_ExpertGateMul", gathered * double(width),
                x.fusedActivation);
  r.groupedLinear("MoeBlock_Expert2", gathered, width, sh.h, local, sh.Rf);
  markExpert(layers, first);
  if (etp > 1)
    r.moeComm("MoeBlock_ExpertScatter", LayerKind::ExpertTpComm,
              gathered * double(sh.h), true, sh.Rf);
}

/// Shared experts: always active, one dense MLP of width
/// shared_experts * expert_feedforward split over TP like Calculon's MLP.
static void sharedExperts(Rows &r, const Shape &sh, const Model &m,
                          const Execution &x) {
  int64_t width = m.sharedExperts * m.expertFeedforward / sh.t;
  r.linear("MoeBlock_Shared1", sh.M, sh.h, sh.swiglu ? 2 * width : width,
           sh.Rf);
  mlpActivation(r, sh, "MoeBlock_SharedGeLU", "MoeBlock_SharedSiLU",
                "MoeBlock_SharedGateMul", double(sh.M * width),
                x.fusedActivation);
  r.linear("MoeBlock_Shared2", sh.M, width, sh.h, sh.Rf);
  r.elementWise("MoeBlock_SharedAdd", double(sh.An), double(sh.An), sh.Rf);
}

void calc::cost::rows::moeMlp(Rows &r, const Shape &sh, const Model &m,
                              const Execution &x) {
  llvm::SmallVectorImpl<Layer> &layers = r.list();
  normIn(r, sh, "MlpBlock_Fork", "MlpBlock_LayerNorm");
  // With sequence parallelism the routed path works on the rank's shard;
  // Megatron's f/g operators remain only for shared experts. Without it,
  // f/g also reassemble the slices each TP rank routed.
  bool tpOps = !(sh.rsag && m.sharedExperts == 0);
  if (tpOps) {
    Layer &f = r.tpComm("MlpBlock_F", sh.A, false, sh.t);
    f.recomm = sh.Cm;
  }
  int64_t local = sh.M / sh.t;
  // Token-expert assignments on the busiest rank, per ETP shard.
  double tokens = double(local * m.topK) * expertLoad(m, x);
  r.linear("MoeBlock_Router", local, sh.h, m.experts, sh.Rf);
  r.elementOp("MoeBlock_RouterSoftMax", LayerKind::SoftMax,
              double(local * m.experts), 5, 8, sh.Rf);
  r.moeComm("MoeBlock_Dispatch", LayerKind::AllToAll, tokens * double(sh.h),
            false, sh.Rf);
  routedExperts(r, layers, sh, m, x, tokens);
  r.moeComm("MoeBlock_Combine", LayerKind::AllToAll, tokens * double(sh.h),
            true, sh.Rf);
  // Weighting each expert's output by its router probability and summing.
  r.elementWise("MoeBlock_CombineSum", tokens * double(sh.h),
                double(local * m.topK), sh.Rf);
  if (m.sharedExperts > 0)
    sharedExperts(r, sh, m, x);
  if (tpOps) {
    Layer &g = r.tpComm("MlpBlock_G", sh.A, true, sh.t);
    g.recomm = sh.Rf;
    g.actStored = false;
  }
  residualOut(r, sh, "MlpBlock_DropOut", "MlpBlock_Residual");
}

void calc::cost::rows::mlaAttention(Rows &r, const Shape &sh, const Model &m) {
  int64_t a = sh.a, t = sh.t, M = sh.M;
  int64_t dq = m.qLoraRank, dc = m.kvLoraRank, dn = m.qkNopeHeadDim,
          dr = m.qkRopeHeadDim, dv = m.vHeadDim;
  normIn(r, sh, "AttnBlock_Fork", "AttnBlock_LayerNorm");
  Layer &f = r.tpComm("AttnBlock_F", sh.A, false, t);
  f.recomm = sh.Ca;
  Layer &mf = r.fork("AttnBlock_Multihead_Fork", sh.A, 2, sh.Ca);
  mf.actStored = !sh.Ca;
  // Down projections are replicated over TP (as in Megatron-Core's MLA);
  // up projections split the heads.
  int64_t qWidth = a * (dn + dr) / t;
  Layer &q = r.linear(dq > 0 ? "AttnBlock_QDown" : "AttnBlock_Query", M, sh.h,
                      dq > 0 ? dq : qWidth, sh.Rf);
  q.actStored = false;
  q.actReused = true;
  if (dq > 0) {
    r.layerNorm("AttnBlock_QNorm", M * dq, dq, sh.Rf);
    r.linear("AttnBlock_QUp", M, dq, qWidth, sh.Rf);
  }
  Layer &kv = r.linear("AttnBlock_KVDown", M, sh.h, dc + dr, sh.Rf);
  kv.actStored = false;
  kv.actReused = true;
  r.layerNorm("AttnBlock_KVNorm", M * dc, dc, sh.Rf);
  r.linear("AttnBlock_KVUp", M, dc, a * (dn + dv) / t, sh.Rf);
  attentionCore(r, sh, dn + dr, dv);
  r.linear("AttnBlock_MLP", M, a * dv / t, sh.h, sh.Rf);
  Layer &g = r.tpComm("AttnBlock_G", sh.A, true, t);
  g.recomm = sh.Rf;
  g.actStored = false;
  residualOut(r, sh, "AttnBlock_DropOut", "AttnBlock_Residual");
}
