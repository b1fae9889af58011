//===- SplitInput.h - --split-input-file: one buffer, many test cases -----===//
//
// Splits a source buffer on lines consisting of `// -----` into chunks that
// are compiled independently. Every chunk keeps the original line numbers in
// its diagnostics: the text before it is replaced by as many newlines, and
// the chunk's buffer keeps the original identifier (the path).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_SPLITINPUT_H
#define CALC_FRONTEND_SPLITINPUT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <vector>

namespace calc {

/// The separator line (surrounding whitespace allowed).
inline constexpr llvm::StringLiteral splitMarker = "// -----";

/// The chunks of \p buffer, in order; a buffer without a marker gives one
/// chunk equal to it. Each chunk is padded with leading newlines so its lines
/// keep their numbers, and is named like \p buffer.
std::vector<std::unique_ptr<llvm::MemoryBuffer>>
splitInputFile(const llvm::MemoryBuffer &buffer);

/// Runs \p processChunk on every chunk (all of them, even after a failure) if
/// \p split, else on \p buffer itself. Returns true if every call did.
bool processSplitInput(
    std::unique_ptr<llvm::MemoryBuffer> buffer, bool split,
    llvm::function_ref<bool(std::unique_ptr<llvm::MemoryBuffer>)> processChunk);

} // namespace calc

#endif
