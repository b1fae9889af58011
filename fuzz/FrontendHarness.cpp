//===- FrontendHarness.cpp - One `.calc` text through the front end -------===//
//
// See FrontendHarness.h.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FrontendHarness.h"

#include "fuzz/FuzzCommon.h"

using namespace calc;

void fuzz::checkCalcText(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  CompiledText compiled(text);
  bool ok = compiled.load();
  if (ok)
    Compilation::onLargeStack([&] {
      ok = compiled.compilation.lower() &&
           compiled.compilation.checkStatements();
    });
  checkDiagnostics(compiled, ok, text);
}
