//===- Compilation.cpp - Imports -> Sema -> IR -> checks ------------------===//
#include "eval/Compilation.h"
#include "eval/Statements.h"
#include "ir/IRPrinter.h"

#include "llvm/Support/thread.h"

using namespace calc;

bool Compilation::load(unsigned bufferId) {
  loaded = ImportResolver(diags, importOptions).load(bufferId);
  return loaded != nullptr;
}

bool Compilation::lower(llvm::ArrayRef<ir::Override> overrides) {
  if (!loaded || !loaded->prelude || !loaded->main) {
    diags.error("internal error: no prelude or main file");
    return false;
  }
  sema = std::make_unique<Sema>(diags);
  if (!sema->run(*loaded->prelude, *loaded->main))
    return false;
  lowered = ir::IRBuilder(*sema, diags).build(overrides);
  if (!lowered)
    return false;
  std::string problem = ir::verifyModule(*lowered);
  if (!problem.empty()) {
    diags.error("internal error: invalid IR: " + problem);
    lowered.reset();
    return false;
  }
  // Errors the parser recovered from (a fix-it applied to the tokens) were
  // reported before lowering: the program must not run.
  return !diags.hasErrors();
}

bool Compilation::checkStatements() {
  return lowered && eval::checkStatements(*lowered, diags);
}

void Compilation::onLargeStack(llvm::function_ref<void()> work) {
  static constexpr unsigned stackSize = 512u << 20;
  llvm::thread worker(llvm::Optional<unsigned>(stackSize), [&] { work(); });
  worker.join();
}
