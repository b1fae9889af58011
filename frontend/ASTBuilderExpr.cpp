//===- ASTBuilderExpr.cpp - Operators, one grammar level per function -----===//
//
// Each function handles one precedence level of docs/language-reference.md §5
// (the table is in grammar/README.md). Left-associative levels fold their
// operand lists; comparisons and ranges are non-associative, so a second
// operator at those levels is reported here with a hint.
//
//===----------------------------------------------------------------------===//
#include "frontend/ASTBuilder.h"

#include "CalcLexer.h"

using namespace calc;
using grammar::CalcLexer;
using BinOp = ast::BinaryExpr::Op;

/// Joins \p lhs and \p rhs with \p op; a null operand (after an error)
/// leaves the other one.
static ast::ExprPtr makeBinary(BinOp op, llvm::SMRange opRange, ast::ExprPtr lhs,
                               ast::ExprPtr rhs) {
  if (!lhs || !rhs)
    return lhs ? std::move(lhs) : std::move(rhs);
  llvm::SMRange whole{lhs->range.Start, rhs->range.End};
  return std::make_unique<ast::BinaryExpr>(whole, op, opRange, std::move(lhs),
                                           std::move(rhs));
}

ast::ExprPtr ASTBuilder::buildExpr(P::ExprContext *ctx) {
  if (auto *ifCtx = dynamic_cast<P::IfExprContext *>(ctx))
    return std::make_unique<ast::IfExpr>(range(ctx), buildExpr(ifCtx->expr(0)),
                                         buildExpr(ifCtx->expr(1)),
                                         buildExpr(ifCtx->expr(2)));
  return buildOr(static_cast<P::OperatorExprContext *>(ctx)->orExpr());
}

ast::ExprPtr ASTBuilder::buildOr(P::OrExprContext *ctx) {
  ast::ExprPtr result = buildAnd(ctx->operands[0]);
  for (size_t i = 1; i < ctx->operands.size(); ++i)
    result = makeBinary(BinOp::Or, range(ctx->OR(i - 1)->getSymbol()),
                        std::move(result), buildAnd(ctx->operands[i]));
  return result;
}

ast::ExprPtr ASTBuilder::buildAnd(P::AndExprContext *ctx) {
  ast::ExprPtr result = buildNot(ctx->operands[0]);
  for (size_t i = 1; i < ctx->operands.size(); ++i)
    result = makeBinary(BinOp::And, range(ctx->AND(i - 1)->getSymbol()),
                        std::move(result), buildNot(ctx->operands[i]));
  return result;
}

ast::ExprPtr ASTBuilder::buildNot(P::NotExprContext *ctx) {
  if (auto *notCtx = dynamic_cast<P::NotOpContext *>(ctx)) {
    ast::ExprPtr operand = buildNot(notCtx->notExpr());
    if (!operand)
      return nullptr;
    return std::make_unique<ast::UnaryExpr>(range(ctx), ast::UnaryExpr::Op::Not,
                                            range(notCtx->NOT()->getSymbol()),
                                            std::move(operand));
  }
  return buildCompare(static_cast<P::NotOperandContext *>(ctx)->compareExpr());
}

static BinOp comparisonOp(size_t type) {
  switch (type) {
  case CalcLexer::EQEQ:
    return BinOp::Eq;
  case CalcLexer::NEQ:
    return BinOp::Ne;
  case CalcLexer::LT:
    return BinOp::Lt;
  case CalcLexer::LE:
    return BinOp::Le;
  case CalcLexer::GT:
    return BinOp::Gt;
  default:
    return BinOp::Ge;
  }
}

ast::ExprPtr ASTBuilder::buildCompare(P::CompareExprContext *ctx) {
  ast::ExprPtr lhs = buildRange(ctx->rangeExpr());
  std::vector<P::CompareTailContext *> tails = ctx->compareTail();
  if (tails.empty())
    return lhs;
  if (tails.size() > 1) {
    error(range(tails[1]->op), "comparison operators are non-associative",
          "write 'a < b and b < c', or add parentheses");
    return nullptr;
  }
  P::CompareTailContext *tail = tails[0];
  size_t opType = tail->op->getType();
  llvm::SMRange opRange = range(tail->op);
  ast::ExprPtr rhs = buildRange(tail->rangeExpr(0));
  if (!lhs || !rhs)
    return nullptr;
  if (tail->WITHIN()) {
    if (opType != CalcLexer::EQEQ && opType != CalcLexer::NEQ) {
      error(range(tail->WITHIN()->getSymbol()),
            "'within' may only follow '==' or '!='");
      return nullptr;
    }
    ast::ExprPtr tolerance = buildRange(tail->rangeExpr(1));
    if (!tolerance)
      return nullptr;
    llvm::SMRange whole{lhs->range.Start, tolerance->range.End};
    return std::make_unique<ast::WithinExpr>(whole, opType == CalcLexer::EQEQ,
                                             opRange, std::move(lhs),
                                             std::move(rhs), std::move(tolerance));
  }
  return makeBinary(comparisonOp(opType), opRange, std::move(lhs), std::move(rhs));
}

ast::ExprPtr ASTBuilder::buildRange(P::RangeExprContext *ctx) {
  ast::ExprPtr lo = buildAs(ctx->asExpr());
  std::vector<P::RangeTailContext *> tails = ctx->rangeTail();
  if (tails.empty())
    return lo;
  if (tails.size() > 1) {
    error(range(tails[1]->DOTDOT()->getSymbol()), "ranges are non-associative",
          "a range is written 'lo..hi' or 'lo..hi by step'");
    return nullptr;
  }
  ast::ExprPtr hi = buildAs(tails[0]->asExpr(0));
  ast::ExprPtr step;
  if (tails[0]->BY())
    step = buildAs(tails[0]->asExpr(1));
  if (!lo || !hi)
    return nullptr;
  llvm::SMRange whole{lo->range.Start, (step ? step : hi)->range.End};
  return std::make_unique<ast::RangeExpr>(whole, std::move(lo), std::move(hi),
                                          std::move(step));
}

ast::ExprPtr ASTBuilder::buildAs(P::AsExprContext *ctx) {
  ast::ExprPtr result = buildAdd(ctx->addExpr());
  for (P::UnitContext *unit : ctx->unit()) {
    if (!result)
      return nullptr;
    llvm::SMRange unitRange = range(unit);
    llvm::SMRange whole{result->range.Start, unitRange.End};
    result = std::make_unique<ast::AsExpr>(whole, std::move(result), unitText(unit),
                                           unitRange);
  }
  return result;
}

ast::ExprPtr ASTBuilder::buildAdd(P::AddExprContext *ctx) {
  ast::ExprPtr result = buildMul(ctx->operands[0]);
  for (size_t i = 1; i < ctx->operands.size(); ++i) {
    antlr4::Token *op = ctx->ops[i - 1];
    result = makeBinary(op->getType() == CalcLexer::PLUS ? BinOp::Add : BinOp::Sub,
                        range(op), std::move(result), buildMul(ctx->operands[i]));
  }
  return result;
}

ast::ExprPtr ASTBuilder::buildMul(P::MulExprContext *ctx) {
  ast::ExprPtr result = buildUnary(ctx->operands[0]);
  for (size_t i = 1; i < ctx->operands.size(); ++i) {
    antlr4::Token *op = ctx->ops[i - 1];
    BinOp binOp = BinOp::Mul;
    switch (op->getType()) {
    case CalcLexer::SLASH:
      binOp = BinOp::Div;
      break;
    case CalcLexer::MOD:
      binOp = BinOp::Mod;
      break;
    case CalcLexer::PERCENT:
      error(range(op), "'%' is the percent unit; use 'mod'");
      return nullptr;
    default:
      break;
    }
    result = makeBinary(binOp, range(op), std::move(result),
                        buildUnary(ctx->operands[i]));
  }
  return result;
}

ast::ExprPtr ASTBuilder::buildUnary(P::UnaryExprContext *ctx) {
  if (auto *sign = dynamic_cast<P::SignOpContext *>(ctx)) {
    ast::ExprPtr operand = buildUnary(sign->unaryExpr());
    if (!operand)
      return nullptr;
    auto op = sign->op->getType() == CalcLexer::MINUS ? ast::UnaryExpr::Op::Neg
                                                       : ast::UnaryExpr::Op::Plus;
    return std::make_unique<ast::UnaryExpr>(range(ctx), op, range(sign->op),
                                            std::move(operand));
  }
  return buildPow(static_cast<P::UnaryOperandContext *>(ctx)->powExpr());
}

ast::ExprPtr ASTBuilder::buildPow(P::PowExprContext *ctx) {
  ast::ExprPtr base = buildPostfix(ctx->postfixExpr());
  if (!ctx->CARET())
    return base;
  return makeBinary(BinOp::Pow, range(ctx->CARET()->getSymbol()), std::move(base),
                    buildUnary(ctx->unaryExpr()));
}

ast::ExprPtr ASTBuilder::buildPostfix(P::PostfixExprContext *ctx) {
  ast::ExprPtr result = buildPrimary(ctx->primary());
  for (P::PostfixOpContext *op : ctx->postfixOp()) {
    if (!result)
      return nullptr;
    llvm::SMRange whole{result->range.Start, range(op).End};
    if (auto *member = dynamic_cast<P::MemberOpContext *>(op)) {
      result = std::make_unique<ast::MemberExpr>(whole, std::move(result),
                                                 buildIdent(member->ident()));
    } else if (auto *index = dynamic_cast<P::IndexOpContext *>(op)) {
      result = std::make_unique<ast::IndexExpr>(whole, std::move(result),
                                                buildExpr(index->expr()));
    } else if (auto *call = dynamic_cast<P::CallOpContext *>(op)) {
      auto callExpr = std::make_unique<ast::CallExpr>(whole, std::move(result));
      for (P::ExprContext *arg : call->expr())
        callExpr->args.push_back(buildExpr(arg));
      result = std::move(callExpr);
    }
  }
  return result;
}

ast::ExprPtr ASTBuilder::buildPrimary(P::PrimaryContext *ctx) {
  if (auto *number = dynamic_cast<P::NumberExprContext *>(ctx))
    return buildQuantity(number);
  if (auto *list = dynamic_cast<P::ListExprContext *>(ctx))
    return buildList(list);
  if (auto *str = dynamic_cast<P::StringExprContext *>(ctx))
    return buildString(str->string());
  if (auto *boolean = dynamic_cast<P::BoolExprContext *>(ctx))
    return std::make_unique<ast::BoolLiteral>(
        range(ctx), boolean->value->getType() == CalcLexer::TRUE);
  if (auto *amend = dynamic_cast<P::AmendExprContext *>(ctx))
    return std::make_unique<ast::AmendExpr>(range(ctx),
                                            buildQualifiedName(amend->qualifiedName()),
                                            buildBlock(amend->block()));
  if (auto *name = dynamic_cast<P::NameExprContext *>(ctx))
    return std::make_unique<ast::NameExpr>(buildIdent(name->ident()));
  if (auto *super = dynamic_cast<P::SuperExprContext *>(ctx))
    return std::make_unique<ast::SuperExpr>(range(ctx), buildIdent(super->ident()));
  if (auto *steps = dynamic_cast<P::StepsExprContext *>(ctx))
    return buildSteps(steps);
  if (auto *paren = dynamic_cast<P::ParenExprContext *>(ctx)) {
    // Parentheses only group; the range grows so carets cover them.
    ast::ExprPtr inner = buildExpr(paren->expr());
    if (inner)
      inner->range = range(ctx);
    return inner;
  }
  return nullptr;
}

ast::ExprPtr ASTBuilder::buildList(P::ListExprContext *ctx) {
  auto list = std::make_unique<ast::ListLiteral>(range(ctx));
  for (P::ExprContext *element : ctx->expr())
    list->elements.push_back(buildExpr(element));
  if (P::UnitContext *unit = ctx->unit()) {
    list->unit = unitText(unit);
    list->unitRange = range(unit);
  }
  return list;
}

ast::ExprPtr ASTBuilder::buildSteps(P::StepsExprContext *ctx) {
  auto steps = std::make_unique<ast::StepsExpr>(range(ctx));
  for (P::StepEntryContext *entry : ctx->stepEntry())
    steps->entries.push_back(
        {buildExpr(entry->expr(0)), buildExpr(entry->expr(1)), range(entry)});
  return steps;
}
