//===- Compilation.h - The compile pipeline up to a checked IR module -----===//
//
// The pass order written once (docs/architecture.md, "The pipeline"):
// imports (prelude, main file, its imports) -> Sema -> IRBuilder (with -D
// overrides) -> IR verifier -> statement checks, each phase stopping the
// pipeline when it reported errors. The driver (`run`, `check`, `test`),
// the `.calc` inputs of the Calculon commands, benchmarks and tests build
// their modules through it; what runs the module (statements, an entity's
// conversion) is theirs.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COMPILATION_H
#define CALC_EVAL_COMPILATION_H

#include "frontend/Diagnostics.h"
#include "frontend/ImportResolver.h"
#include "frontend/Sema.h"
#include "ir/IR.h"
#include "ir/IRBuilder.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <memory>

namespace calc {

class Compilation {
public:
  Compilation(DiagnosticEngine &diags, ImportOptions options)
      : diags(diags), importOptions(std::move(options)) {}

  /// Parses the main file in \p bufferId, the prelude and every import.
  /// Returns false after reporting errors.
  bool load(unsigned bufferId);
  /// The loaded program (after a successful load).
  Program &program() { return *loaded; }

  /// Checks and lowers the loaded program: Sema, the IR with
  /// \p overrides, the verifier. Returns false after reporting errors.
  bool lower(llvm::ArrayRef<ir::Override> overrides = {});
  /// The statements' checks that need no evaluation (`to` paths); after
  /// lower, which `--emit=ir` stops at. False after reporting errors.
  bool checkStatements();
  /// The name table of the last lower() (null before it); kept when lowering
  /// failed after Sema ran, so an editor can still navigate the names.
  const Sema *semantics() const { return sema.get(); }
  /// The checked module (after a successful lower).
  ir::Module &module() { return *lowered; }
  std::unique_ptr<ir::Module> takeModule() { return std::move(lowered); }

  /// load + lower + checkStatements.
  bool build(unsigned bufferId, llvm::ArrayRef<ir::Override> overrides = {}) {
    return load(bufferId) && lower(overrides) && checkStatements();
  }

  /// Runs \p work on a thread whose stack holds the deepest nesting
  /// lowering and evaluation allow (IRBuilder::maxDepth,
  /// Evaluator::maxDepth): deeper than the default 8 MiB main-thread stack,
  /// so it is reserved (not committed) up front.
  static void onLargeStack(llvm::function_ref<void()> work);

private:
  DiagnosticEngine &diags;
  ImportOptions importOptions;
  std::unique_ptr<Program> loaded;
  std::unique_ptr<Sema> sema;
  std::unique_ptr<ir::Module> lowered;
};

} // namespace calc

#endif
