//===- DocumentAnalysis.h - One editor buffer through `calcc check` -------===//
//
// Each version of an open document is compiled exactly as `calcc check`
// compiles a file (eval/Compilation.h: imports, Sema, IR, the statements'
// static checks), with the diagnostics collected instead of printed, so the
// editor shows the same messages the command line does. Whatever the
// pipeline got through stays available to hover, definition and completion:
// the AST after a successful load, Sema's names after lowering started, the
// IR module when lowering succeeded.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_DOCUMENTANALYSIS_H
#define CALC_LSP_DOCUMENTANALYSIS_H

#include "eval/Compilation.h"
#include "frontend/Diagnostics.h"
#include "frontend/ImportResolver.h"

#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::lsp {

/// A primary diagnostic and the notes that followed it.
struct DiagnosticGroup {
  Diagnostic primary;
  std::vector<Diagnostic> notes;
};

class DocumentAnalysis {
public:
  /// Compiles \p text as the file \p path (imports resolve next to it).
  DocumentAnalysis(const std::string &path, const std::string &text,
                   const ImportOptions &options);

  llvm::SourceMgr &sourceMgr() { return sources; }
  unsigned mainBuffer() const { return bufferId; }
  llvm::StringRef text() const {
    return sources.getMemoryBuffer(bufferId)->getBuffer();
  }
  /// The SMLoc of byte \p offset of the text.
  llvm::SMLoc locAt(size_t offset) const {
    return llvm::SMLoc::getFromPointer(text().begin() +
                                       std::min(offset, text().size()));
  }

  const std::vector<DiagnosticGroup> &diagnostics() const { return groups; }

  /// The main file's AST, or null if it did not load (a syntax error).
  const ast::File *mainFile() const;
  /// Sema's names, or null if lowering never started.
  const Sema *sema() const { return compilation.semantics(); }
  /// The checked IR, or null if lowering failed.
  const ir::Module *module() const {
    return lowered ? &compilation.module() : nullptr;
  }
  /// The prelude's AST (null if the program did not load).
  const ast::File *prelude() const;

  /// The IR entity declared by \p decl (matched by location), or null.
  const ir::Entity *entityOf(const ast::Decl *decl) const;
  /// The IR schema named \p name, or null.
  const ir::Schema *schema(llvm::StringRef name) const;

private:
  llvm::SourceMgr sources;
  llvm::raw_null_ostream discard;
  DiagnosticEngine diags;
  mutable Compilation compilation; // Its accessors are not const.
  unsigned bufferId = 0;
  bool loaded = false;
  bool lowered = false;
  std::vector<DiagnosticGroup> groups;
};

} // namespace calc::lsp

#endif
