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
  bufferId = sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, mainFileName), llvm::SMLoc());
}

void fuzz::checkDiagnostics(bool ok, const std::string &diagnostics,
                            llvm::StringRef input) {
  if (llvm::StringRef(diagnostics).contains("internal error"))
    finding("an internal error was reported", diagnostics + "\n--- input:\n" +
                                                  input.str());
  if (!ok && !llvm::StringRef(diagnostics).contains("error:"))
    finding("failed without an error message", input);
}
