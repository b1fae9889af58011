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
#include "eval/calculon/search/ExecutionSpace.h"
#include "eval/calculon/search/SearchArgs.h"

namespace calc::driver {

/// Loads a model argument: Calculon JSON (multi-head, Calculon's reading of
/// a model without an execution) or a `.calc` file. \p name, if given,
/// receives the JSON file's stem or the `.calc` entity's name. Errors are
/// printed; returns false after printing.
bool loadModelInput(llvm::StringRef path, const CalcInputOptions &options,
                    cost::Model &model, std::string *name = nullptr);

/// Loads `llm`'s three inputs. Errors are printed (`error: …` for JSON,
/// clang-style diagnostics for `.calc`); returns false after printing.
bool loadLlmInputs(llvm::StringRef modelPath, llvm::StringRef exePath,
                   llvm::StringRef systemPath, const CalcInputOptions &options,
                   calculon::LlmInputs &out);

/// Loads the model and system of a search, checks the system supports its
/// datatype and builds the space of candidates. A `.calc` model must be
/// multi-head or multi-query, what the searches' `attention_type` can say;
/// a JSON model that sets kv_heads decides its attention itself.
/// Errors are printed; returns false after printing.
bool loadSearchInputs(const calculon::SearchArgs &args,
                      const CalcInputOptions &options, cost::Model &model,
                      cost::System &system, calculon::ExecutionSpace &space);

} // namespace calc::driver

#endif
