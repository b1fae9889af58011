//===- ASTBuilder.cpp - Items, declarations and schemas -------------------===//
#include "frontend/ASTBuilder.h"

#include "CalcLexer.h"

#include "llvm/ADT/StringRef.h"

using namespace calc;
using grammar::CalcLexer;

void ASTBuilder::error(llvm::SMRange range, const llvm::Twine &message,
                       const llvm::Twine &hint) {
  if (itemFailed)
    return;
  itemFailed = true;
  DiagnosticBuilder diag = diags.error(range.Start, message, {range});
  if (!hint.isTriviallyEmpty())
    diag.note(range.Start, hint);
}

std::string ASTBuilder::docBefore(antlr4::Token *start) {
  std::string doc;
  for (antlr4::Token *token :
       tokens.getHiddenTokensToLeft(start->getTokenIndex(), CalcLexer::DOC)) {
    // A `///` after code on the same line documents nothing that follows.
    size_t index = token->getTokenIndex();
    if (index > 0 && tokens.get(index - 1)->getText().find('\n') == std::string::npos)
      continue;
    std::string text = token->getText(); // getText() returns a copy.
    llvm::StringRef line = llvm::StringRef(text).drop_front(3);
    if (line.startswith(" "))
      line = line.drop_front();
    if (!doc.empty())
      doc += '\n';
    doc += line.rtrim().str();
  }
  return doc;
}

bool ASTBuilder::buildItem(P::ItemContext *ctx, ast::File &file) {
  itemFailed = false;
  if (auto *import = ctx->importDecl()) {
    ast::Import built = buildImport(import);
    if (itemFailed)
      return false;
    file.imports.push_back(std::move(built));
    return true;
  }
  if (auto *stmt = ctx->statement()) {
    ast::StmtPtr built = buildStatement(stmt);
    if (itemFailed || !built)
      return false;
    file.stmts.push_back(std::move(built));
    return true;
  }
  ast::DeclPtr decl;
  if (auto *let = ctx->letDecl())
    decl = buildLet(let);
  else if (auto *entity = ctx->entityDecl())
    decl = buildEntity(entity);
  else if (auto *schema = ctx->schemaDecl())
    decl = buildSchema(schema);
  if (itemFailed || !decl)
    return false;
  decl->doc = docBefore(ctx->getStart());
  file.decls.push_back(std::move(decl));
  return true;
}

ast::ExprPtr ASTBuilder::buildExprEntry(P::ExprEntryContext *ctx) {
  itemFailed = false;
  ast::ExprPtr expr = buildExpr(ctx->expr());
  return itemFailed ? nullptr : std::move(expr);
}

ast::Import ASTBuilder::buildImport(P::ImportDeclContext *ctx) {
  ast::Import import;
  import.range = range(ctx);
  std::unique_ptr<ast::StringLiteral> path = buildString(ctx->string());
  import.pathRange = range(ctx->string());
  if (path && !path->isPlain())
    error(import.pathRange, "import paths cannot use interpolation");
  else if (path)
    import.path = path->plainText();
  if (ctx->ident())
    import.alias = buildIdent(ctx->ident());
  return import;
}

ast::DeclPtr ASTBuilder::buildLet(P::LetDeclContext *ctx) {
  return std::make_unique<ast::LetDecl>(range(ctx), buildIdent(ctx->ident()),
                                        buildExpr(ctx->expr()));
}

ast::DeclPtr ASTBuilder::buildEntity(P::EntityDeclContext *ctx) {
  using EK = ast::EntityDecl::EntityKind;
  EK kind = EK::Model;
  if (ctx->kind->getType() == CalcLexer::SYSTEM)
    kind = EK::System;
  else if (ctx->kind->getType() == CalcLexer::EXECUTION)
    kind = EK::Execution;
  else if (ctx->kind->getType() == CalcLexer::SERVING)
    kind = EK::Serving;
  ast::QualifiedName base;
  if (ctx->qualifiedName())
    base = buildQualifiedName(ctx->qualifiedName());
  return std::make_unique<ast::EntityDecl>(range(ctx), kind,
                                           buildIdent(ctx->ident()),
                                           std::move(base), buildBlock(ctx->block()));
}

ast::DeclPtr ASTBuilder::buildSchema(P::SchemaDeclContext *ctx) {
  auto schema = std::make_unique<ast::SchemaDecl>(range(ctx), buildIdent(ctx->ident()));
  schema->bodyRange = span(range(ctx->LBRACE()->getSymbol()),
                           range(ctx->RBRACE()->getSymbol()));
  for (P::SchemaMemberContext *member : ctx->schemaMember())
    if (ast::MemberPtr built = buildSchemaMember(member)) {
      built->doc = docBefore(member->getStart());
      schema->members.push_back(std::move(built));
    }
  return schema;
}

ast::MemberPtr ASTBuilder::buildSchemaMember(P::SchemaMemberContext *ctx) {
  if (auto *req = dynamic_cast<P::SchemaRequireContext *>(ctx))
    return buildRequire(req->requireClause());
  if (auto *derived = dynamic_cast<P::DerivedSchemaFieldContext *>(ctx))
    return std::make_unique<ast::SchemaFieldMember>(
        range(ctx), buildIdent(derived->ident()),
        buildSchemaType(derived->schemaType()), buildExpr(derived->expr()),
        /*isDerived=*/true);
  auto *field = dynamic_cast<P::SchemaFieldContext *>(ctx);
  if (!field)
    return nullptr;
  ast::ExprPtr value;
  if (field->expr())
    value = buildExpr(field->expr());
  return std::make_unique<ast::SchemaFieldMember>(
      range(ctx), buildIdent(field->ident()), buildSchemaType(field->schemaType()),
      std::move(value), /*isDerived=*/false);
}

ast::SchemaType ASTBuilder::buildSchemaType(P::SchemaTypeContext *ctx) {
  using K = ast::SchemaType::Kind;
  ast::SchemaType type;
  type.range = range(ctx);
  type.optional = ctx->QUESTION() != nullptr;
  P::SchemaTypeBaseContext *base = ctx->schemaTypeBase();
  if (auto *enumType = dynamic_cast<P::EnumTypeContext *>(base)) {
    type.kind = K::Enum;
    for (P::StringContext *value : enumType->string()) {
      std::unique_ptr<ast::StringLiteral> text = buildString(value);
      if (text && !text->isPlain())
        error(range(value), "enum values cannot use interpolation");
      type.enumValues.push_back({text ? text->plainText() : "", range(value)});
    }
  } else if (auto *list = dynamic_cast<P::ListTypeContext *>(base)) {
    type.kind = K::List;
    type.text = buildIdent(list->ident()).name;
  } else if (auto *steps = dynamic_cast<P::StepsTypeContext *>(base)) {
    type.kind = K::Steps;
    type.text = unitText(steps->unit());
  } else if (dynamic_cast<P::DimensionlessTypeContext *>(base)) {
    type.kind = K::Unit;
    type.text = base->getText();
    if (type.text != "1")
      error(range(base), "expected a type, found '" + type.text + "'",
            "a dimensionless quantity field is written ': 1'");
  } else if (auto *named = dynamic_cast<P::UnitOrNamedTypeContext *>(base)) {
    type.text = named->typeName()->getText();
    llvm::StringRef text = type.text;
    if (text == "int")
      type.kind = K::Int;
    else if (text == "real")
      type.kind = K::Real;
    else if (text == "bool")
      type.kind = K::Bool;
    else if (text == "string")
      type.kind = K::String;
    else if (text.contains('/') || text == "%")
      type.kind = K::Unit;
    else
      type.kind = K::Named;
  }
  return type;
}
