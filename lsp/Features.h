//===- Features.h - Hover, go to definition and completion ----------------===//
//
// The editor features over a document's analysis (DocumentAnalysis.h), each
// answering one LSP request with the JSON of its result (null when there is
// nothing to say). docs/editors.md describes what each shows.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_FEATURES_H
#define CALC_LSP_FEATURES_H

#include "lsp/Locator.h"
#include "lsp/SourcePaths.h"

#include "llvm/Support/JSON.h"

#include <map>

namespace calc::lsp {

/// textDocument/hover at byte \p offset: a field's declaration, type, unit
/// and doc comment; an entity's kind, base, doc comment and evaluated
/// fields; a let's value; an import's file; an analysis's inputs.
llvm::json::Value hover(DocumentAnalysis &doc, const SchemaTable &schemas,
                        size_t offset);

/// textDocument/definition at byte \p offset: the declaration of an entity,
/// let, schema field or analysis (in the document, an import or the stdlib),
/// or the start of an imported file. \p uri is the document's own (it may
/// name no file: an unsaved buffer).
llvm::json::Value definition(DocumentAnalysis &doc, llvm::StringRef uri,
                             const SchemaTable &schemas, SourcePaths &paths,
                             size_t offset);

/// What the server knows of a document even when its text no longer parses:
/// the top-level names of its last analysis that got through Sema.
struct KnownNames {
  std::vector<std::pair<std::string, std::string>> names; ///< name, kind.
  /// The names of each namespace (`import "…" as ns`): ns -> (name, kind).
  std::map<std::string, std::vector<std::pair<std::string, std::string>>>
      namespaces;
};

/// The top-level names \p doc's main file sees (empty before Sema ran).
KnownNames knownNames(const DocumentAnalysis &doc);

/// textDocument/completion at byte \p offset of \p text: unit words after a
/// number, the fields of an entity after `name.`, else the fields of the
/// enclosing block's schema, the names in scope and the keywords. Works on
/// text that does not parse (it reads the text, not the AST).
llvm::json::Value completion(llvm::StringRef text, size_t offset,
                             const SchemaTable &schemas,
                             const KnownNames &names);

/// A schema field's type as a user reads it: `int`, `real [B/s]`,
/// `"gelu" | "swiglu"`, `processor`, `list of network`.
std::string typeText(const ir::FieldDecl &field);

/// The `schema` member declaring \p field of the schema named \p schema in
/// \p prelude, or null (analysis rows and other built schemas have none).
const ast::SchemaFieldMember *schemaField(const ast::File *prelude,
                                          llvm::StringRef schema,
                                          llvm::StringRef field);

} // namespace calc::lsp

#endif
