//===- SemaFixture.h - Compile .calc text in memory for unit tests --------===//
//
// Loads a source string with the real front end (embedded prelude and
// stdlib), lowers it through Compilation (Sema, IRBuilder, verifier), and collects diagnostics as text, so
// Sema and Evaluator tests need no files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TEST_UNIT_SEMA_SEMAFIXTURE_H
#define CALC_TEST_UNIT_SEMA_SEMAFIXTURE_H

#include "eval/Compilation.h"
#include "eval/Evaluator.h"
#include "frontend/Diagnostics.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::testing {

/// One compiled program: its module (null on errors) and the messages.
class Compiled {
public:
  explicit Compiled(llvm::StringRef source) : diags(sourceMgr) {
    diags.setConsumer([this](const Diagnostic &d) {
      if (d.severity == Severity::Error)
        errors.push_back(d.message);
    });
    unsigned id = sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, "test.calc"), llvm::SMLoc());
    Compilation compilation(diags, ImportOptions());
    if (compilation.load(id) && compilation.lower())
      module = compilation.takeModule();
    if (module)
      evaluator = std::make_unique<eval::Evaluator>(*module, diags);
  }

  /// The entity named \p name of the main file, or null.
  eval::Instance *entity(llvm::StringRef name) {
    for (const auto &e : module->entities())
      if (e->name == name)
        return evaluator->entity(e.get());
    return nullptr;
  }

  /// Field \p field of entity \p name.
  ir::Value field(llvm::StringRef name, llvm::StringRef field) {
    eval::Instance *inst = entity(name);
    if (!inst)
      return ir::Value();
    int slot = inst->schema->lookup(field);
    return slot < 0 ? ir::Value() : evaluator->field(inst, slot, llvm::SMRange());
  }

  /// The value of `let name`.
  ir::Value let(llvm::StringRef name) {
    for (const auto &l : module->lets())
      if (l->name == name)
        return evaluator->let(l.get(), llvm::SMRange());
    return ir::Value();
  }

  llvm::SourceMgr sourceMgr;
  DiagnosticEngine diags;
  std::unique_ptr<ir::Module> module;
  std::unique_ptr<eval::Evaluator> evaluator;
  std::vector<std::string> errors;
};

} // namespace calc::testing

#endif
