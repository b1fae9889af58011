//===- OutputPath.h - Where `output … to "path"` may write ----------------===//
//
// `to` paths are relative to the output directory (`-o DIR`, default the
// current directory). Absolute paths and paths whose `..` components climb
// out of DIR are errors, found when checking the program, before anything
// runs. Paths are compared lexically (no symlinks are followed): the rule is
// about what the program says, so it is the same on every machine.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_OUTPUTPATH_H
#define CALC_EVAL_OUTPUT_OUTPUTPATH_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::eval {

/// None if \p to is an acceptable `to` path, else the error message:
/// "output path is empty", "output path '/x' is absolute; paths are relative
/// to the output directory (-o)", "output path '../x' leaves the output
/// directory", "output path 'd/' names a directory, not a file".
llvm::Optional<std::string> checkOutputPath(llvm::StringRef to);

/// \p outputDir joined with \p to (lexically normalized, `.` removed). Only
/// for paths that passed checkOutputPath.
std::string resolveOutputPath(llvm::StringRef outputDir, llvm::StringRef to);

} // namespace calc::eval

#endif
