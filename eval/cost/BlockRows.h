//===- BlockRows.h - Row builders shared by the block layouts -------------===//
//
// Internal to the block builders (BlockBuilder.cpp for Calculon's dense
// block, MoeBlock.cpp for mixture-of-experts MLPs and latent attention):
// the shapes every row needs and one appender per layer type, with the
// element counts of docs/calculon-model.md §5/§6 and docs/model.md.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_BLOCKROWS_H
#define CALC_EVAL_COST_BLOCKROWS_H

#include "eval/cost/Execution.h"
#include "eval/cost/Layers.h"
#include "eval/cost/Model.h"

#include "llvm/ADT/SmallVector.h"

namespace calc::cost::rows {

/// Shapes shared by the rows (notation of §1 and §4).
struct Shape {
  /// s is the query length of a rank (seq_size / context_par), sk the key
  /// length (seq_size): context parallelism splits the queries only.
  int64_t h, f, s, sk, a, d, t, b;
  int64_t M;      ///< tokens per microbatch
  int64_t A;      ///< full activation elements
  int64_t An;     ///< activation elements in the norm/residual region
  int64_t Ht;     ///< floor(a*d/t)
  int64_t Ft;     ///< floor(f/t)
  int64_t beta;   ///< floor(b*a/t) attention matmul instances
  int64_t Xatt;   ///< floor(a/t)*s*sk*b
  int64_t Xgelu;  ///< floor(f*M/t)
  int64_t dPrime; ///< floor(a*d/a)
  int64_t kvWidth;
  bool Rf, Ra, Ca, Cm;
  bool swiglu;
  bool rsag; ///< tensor_par_comm_type == rs_ag (sequence parallelism)
  bool flash; ///< flash_attention
};

/// Appends builder: one call per row keeps the tables readable.
class Rows {
public:
  Rows(llvm::SmallVectorImpl<Layer> &layers) : layers(layers) {}

  llvm::SmallVectorImpl<Layer> &list() { return layers; }
  Layer &add(const char *name, LayerKind kind, bool recompute) {
    return layers.emplace_back(name, kind, recompute);
  }
  Layer &linear(const char *name, int64_t m, int64_t n, int64_t k, bool rc);
  /// `groups` matmuls of the same shape sharing `m` tokens between them
  /// (one expert each): flops of one m x n x k matmul, weights of all.
  Layer &groupedLinear(const char *name, double m, int64_t n, int64_t k,
                       int64_t groups, bool rc);
  Layer &bmm(const char *name, int64_t beta, int64_t m, int64_t n, int64_t k,
             bool rc);
  Layer &layerNorm(const char *name, int64_t X, int64_t h, bool rc);
  /// DropOut, GeLU and SoftMax share the element bookkeeping.
  Layer &elementOp(const char *name, LayerKind kind, double X, double fw,
                   double ag, bool rc);
  Layer &elementWise(const char *name, double o1, double o2, bool rc);
  Layer &fork(const char *name, int64_t X, int users, bool rc);
  Layer &tpComm(const char *name, int64_t X, bool conjugate, int64_t t);
  /// LO(m, n, k) of §6.2; `rsag` decides the stored sizes.
  Layer &overlapped(const char *name, int64_t m, int64_t n, int64_t k,
                    bool conjugate, int64_t t, bool rsag, bool rc);
  /// A MoE communication layer (AllToAll or ExpertTpComm) of X elements.
  Layer &moeComm(const char *name, LayerKind kind, double X, bool conjugate,
                 bool rc);

private:
  llvm::SmallVectorImpl<Layer> &layers;
};

/// Fork + LayerNorm opening each half of the block.
void normIn(Rows &r, const Shape &sh, const char *forkName,
            const char *normName);
/// DropOut + residual closing each half of the block.
void residualOut(Rows &r, const Shape &sh, const char *dropName,
                 const char *resName);
/// Rows 8-11 of §4.1: the attention core, for query/key width `dQk` and
/// value width `dV` per head.
void attentionCore(Rows &r, const Shape &sh, int64_t dQk, int64_t dV);
/// The MLP activation on X elements: GeLU (Calculon) or SwiGLU's SiLU and
/// gating product. `prefix` names the rows ("MlpBlock" -> MlpBlock_GeLU).
void mlpActivation(Rows &r, const Shape &sh, const char *gelu, const char *silu,
                   const char *gateMul, double X, bool fused);

/// The mixture-of-experts second half of a block (MoeBlock.cpp).
void moeMlp(Rows &r, const Shape &sh, const Model &model, const Execution &exe);
/// Multi-head latent attention, the first half of a block (MoeBlock.cpp).
void mlaAttention(Rows &r, const Shape &sh, const Model &model);

} // namespace calc::cost::rows

#endif
