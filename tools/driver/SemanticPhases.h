//===- SemanticPhases.h - The phases after the AST: Sema, IR, evaluation --===//
//
// The one hook between the front end and the rest of the compiler. The
// driver (CompileCommands.cpp) reads, lexes, parses and loads imports, then
// makes exactly one call to runSemanticPhases(). Owned by the "sema" work:
// the implementation (SemanticPhases.cpp) runs Sema → IR → evaluation and
// the statements, honouring `--emit=ir|result`, `-D` and the mode.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_SEMANTICPHASES_H
#define CALC_TOOLS_DRIVER_SEMANTICPHASES_H

#include "eval/Compilation.h"
#include "frontend/Diagnostics.h"
#include "frontend/ImportResolver.h"
#include "tools/driver/CompileOptions.h"

#include "llvm/Support/raw_ostream.h"

namespace calc::driver {

/// What the phases after the AST report back.
struct PhaseResult {
  bool ok = true;      ///< False if an error was reported or a check failed.
  unsigned passed = 0; ///< `assert`/`expect` checks that held (for `test`).
  unsigned failed = 0; ///< Checks that failed (for `test`).
};

/// Checks and runs the program \p compilation loaded (the prelude, its
/// imports and the main file, in dependency order). Diagnostics go to \p diags; dumps, tables and
/// check lines go to \p out.
PhaseResult runSemanticPhases(Compilation &compilation,
                              CompileOptions &options, DiagnosticEngine &diags,
                              llvm::raw_ostream &out);

} // namespace calc::driver

#endif
