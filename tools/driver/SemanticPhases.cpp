//===- SemanticPhases.cpp - The phases after the AST (front-end default) --===//
//
// The front end's version of the hook: the program parsed and its imports
// resolved, so syntax-level work is done. The "sema" work replaces this file
// with Sema → IR → evaluation; until then the stages that need it are
// reported as unavailable instead of pretending to succeed.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/SemanticPhases.h"

using namespace calc;
using namespace calc::driver;

PhaseResult calc::driver::runSemanticPhases(Program &program,
                                            CompileOptions &options,
                                            DiagnosticEngine &diags,
                                            llvm::raw_ostream &out) {
  PhaseResult result;
  // `check` of a file without statements needs nothing beyond syntax here;
  // everything else needs the semantic phases.
  bool needsSemantics = options.emit == EmitStage::IR ||
                        options.emit == EmitStage::Result ||
                        !program.main->stmts.empty() || !options.overrides.empty();
  if (needsSemantics) {
    diags.error("semantic analysis and evaluation are not available in this build");
    result.ok = false;
  }
  return result;
}
