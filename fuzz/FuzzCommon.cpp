//===- FuzzCommon.cpp - What every libFuzzer target of calcc shares -------===//
//
// See FuzzCommon.h.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FuzzCommon.h"

#include "llvm/Support/MemoryBuffer.h"

#include <cstdlib>

using namespace calc;

void fuzz::finding(llvm::StringRef what, llvm::StringRef detail) {
  llvm::errs() << "calc-fuzz: " << what << "\n";
  if (!detail.empty())
    llvm::errs() << detail << "\n";
  llvm::errs().flush();
  std::abort();
}

fuzz::CompiledText::CompiledText(llvm::StringRef text) {
  diags.setShowColors(false);
  // Printed as without a consumer; counted by kind first.
  diags.setConsumer([this](const Diagnostic &d) {
    if (d.severity == Severity::Error &&
        llvm::StringRef(d.message).startswith("internal error"))
      ++internalErrors;
    diags.print(d);
  });
  bufferId = sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, mainFileName), llvm::SMLoc());
}

void fuzz::checkDiagnostics(CompiledText &compiled, bool ok,
                            llvm::StringRef input) {
  compiled.diagStream.flush();
  if (compiled.internalErrors != 0)
    finding("an internal error was reported",
            compiled.diagnostics + "\n--- input:\n" + input.str());
  if (!ok && !compiled.diags.hasErrors())
    finding("failed without an error message", input);
}
