//===- ValidationInputs.h - `lv`'s inputs compiled into calcc -------------===//
//
// `calcc lv` without `-b` must not depend on the current directory, so the
// build embeds Calculon's model, system and validation-execution JSON files
// (test/Calculon/Inputs/calculon, see its README) into the binary, as it
// embeds the stdlib (cmake/EmbedFiles.cmake). Paths are relative to that
// folder: "models/gpt3-175B.json", "validation/seqsel/fig1/...".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_VALIDATIONINPUTS_H
#define CALC_EVAL_CALCULON_VALIDATIONINPUTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

namespace calc::calculon {

/// One embedded file: its path relative to Calculon's input folder and its
/// bytes.
struct EmbeddedFile {
  llvm::StringRef path;
  llvm::StringRef contents;
};

/// Every embedded input, sorted by path.
llvm::ArrayRef<EmbeddedFile> embeddedFiles();

/// The contents of the embedded input at \p path, or None.
llvm::Optional<llvm::StringRef> findEmbeddedFile(llvm::StringRef path);

} // namespace calc::calculon

#endif
