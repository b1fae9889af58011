//===- LlmInputs.h - Model, execution and system inputs, JSON or .calc ----===//
//
// The input arguments of `calcc llm` (MODEL EXEC SYSTEM) and of `loe`/`lae`
// (APP, SYSTEM), each either a Calculon `.json` file (eval/calculon) or a
// `.calc` file declaring one entity of that kind (CalcInputs.h), chosen by
// extension. Calculon's JSON puts the attention type in the execution; the
// language puts it in the model (`kv_heads`), and these functions reconcile
// the two when the formats are mixed.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_LLMINPUTS_H
#define CALC_TOOLS_DRIVER_LLMINPUTS_H

#include "tools/driver/CalcInputs.h"

#include "eval/calculon/CalculonInputs.h"
#include "eval/search/SearchArgs.h"

namespace calc::driver {

/// Loads `llm`'s three inputs. Errors are printed (`error: …` for JSON,
/// clang-style diagnostics for `.calc`); returns false after printing.
bool loadLlmInputs(llvm::StringRef modelPath, llvm::StringRef exePath,
                   llvm::StringRef systemPath, const CalcInputOptions &options,
                   calculon::LlmInputs &out);

/// Loads the model and system of a search and checks the system supports
/// its datatype. A `.calc` model must be multi-head: the searches, like
/// Calculon's, write `attention_type` "multihead" for every execution.
bool loadSearchInputs(const search::SearchArgs &args,
                      const CalcInputOptions &options, cost::Model &model,
                      cost::System &system);

} // namespace calc::driver

#endif
