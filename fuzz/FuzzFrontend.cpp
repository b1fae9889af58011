//===- FuzzFrontend.cpp - calc-fuzz-frontend: arbitrary bytes as `.calc` --===//
//
// libFuzzer's own byte-level mutations over the `.calc` corpus: lexer,
// parser, imports, Sema, IR and the verifier must reject anything with a
// diagnostic, never crash, hang or report an internal error.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FrontendHarness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  calc::fuzz::checkCalcText(data, size);
  return 0;
}
