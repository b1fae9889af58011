//===- FrontendHarness.h - One `.calc` text through the front end ---------===//
//
// What both front-end targets run on an input: the `calcc check` pipeline
// (imports with the embedded stdlib, Sema, IR with the verifier, the
// statements' static checks), as the driver runs it: parsing on the
// caller's thread, the rest on Compilation's large stack. Evaluation is not
// run, so no input can write a file (`output … to`); the `-D` and search
// targets evaluate fixed programs instead.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FUZZ_FRONTENDHARNESS_H
#define CALC_FUZZ_FRONTENDHARNESS_H

#include <cstddef>
#include <cstdint>

namespace calc::fuzz {

/// Checks \p size bytes at \p data as a main `.calc` file; aborts on a
/// finding (FuzzCommon.h).
void checkCalcText(const uint8_t *data, size_t size);

} // namespace calc::fuzz

#endif
