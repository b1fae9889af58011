//===- Model.h - The LLM being costed (one transformer stack) -------------===//
//
// Plain description of a decoder-only transformer as the cost model sees it: L
// identical blocks, no embeddings or LM head (docs/calculon-model.md §2.1). Two
// fields go beyond Calculon: kvHeads (grouped-query attention) and mlpType
// (SwiGLU); with kvHeads in {1, attnHeads} and a GeLU MLP the model is exactly
// Calculon's.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_MODEL_H
#define CALC_EVAL_COST_MODEL_H

#include <cstdint>

namespace calc::cost {

/// The MLP of a block.
enum class MlpType : uint8_t {
  /// Two projections h->f->h with a GeLU in between (Calculon, GPT-3).
  Gelu,
  /// Three projections: gate and up (h->f each), SiLU(gate)*up, down (f->h),
  /// as in Llama 2/3 (Shazeer 2020, "GLU Variants Improve Transformer").
  SwiGlu,
};

/// The attention of a block.
enum class AttentionKind : uint8_t {
  /// Multi-head, grouped-query or multi-query attention, by kvHeads.
  Standard,
  /// Multi-head latent attention (DeepSeek-V2/V3): queries and keys/values
  /// go through low-rank projections; the KV cache holds the latent.
  Mla,
};

/// One transformer model. All sizes are element counts.
struct Model {
  int64_t hidden = 0;      ///< h, model width (Calculon `hidden`)
  int64_t feedforward = 0; ///< f, MLP inner width (`feedforward`)
  int64_t seqSize = 0;     ///< s, sequence length in tokens (`seq_size`)
  int64_t attnHeads = 0;   ///< a, query heads (`attn_heads`)
  int64_t attnSize = 0;  ///< d, per-head width (`attn_size`); a*d need not be h
  int64_t numBlocks = 0; ///< L, transformer blocks (`num_blocks`)
  /// Key/value heads, 1..attnHeads and dividing attnHeads. attnHeads means
  /// multi-head attention, 1 multi-query (Calculon `attention_type`), anything
  /// between grouped-query attention (Ainslie et al. 2023).
  int64_t kvHeads = 0;
  MlpType mlpType = MlpType::Gelu;
  /// Vocabulary size (`vocab`); 0: not modelled, as in Calculon. The
  /// training model ignores it (Calculon costs no embedding or output
  /// layer); the parameter count uses it.
  int64_t vocab = 0;

  // Mixture of experts (docs/model.md, "Mixture of experts"). experts == 0
  // is a dense model, and then none of these fields is read.
  int64_t experts = 0;           ///< E, routed experts per MoE block
  int64_t topK = 0;              ///< k, experts each token is routed to
  int64_t expertFeedforward = 0; ///< f_e, inner width of one expert's MLP
  int64_t sharedExperts = 0;     ///< always-active experts, each f_e wide
  int64_t denseBlocks = 0;       ///< leading blocks with a dense MLP
  /// 0: dropless; else an expert takes at most cf * tokens * k / E tokens.
  double capacityFactor = 0;

  // Multi-head latent attention (Hugging Face DeepseekV3Config names); read
  // only when attention == Mla.
  AttentionKind attention = AttentionKind::Standard;
  int64_t qLoraRank = 0; ///< 0: queries are projected directly from h
  int64_t kvLoraRank = 0;
  int64_t qkNopeHeadDim = 0;
  int64_t qkRopeHeadDim = 0;
  int64_t vHeadDim = 0;

  /// Every field equal (the cost library's memo of model-level figures).
  bool sameAs(const Model &o) const {
    return hidden == o.hidden && feedforward == o.feedforward &&
           seqSize == o.seqSize && attnHeads == o.attnHeads &&
           attnSize == o.attnSize && numBlocks == o.numBlocks &&
           kvHeads == o.kvHeads && mlpType == o.mlpType && vocab == o.vocab &&
           experts == o.experts && topK == o.topK &&
           expertFeedforward == o.expertFeedforward &&
           sharedExperts == o.sharedExperts && denseBlocks == o.denseBlocks &&
           capacityFactor == o.capacityFactor && attention == o.attention &&
           qLoraRank == o.qLoraRank && kvLoraRank == o.kvLoraRank &&
           qkNopeHeadDim == o.qkNopeHeadDim &&
           qkRopeHeadDim == o.qkRopeHeadDim && vHeadDim == o.vHeadDim;
  }

  bool isMoe() const { return experts > 0; }
  /// Blocks whose MLP is a mixture of experts.
  int64_t moeBlocks() const { return isMoe() ? numBlocks - denseBlocks : 0; }
  bool isMla() const { return attention == AttentionKind::Mla; }
  bool isMultiHead() const { return kvHeads == attnHeads; }
  bool isMultiQuery() const { return kvHeads == 1 && attnHeads != 1; }
  /// L_p = ceil(numBlocks / p), the blocks of one pipeline stage, without
  /// overflowing for numBlocks near 2^63.
  int64_t blocksPerStage(int64_t p) const {
    return numBlocks / p + (numBlocks % p != 0);
  }
};

} // namespace calc::cost

#endif
