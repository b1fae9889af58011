//===- AtomicFile.h - Write a file completely or not at all ---------------===//
//
// `output … to "path"` must never leave a half-written file
// (docs/language-reference.md §6): the contents go to a unique temporary file
// in the destination directory, which is flushed, closed and renamed over the
// destination (rename is atomic within a directory). On any failure the
// temporary is removed and the destination is untouched; a signal that ends
// the process removes it too (TempFiles.h).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_ATOMICFILE_H
#define CALC_EVAL_OUTPUT_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::eval {

/// Writes \p contents to \p path atomically. Returns true on success; on
/// failure returns false and sets \p errorMessage to a lowercase message
/// such as "cannot write 'out/x.csv': No such file or directory".
bool writeFileAtomically(llvm::StringRef path, llvm::StringRef contents,
                         std::string &errorMessage);

/// Under mpirun only rank 0 writes files: the other ranks run the same
/// program with this set, and every file write (writeFileAtomically,
/// StreamFile, `output`'s directories) succeeds without touching the disk.
void setFileOutputDiscarded(bool discarded);
bool fileOutputDiscarded();

} // namespace calc::eval

#endif
