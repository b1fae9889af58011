//===- CalcInputs.h - A .calc file as an input of the Calculon commands ---===//
//
// `calcc llm`, `loe` and `lae` take each of their model, execution and system
// inputs as Calculon JSON or as a `.calc` file declaring exactly one entity
// of that kind (it may import the stdlib and inherit). This runs the language
// pipeline on the file (parse, imports, Sema, IR, evaluation of that entity)
// and converts the entity with the conversion `evaluate` uses
// (eval/CostInputs.h). It lives in the driver because eval/calculon and
// eval/cost must not depend on the front end.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_CALCINPUTS_H
#define CALC_TOOLS_DRIVER_CALCINPUTS_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace calc::driver {

/// `-I` and `--stdlib-dir` of the Calculon commands: the same meaning as
/// for `calcc run`.
struct CalcInputOptions {
  std::vector<std::string> includeDirs;
  std::string stdlibDir;
};

/// The entity kind an input argument names (the prelude schema).
enum class EntityKind { Model, Execution, System };

/// The schema name of \p kind: "model", "execution", "system".
llvm::StringRef entityKindName(EntityKind kind);

/// Whether \p path names a `.calc` input (by extension).
bool isCalcInput(llvm::StringRef path);

/// The converted entity: only the member of the requested kind is set.
struct CalcEntity {
  std::string name; ///< The entity's name in the file.
  cost::Model model;
  cost::Execution exe;
  cost::System system;
};

/// Compiles \p path and converts its one entity of \p kind into \p out.
/// Diagnostics are printed clang style on stderr, ending with the "N
/// error(s) generated." summary; returns false after reporting.
bool loadCalcEntity(llvm::StringRef path, EntityKind kind,
                    const CalcInputOptions &options, CalcEntity &out);

/// Compiles \p path and converts its entity \p name (declared in the file
/// or in one it imports), whatever its kind among model, execution and
/// system; \p kind says which it was. An empty name means the one such
/// entity the file itself declares.
bool loadNamedCalcEntity(llvm::StringRef path, llvm::StringRef name,
                         const CalcInputOptions &options, CalcEntity &out,
                         EntityKind &kind);

/// The same as loadCalcEntity over \p text, a file's contents that
/// diagnostics call \p bufferName (calcc convert reads back what it wrote).
bool loadCalcEntityFromText(llvm::StringRef bufferName, llvm::StringRef text,
                            EntityKind kind, const CalcInputOptions &options,
                            CalcEntity &out);

} // namespace calc::driver

#endif
