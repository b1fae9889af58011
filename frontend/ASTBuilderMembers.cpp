//===- ASTBuilderMembers.cpp - Blocks, members and statements -------------===//
#include "frontend/ASTBuilder.h"

#include "CalcLexer.h"

using namespace calc;
using grammar::CalcLexer;

ast::Block ASTBuilder::buildBlock(P::BlockContext *ctx) {
  ast::Block block;
  block.range = range(ctx);
  for (P::MemberContext *member : ctx->member())
    if (ast::MemberPtr built = buildMember(member)) {
      built->doc = docBefore(member->getStart());
      block.members.push_back(std::move(built));
    }
  return block;
}

ast::MemberPtr ASTBuilder::buildMember(P::MemberContext *ctx) {
  llvm::SMRange where = range(ctx);
  if (auto *field = dynamic_cast<P::FieldMemberContext *>(ctx))
    return std::make_unique<ast::FieldMember>(where, buildIdent(field->ident()),
                                              buildExpr(field->expr()));
  if (auto *domain = dynamic_cast<P::DomainMemberContext *>(ctx))
    return std::make_unique<ast::DomainMember>(where, buildIdent(domain->ident()),
                                               buildExpr(domain->expr()));
  if (auto *nested = dynamic_cast<P::NestedBlockMemberContext *>(ctx))
    return std::make_unique<ast::NestedBlockMember>(
        where, buildIdent(nested->ident()), buildBlock(nested->block()));
  if (auto *indexed = dynamic_cast<P::IndexedAmendMemberContext *>(ctx))
    return std::make_unique<ast::IndexedAmendMember>(
        where, buildIdent(indexed->ident()), buildExpr(indexed->expr()),
        buildBlock(indexed->block()));
  if (auto *req = dynamic_cast<P::RequireMemberContext *>(ctx))
    return buildRequire(req->requireClause());
  if (auto *whereCtx = dynamic_cast<P::WhereMemberContext *>(ctx))
    return std::make_unique<ast::WhereMember>(where, buildExpr(whereCtx->expr()));
  if (auto *objective = dynamic_cast<P::ObjectiveMemberContext *>(ctx))
    return buildObjectives(objective);
  if (auto *keep = dynamic_cast<P::KeepMemberContext *>(ctx))
    return std::make_unique<ast::KeepMember>(where, buildExpr(keep->expr()));
  return nullptr;
}

ast::MemberPtr ASTBuilder::buildRequire(P::RequireClauseContext *ctx) {
  ast::ExprPtr message;
  if (ctx->string())
    message = buildString(ctx->string());
  return std::make_unique<ast::RequireMember>(range(ctx), buildExpr(ctx->expr()),
                                              std::move(message));
}

ast::MemberPtr ASTBuilder::buildObjectives(P::ObjectiveMemberContext *ctx) {
  auto member = std::make_unique<ast::ObjectiveMember>(range(ctx));
  for (P::ObjectiveContext *objective : ctx->objective()) {
    bool maximize = objective->direction->getType() == CalcLexer::MAXIMIZE;
    member->objectives.push_back(
        {maximize, buildExpr(objective->expr()), range(objective)});
  }
  return member;
}

ast::StmtPtr ASTBuilder::buildStatement(P::StatementContext *ctx) {
  if (auto *analysis = dynamic_cast<P::AnalysisStmtContext *>(ctx)) {
    auto kind = analysis->keyword->getType() == CalcLexer::SEARCH
                    ? ast::Stmt::Kind::Search
                    : ast::Stmt::Kind::Evaluate;
    auto stmt = std::make_unique<ast::AnalysisStmt>(
        kind, range(ctx), buildIdent(analysis->ident(0)),
        buildIdent(analysis->ident(1)), buildBlock(analysis->block()));
    stmt->keywordRange = range(analysis->keyword);
    return stmt;
  }
  if (auto *output = dynamic_cast<P::OutputStmtContext *>(ctx))
    return buildOutput(output);
  if (auto *check = dynamic_cast<P::CheckStmtContext *>(ctx)) {
    auto kind = check->keyword->getType() == CalcLexer::EXPECT
                    ? ast::Stmt::Kind::Expect
                    : ast::Stmt::Kind::Assert;
    ast::ExprPtr message;
    if (check->string())
      message = buildString(check->string());
    auto stmt = std::make_unique<ast::CheckStmt>(
        kind, range(ctx), buildExpr(check->expr()), std::move(message));
    stmt->keywordRange = range(check->keyword);
    return stmt;
  }
  return nullptr;
}

ast::StmtPtr ASTBuilder::buildOutput(P::OutputStmtContext *ctx) {
  using F = ast::OutputStmt::Format;
  F format = F::Table;
  if (ctx->format->getType() == CalcLexer::CSV)
    format = F::Csv;
  else if (ctx->format->getType() == CalcLexer::JSON)
    format = F::Json;
  else if (ctx->format->getType() == CalcLexer::PLOT)
    format = F::Plot;
  auto stmt =
      std::make_unique<ast::OutputStmt>(range(ctx), format, buildIdent(ctx->ident(0)));
  for (P::IdentContext *member : ctx->members)
    stmt->members.push_back(buildIdent(member));
  stmt->keywordRange = range(ctx->OUTPUT()->getSymbol());
  if (P::OutputLayoutContext *layout = ctx->outputLayout()) {
    stmt->layout = layout->getText() == "vertical"
                       ? ast::OutputStmt::Layout::Vertical
                       : ast::OutputStmt::Layout::Horizontal;
    stmt->layoutRange = range(layout);
  }
  if (P::OutputColumnsContext *columns = ctx->outputColumns()) {
    stmt->hasColumns = true;
    for (P::OutputColumnContext *column : columns->outputColumn()) {
      stmt->columns.push_back(buildExpr(column->expr()));
      stmt->labels.push_back(column->label ? buildString(column->label)
                                           : nullptr);
      int direction = 0;
      llvm::SMRange directionRange;
      if (column->direction) {
        direction =
            column->direction->getType() == CalcLexer::MAXIMIZE ? 1 : -1;
        directionRange = range(column->direction);
      }
      stmt->directions.push_back(direction);
      stmt->directionRanges.push_back(directionRange);
    }
  }
  if (ctx->string()) {
    stmt->path = buildString(ctx->string());
  }
  return stmt;
}
