//===- Model.h - The LLM being costed (one transformer stack) -------------===//
//
// Plain description of a decoder-only transformer as the cost model sees it:
// L identical blocks, no embeddings or LM head (calculon-model.md §2.1). Two
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
