//===- Layers.h - The layers of one transformer block, as data ------------===//
//
// A block is an ordered list of Layer records (docs/calculon-model.md §4); the
// order is the summation order. Each record holds its element counts
// (Table of §5/§6) and flags; LayerCost is what one layer costs per stage
// once the hardware is known. New layer kinds (MoE, generation) are new
// LayerKind values and new rows in the builders.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_LAYERS_H
#define CALC_EVAL_COST_LAYERS_H

#include <cstdint>

namespace calc::cost {

/// The kinds of layer with their own formulas.
enum class LayerKind : uint8_t {
  Linear,      ///< (m, n, k) matmul, matrix engine
  BatchMatMul, ///< beta (m, n, k) matmuls, matrix engine
  LayerNorm,
  DropOut,
  GeLU,
  SoftMax,
  ElementWise,      ///< residual add (or SwiGLU's product)
  Fork,             ///< one tensor fanned out to several users
  TPComm,           ///< Megatron's f (conjugate=false) / g (conjugate=true)
  LinearOverlapped, ///< matmul tiled with its TP comm (§6.2)
  // Mixture of experts (docs/model.md, "Mixture of experts"). Their comm is
  // summed apart from the TP comm (Block.h); keep them last.
  AllToAll,     ///< token dispatch/combine over the expert-parallel group
  ExpertTpComm, ///< expert-TP all-gather (conjugate=false) / reduce-scatter
};

/// The MoE communication layers (AllToAll, ExpertTpComm).
inline bool isMoeComm(LayerKind kind) { return kind >= LayerKind::AllToAll; }

/// Passes over a layer, in Calculon's stage order.
enum Stage : unsigned { Fw = 0, Agrad = 1, Wgrad = 2, Optim = 3 };
constexpr unsigned NumStages = 4;
/// The two block kinds for TP semantics: the edge block precedes a
/// pipeline send (p2p_rs_ag uses RS/AG there).
enum BlockKind : unsigned { Base = 0, Edge = 1 };
/// What a block's MLP is: a model may mix both (leading dense blocks, then
/// mixture-of-experts blocks).
enum class BlockType : uint8_t { Dense, Moe };

/// One layer: element counts and flags. Counts are doubles holding integers
/// (exact below 2^53) except the TP reduction flops, which Calculon computes
/// as reals.
struct Layer {
  Layer() = default;
  /// A row of the block builder. Constructing in place this way stores the
  /// defaults field by field; value-initializing (`Layer()`) zero-fills the
  /// whole record first, a measurable cost when building ~24 rows per
  /// candidate of a search.
  Layer(const char *name, LayerKind kind, bool recompute)
      : name(name), kind(kind), recompute(recompute) {}

  const char *name = "";
  LayerKind kind = LayerKind::Linear;
  bool recompute = false; ///< rc: forward re-run in the backward pass
  bool recomm = false;    ///< rm: TP comm re-done in the backward pass
  bool actStored = true;  ///< st_act: input kept for the backward pass
  bool actReused = false; ///< reuse: input shared, not counted again
  bool outStored = true;  ///< st_out
  bool conjugate = false; ///< TPComm / LO: g-type (comm after the op)
  bool fused = false;     ///< GeLU fused into the preceding matmul
  bool matrix = false;    ///< fw/agrad/wgrad on the matrix engine
  /// Routed-expert path: weights sharded and reduced over the expert
  /// data-parallel group (EDP) instead of DP; time is expert compute.
  bool expert = false;
  /// Attention's score and value matmuls and softmax: the compute that
  /// hides the context-parallel K/V ring (docs/model.md).
  bool attnCore = false;
  double fwFlops = 0, agFlops = 0, wgFlops = 0;
  double inputs = 0, outputs = 0; ///< I, O
  double act = 0, grad = 0;       ///< stored activation and grad elements
  double weights = 0;             ///< W = WG
  double optState = 0;            ///< OPT, optimizer moment elements
  double commElems = 0;           ///< TPComm, AllToAll, ExpertTpComm: X
  int users = 0;                  ///< Fork: consumers of the input
  bool realFlops = false;         ///< TPComm: reduction flops are reals
};

/// One stage of one layer on the given hardware. T is double, or PyNum
/// when Calculon's int/float typing is tracked.
template <class T> struct StageCostT {
  T flops = 0, flopsTime = 0;
  T bytes = 0, memTime = 0;
  T procTime = 0;      ///< P(flops time, mem time) or the tiled time
  T commBytes[2] = {}; ///< TP comm bytes, base / edge
  T netTime[2] = {};   ///< TP network time incl. reduction, base / edge
  T exposed[2] = {};   ///< exposed TP time as read after this stage
  T reqBw[2] = {};     ///< LO required overlap bandwidth
};

/// Everything one layer contributes, per stage, plus its memory (bytes).
template <class T> struct LayerCostT {
  StageCostT<T> stage[NumStages];
  /// Exposed recomm time as the block loop reads it: TPComm's wgrad net
  /// time, LO's stored *forward* exposed time (quirk §15.3).
  T recommExposed[2] = {};
  T weight = 0, activation = 0, output = 0;
  T weightGrad = 0;     ///< sharded, training dtype
  T weightGradFull = 0; ///< one unsharded fp32 copy
  T actGrad = 0, optimizer = 0;
  int tiles = 1; ///< LO: t; other layers 1
};

using StageCost = StageCostT<double>;
using LayerCost = LayerCostT<double>;

} // namespace calc::cost

#endif
