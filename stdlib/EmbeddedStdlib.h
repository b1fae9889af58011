//===- EmbeddedStdlib.h - The stdlib .calc files compiled into calcc -------===//
//
// The build embeds every file under stdlib/ (cmake/EmbedFiles.cmake). Paths are
// relative to stdlib/, e.g. "prelude.calc", "models/llama.calc"; `import "std/X"`
// resolves to the embedded file "X".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_STDLIB_EMBEDDEDSTDLIB_H
#define CALC_STDLIB_EMBEDDEDSTDLIB_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

namespace calc::stdlib {

/// One embedded file: its path relative to stdlib/ and its bytes.
struct EmbeddedFile {
  llvm::StringRef path;
  llvm::StringRef contents;
};

/// Every embedded file, sorted by path.
llvm::ArrayRef<EmbeddedFile> embeddedFiles();

/// The contents of the embedded file at \p path, or None.
llvm::Optional<llvm::StringRef> findEmbeddedFile(llvm::StringRef path);

} // namespace calc::stdlib

#endif
