//===- FuzzFrontendGrammar.cpp - calc-fuzz-frontend-grammar ---------------===//
//
// The front-end harness (FrontendHarness.h) under token- and line-level
// mutations (CalcMutator.h), which keep most mutants close enough to the
// language to get past the parser into Sema, the IR and the statement
// checks. One mutation in five is libFuzzer's own byte mutation, so lexer
// corners are still visited.
//
//===----------------------------------------------------------------------===//
#include "fuzz/CalcMutator.h"
#include "fuzz/FrontendHarness.h"

#include <cstring>
#include <string>

extern "C" size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  calc::fuzz::checkCalcText(data, size);
  return 0;
}

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size,
                                          size_t maxSize, unsigned seed) {
  if (seed % 5 == 0)
    return LLVMFuzzerMutate(data, size, maxSize);
  std::string text(reinterpret_cast<const char *>(data), size);
  calc::fuzz::mutateCalcText(text, seed);
  if (text.size() > maxSize || (text.size() == size &&
                                   std::memcmp(text.data(), data, size) == 0))
    return LLVMFuzzerMutate(data, size, maxSize);
  std::memcpy(data, text.data(), text.size());
  return text.size();
}
