//===- Locator.h - What the name under the cursor refers to ---------------===//
//
// Hover and go-to-definition ask the same question: which declaration does the
// word at this offset of the main file name? The locator walks the main
// file's AST keeping the schemas of the enclosing blocks, and resolves names
// the way docs/language-reference.md §4.2 says lookup goes: the fields of the
// block being defined and of each enclosing block, innermost first, then
// file-level and imported names (Sema's tables). Member accesses
// (`a100_80g.mem1.capacity`) follow the schemas of the fields' types.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_LOCATOR_H
#define CALC_LSP_LOCATOR_H

#include "lsp/DocumentAnalysis.h"

namespace calc::lsp {

/// What a word of the main file refers to.
struct Referent {
  enum Kind { None, Decl, Field, Import, Analysis } kind = None;
  llvm::SMRange range;                  ///< The word under the cursor.
  const ast::Decl *decl = nullptr;      ///< Decl.
  const ir::Schema *schema = nullptr;   ///< Field: its schema; Analysis.
  const ir::FieldDecl *field = nullptr; ///< Field.
  const ast::File *file = nullptr;      ///< Import: the imported file.
};

/// Schemas by name: the document's own module when it lowered, else those
/// of \p fallback (the prelude alone, which always lowers).
class SchemaTable {
public:
  SchemaTable(const DocumentAnalysis &doc, const DocumentAnalysis &fallback)
      : doc(doc), fallback(fallback) {}
  const ir::Schema *get(llvm::StringRef name) const {
    if (const ir::Schema *s = doc.schema(name))
      return s;
    return fallback.schema(name);
  }

private:
  const DocumentAnalysis &doc;
  const DocumentAnalysis &fallback;
};

/// The referent of the word at byte \p offset of \p doc's main file.
Referent locate(const DocumentAnalysis &doc, const SchemaTable &schemas,
                size_t offset);

/// The schema of the entities declared with \p decl (null for a let).
const ir::Schema *schemaOfDecl(const ast::Decl *decl,
                               const SchemaTable &schemas);

} // namespace calc::lsp

#endif
