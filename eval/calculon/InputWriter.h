//===- InputWriter.h - cost structs -> Calculon input JSON ----------------===//
//
// The way out of the language for `calcc convert`: a model, execution or
// system as the JSON file Calculon's `llm` reads (docs/calculon-model.md
// §2.1–§2.3), laid out as Python's json.dumps(indent=2). Calculon's keys
// always; calcc's optional keys (grouped-query and latent attention, SwiGLU,
// vocabulary, experts, context parallelism, kernels, all_to_all) only when
// they differ from what their absence means, so a plain model stays a file
// Calculon itself accepts. Each number is chosen so that Calculon's reader
// (`tflops * 1e12`, …) gives back the struct's double; where no such number
// exists, the nearest is written and a warning says so.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_INPUTWRITER_H
#define CALC_EVAL_CALCULON_INPUTWRITER_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace calc::calculon {

void writeModelJson(const cost::Model &model, llvm::raw_ostream &os);

/// `attention_type` is "multihead": in `.calc` the model decides it.
void writeExecutionJson(const cost::Execution &exe, llvm::raw_ostream &os);

/// \p warnings receives the numbers that cannot be written exactly.
void writeSystemJson(const cost::System &system, llvm::raw_ostream &os,
                     std::vector<std::string> &warnings);

} // namespace calc::calculon

#endif
