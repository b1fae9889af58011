//===- Validation.h - Calculon's `llm-validation` and parameter count -----===//
//
// `lv` compares the model against the measurements of Korthikanti et al. 2022,
// "Reducing Activation Recomputation in Large Transformer Models"
// (arXiv:2205.05198), as Calculon does (docs/calculon-model.md §12). `lpc` is
// the parameter count of §13.1.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_VALIDATION_H
#define CALC_EVAL_CALCULON_VALIDATION_H

#include "eval/cost/Model.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::calculon {

/// Runs the three validation tables with inputs under `baseDir` (models/,
/// systems/, validation/seqsel/), or from the copies embedded in calcc when
/// `baseDir` is empty (ValidationInputs.h), and prints them to `os`. Returns
/// false with `error` set when an input is missing or rejected.
bool runValidation(llvm::StringRef baseDir, bool verbose, llvm::raw_ostream &os,
                   std::string &error);

/// Calculon's parameter count (§13.1): the blocks plus a 51,200-token
/// embedding and position embeddings, as the float Calculon prints. Exact
/// while the count fits in 64 bits; beyond, a double estimate (Python's
/// integers never overflow, ours must not either). Beyond Calculon, a block
/// with grouped-query attention has K and V projections (and biases) of
/// kv_heads * attn_size columns, and a SwiGLU MLP three projections and two
/// feedforward biases; a model with a vocabulary has its own input
/// embedding and an untied output projection (vocab * h each) and no learned
/// positions (Llama, Qwen). At multi-head, GELU and no vocabulary it is
/// Calculon's formula.
double parameterCount(const cost::Model &model);

} // namespace calc::calculon

#endif
