//===- ASTBuilder.h - Parse tree to AST (kuzu-style transformer) ----------===//
//
// Walks an error-free ANTLR parse tree of one top-level item and produces
// AST nodes. Split by grammar area: ASTBuilder.cpp (items, declarations,
// schemas), ASTBuilderMembers.cpp (blocks, members, statements),
// ASTBuilderExpr.cpp (operators) and ASTBuilderLiterals.cpp (numbers,
// units, strings, names). It also reports the syntax errors the grammar
// deliberately accepts (chained comparisons and ranges, `%` as an operator,
// out-of-range literals) — at most one per item, like the parser.
// Internal to the parser files; nothing outside frontend/ sees ANTLR.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_ASTBUILDER_H
#define CALC_FRONTEND_ASTBUILDER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/SourceLocator.h"

#include "CalcParser.h"

namespace calc {

class ASTBuilder {
public:
  using P = grammar::CalcParser;

  ASTBuilder(const SourceLocator &locator, antlr4::BufferedTokenStream &tokens,
             DiagnosticEngine &diags)
      : locator(locator), tokens(tokens), diags(diags) {}

  /// Adds the item to \p file. Returns false (adding nothing) if an error
  /// was reported.
  bool buildItem(P::ItemContext *ctx, ast::File &file);

  /// The expression of a `-D` value, or null after an error.
  ast::ExprPtr buildExprEntry(P::ExprEntryContext *ctx);

private:
  // Declarations and schemas (ASTBuilder.cpp).
  ast::Import buildImport(P::ImportDeclContext *ctx);
  ast::DeclPtr buildLet(P::LetDeclContext *ctx);
  ast::DeclPtr buildEntity(P::EntityDeclContext *ctx);
  ast::DeclPtr buildSchema(P::SchemaDeclContext *ctx);
  ast::MemberPtr buildSchemaMember(P::SchemaMemberContext *ctx);
  ast::SchemaType buildSchemaType(P::SchemaTypeContext *ctx);

  // Blocks, members and statements (ASTBuilderMembers.cpp).
  ast::Block buildBlock(P::BlockContext *ctx);
  ast::MemberPtr buildMember(P::MemberContext *ctx);
  ast::MemberPtr buildRequire(P::RequireClauseContext *ctx);
  ast::MemberPtr buildObjectives(P::ObjectiveMemberContext *ctx);
  ast::StmtPtr buildStatement(P::StatementContext *ctx);
  ast::StmtPtr buildOutput(P::OutputStmtContext *ctx);

  // Operators (ASTBuilderExpr.cpp).
  ast::ExprPtr buildExpr(P::ExprContext *ctx);
  ast::ExprPtr buildOr(P::OrExprContext *ctx);
  ast::ExprPtr buildAnd(P::AndExprContext *ctx);
  ast::ExprPtr buildNot(P::NotExprContext *ctx);
  ast::ExprPtr buildCompare(P::CompareExprContext *ctx);
  ast::ExprPtr buildRange(P::RangeExprContext *ctx);
  ast::ExprPtr buildAs(P::AsExprContext *ctx);
  ast::ExprPtr buildAdd(P::AddExprContext *ctx);
  ast::ExprPtr buildMul(P::MulExprContext *ctx);
  ast::ExprPtr buildUnary(P::UnaryExprContext *ctx);
  ast::ExprPtr buildPow(P::PowExprContext *ctx);
  ast::ExprPtr buildPostfix(P::PostfixExprContext *ctx);
  ast::ExprPtr buildPrimary(P::PrimaryContext *ctx);
  ast::ExprPtr buildList(P::ListExprContext *ctx);
  ast::ExprPtr buildSteps(P::StepsExprContext *ctx);

  // Literals and names (ASTBuilderLiterals.cpp).
  ast::ExprPtr buildNumber(P::NumberContext *ctx);
  ast::ExprPtr buildQuantity(P::NumberExprContext *ctx);
  std::unique_ptr<ast::StringLiteral> buildString(P::StringContext *ctx);
  std::string unitText(P::UnitContext *ctx);
  ast::Identifier buildIdent(P::IdentContext *ctx);
  ast::QualifiedName buildQualifiedName(P::QualifiedNameContext *ctx);

  /// The `///` lines right before \p start, without the slashes.
  std::string docBefore(antlr4::Token *start);

  /// Reports a syntax error unless this item already has one; a non-empty
  /// \p hint becomes a note at the same place.
  void error(llvm::SMRange range, const llvm::Twine &message,
             const llvm::Twine &hint = "");

  llvm::SMRange range(antlr4::ParserRuleContext *ctx) const {
    return locator.range(ctx);
  }
  llvm::SMRange range(antlr4::Token *token) const { return locator.range(token); }
  /// From the start of \p first to the end of \p last.
  static llvm::SMRange span(llvm::SMRange first, llvm::SMRange last) {
    return {first.Start, last.End};
  }

  const SourceLocator &locator;
  antlr4::BufferedTokenStream &tokens;
  DiagnosticEngine &diags;
  bool itemFailed = false;
};

} // namespace calc

#endif
