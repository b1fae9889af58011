//===- Sema.h - Top-level names, imports visibility and inheritance -------===//
//
// The declaration half of semantic analysis (docs/language-reference.md
// §4.2–4.3): which top-level names each file sees (its own declarations, the
// names of files it imports without `as`, transitively, and `ns.` namespaces),
// collisions (shown with both declarations), `schema` only in the prelude,
// entity bases resolved and inheritance cycles rejected. Expressions are
// resolved and typed afterwards by ir::IRBuilder, which asks this table for
// file-level names.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_SEMA_H
#define CALC_FRONTEND_SEMA_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <vector>

namespace calc {

/// What a top-level name refers to.
struct Symbol {
  enum Kind { Decl, Namespace };
  Kind kind = Decl;
  const ast::Decl *decl = nullptr;  ///< Decl.
  const ast::File *file = nullptr;  ///< Decl: declaring file; Namespace: target.
  llvm::SMRange aliasRange;         ///< Namespace: the `as` name.
};

/// The top-level names visible in one file, sorted by insertion (so
/// diagnostics listing them are deterministic).
using NameTable = llvm::MapVector<llvm::StringRef, Symbol>;

class Sema {
public:
  Sema(DiagnosticEngine &diags) : diags(diags) {}

  /// Analyses \p prelude and \p main and every file they import. Returns
  /// false if errors were reported.
  bool run(const ast::File &prelude, const ast::File &main);

  /// The prelude's schemas, in declaration order.
  llvm::ArrayRef<const ast::SchemaDecl *> schemas() const { return schemaList; }
  /// Every loaded file, imports before importers, the main file last.
  llvm::ArrayRef<const ast::File *> files() const { return fileOrder; }
  const ast::File *mainFile() const { return main; }
  /// The names visible in \p file (its own, imported, namespaces).
  const NameTable &visible(const ast::File *file) const;
  /// The names \p file exports to an importer.
  const NameTable &exported(const ast::File *file) const;
  /// The file that declares \p decl.
  const ast::File *fileOf(const ast::Decl *decl) const;
  /// The resolved base of \p entity, or null.
  const ast::EntityDecl *baseOf(const ast::EntityDecl *entity) const;
  /// A prelude schema by name, or null.
  const ast::SchemaDecl *schema(llvm::StringRef name) const;
  /// Looks up a possibly namespaced entity or let (`mine.foo`): consumes the
  /// namespace part of \p parts and returns the symbol and how many parts it
  /// used (0 if not found).
  const Symbol *lookup(const ast::File *file,
                       llvm::ArrayRef<ast::Identifier> parts,
                       unsigned &used) const;

private:
  void collectFiles(const ast::File *file);
  void buildExports(const ast::File *file);
  void buildVisible(const ast::File *file);
  void addName(NameTable &table, llvm::StringRef name, const Symbol &symbol,
               llvm::SMRange useRange, bool local);
  void resolveBases(const ast::File *file);
  void checkCycles();

  DiagnosticEngine &diags;
  const ast::File *prelude = nullptr;
  const ast::File *main = nullptr;
  std::vector<const ast::File *> fileOrder;
  llvm::DenseMap<const ast::File *, unsigned> fileState;
  llvm::DenseMap<const ast::File *, std::unique_ptr<NameTable>> exports;
  llvm::DenseMap<const ast::File *, std::unique_ptr<NameTable>> visibleNames;
  llvm::DenseMap<const ast::Decl *, const ast::File *> declFile;
  llvm::DenseMap<const ast::EntityDecl *, const ast::EntityDecl *> bases;
  std::vector<const ast::EntityDecl *> entityList;
  std::vector<const ast::SchemaDecl *> schemaList;
  llvm::StringMap<const ast::SchemaDecl *> schemaByName;
};

} // namespace calc

#endif
