//===- IRBuilder.h - Lowering the checked AST to the typed IR -------------===//
//
// The expression half of semantic analysis: resolves every name with the lookup
// order of docs/language-reference.md §4.2 (fields of the block being defined,
// then of each enclosing block, then results of earlier statements, then
// file-level and imported names), checks schemas (unknown fields with
// did-you-mean, derived fields, enum values, required types) and dimensions
// (docs/language-reference.md §3), and builds the ir::Module the evaluator
// runs. Errors are collected; the driver stops before evaluation if any were
// reported.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_IRBUILDER_H
#define CALC_IR_IRBUILDER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Sema.h"
#include "ir/IR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::ir {

/// `-D path=EXPR` (docs/language-reference.md §7): `field = EXPR` appended to
/// the block of the entity (or the value of the `let`) the path names.
struct Override {
  std::string path;          ///< `a100_80g.mem1.capacity`, `batch`.
  const ast::Expr *value = nullptr;
  llvm::SMRange range;       ///< Of the path, for diagnostics.
};

class IRBuilder {
public:
  IRBuilder(const Sema &sema, DiagnosticEngine &diags)
      : sema(sema), diags(diags), module(std::make_unique<Module>()) {}

  /// Lowers everything; returns null if errors were reported.
  std::unique_ptr<Module> build(llvm::ArrayRef<Override> overrides = {});

  /// The deepest nesting of expression lowering (through lets and entities
  /// that reference each other) before "definitions nested too deeply".
  static constexpr unsigned maxDepth = 20000;

  /// A lexical scope: the block being defined and its enclosing blocks.
  struct Scope {
    const Schema *schema = nullptr;
    const Scope *outer = nullptr;
    std::string what; ///< "model 'my_1t'", for diagnostics.
    bool inSchema = false; ///< A schema default or require.
  };

private:
  friend class ExprLowering;
  // Schemas (IRBuilderSchema.cpp).
  void declareSchemas();
  void lowerSchemaFields(const ast::SchemaDecl *decl, Schema *schema);
  Type schemaFieldType(const ast::SchemaType &type, FieldDecl &field);
  // Entities, lets, statements (IRBuilder.cpp).
  Entity *entityFor(const ast::EntityDecl *decl);
  Let *letFor(const ast::LetDecl *decl);
  void lowerStatements();
  /// Warns at each `-D` whose field a statement's amend of the entity sets
  /// again (IRBuilderDefineCheck.cpp).
  void warnOverriddenDefines();
  using OverridesByEntity =
      llvm::DenseMap<const Entity *, const std::vector<const Override *> *>;
  void warnOverriddenDefines(const Stmt &stmt, const Block *block,
                             const OverridesByEntity &of);
  void warnOverriddenDefines(const Stmt &stmt, const Expr *e,
                             const OverridesByEntity &of);
  void lowerAnalysis(const ast::AnalysisStmt *stmt);
  // Searches (IRBuilderSearch.cpp).
  void lowerSearch(const ast::AnalysisStmt *a, Stmt &stmt);
  void lowerDomainMember(const ast::DomainMember &d, Block *block,
                         const Scope &scope, const ast::File *file);
  void lowerSearchClauses(const ast::AnalysisStmt *a, Stmt &stmt,
                          SearchInfo *info);
  const Schema *searchScopeSchema(const Schema *result, const Schema *analysis,
                                  bool row);
  void addSearchColumn(const std::string &label, unsigned slot);
  void lowerOutput(const ast::OutputStmt *stmt);
  /// The static checks of `output plot` (docs/units-and-output.md, Plots).
  void checkPlot(const ast::OutputStmt *o, const Stmt &stmt, bool rows);
  void lowerCheck(const ast::CheckStmt *stmt);
  void checkAnalysisInputs(const ast::AnalysisStmt *a, const Block *block);
  std::string describeEntity(const Expr *e);
  void applyOverrides(llvm::ArrayRef<Override> overrides);
  void overrideLayers(Entity *e, llvm::ArrayRef<const Override *> list,
                      const std::string &what);
  bool placeOverride(Block *layer, const Override &o, const Schema *schema,
                     const std::string &what, bool &conflict);
  void overrideField(Block *block, unsigned slot, const Override &o,
                     const Scope &scope);
  // Blocks (IRBuilderBlock.cpp).
  Block *lowerBlock(const ast::Block &body, const Schema *schema,
                    const Scope *outer, std::string what,
                    const ast::File *file);
  void lowerMember(const ast::Member &m, Block *block, const Scope &scope,
                   const ast::File *file);
  void lowerFieldMember(const ast::FieldMember &f, Block *block,
                        const Scope &scope, const ast::File *file);
  void lowerNestedMember(const ast::Identifier &name, const ast::Expr *index,
                         const ast::Block &body, Block *block,
                         const Scope &scope, const ast::File *file);
  Require lowerRequire(const ast::RequireMember &r, const Scope &scope,
                       const ast::File *file);
  int fieldSlot(const ast::Identifier &name, const Schema *schema,
                const std::string &what, bool assigning);
  bool checkAssignable(const FieldDecl &field, const Expr *value);
  /// The constant values of a literal domain (`[1.5, 4]`, `1.5..8`) that
  /// cannot fit \p field: a non-integer for an int field, a string its
  /// enum does not list. Reports each; false if any.
  bool checkDomainValues(const FieldDecl &field, const std::string &path,
                         const Expr *values);
  void addMember(Block *block, Member member, llvm::SMRange range);
  // Static completeness (IRBuilderComplete.cpp).
  void staticLayers(const Expr *e, llvm::SmallVectorImpl<const Block *> &layers,
                    bool &opaque);
  void nestedLayers(llvm::ArrayRef<const Block *> outer, unsigned slot,
                    llvm::SmallVectorImpl<const Block *> &layers, bool &opaque);
  void missingFields(const Schema *schema, llvm::ArrayRef<const Block *> layers,
                     const std::string &prefix, std::vector<std::string> &missing);
  bool checkComplete(const Expr *value, const std::string &name);
  // Expressions (IRBuilderExpr.cpp).
  Expr *lowerExpr(const ast::Expr *e, const Scope *scope, const ast::File *file);
  std::string describe(const Scope *scope) const;

  const Sema &sema;
  DiagnosticEngine &diags;
  std::unique_ptr<Module> module;
  llvm::StringMap<Schema *> schemas;
  llvm::DenseMap<const ast::EntityDecl *, Entity *> entities;
  llvm::DenseMap<const ast::LetDecl *, Let *> lets;
  llvm::DenseMap<const ast::LetDecl *, unsigned> letState; ///< 1 lowering.
  /// Results of the main file's evaluate statements lowered so far.
  struct ResultInfo {
    unsigned index;
    const Schema *schema;
    llvm::SMRange nameRange;
    bool isSearch = false; ///< A list of rows of `schema`.
  };
  llvm::StringMap<ResultInfo> results;
  std::vector<std::string> resultOrder; ///< Result names in statement order.
  /// Lowering the main file's statements (not its declarations).
  bool loweringStatements = false;
  /// `-D` overrides per entity declaration and let.
  llvm::DenseMap<const ast::Decl *, std::vector<const Override *>> overridesOf;
  /// While lowering a search block: where the member being lowered sits,
  /// for domain paths, routes and the default columns.
  struct SearchLowering {
    SearchInfo *info = nullptr;
    const Schema *analysis = nullptr;
    llvm::SmallVector<RouteStep, 4> route;
    std::vector<std::string> path;
  };
  SearchLowering *searching = nullptr;
  /// Nesting of lowerExpr (lets and entities lower what they reference
  /// first), bounded so a long chain is an error, not a stack overflow.
  unsigned depth = 0;
  bool reportedTooDeep = false;
};

} // namespace calc::ir

#endif
