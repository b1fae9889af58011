//===- ASTBuilderLiterals.cpp - Numbers, units, strings and names ---------===//
#include "frontend/ASTBuilder.h"

#include "CalcLexer.h"

#include "llvm/ADT/StringExtras.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

using namespace calc;

ast::ExprPtr ASTBuilder::buildNumber(P::NumberContext *ctx) {
  std::string text = ctx->getText();
  std::string digits;
  for (char c : text)
    if (c != '_')
      digits += c;
  llvm::SMRange where = range(ctx);
  if (ctx->INT()) {
    uint64_t value = 0;
    // getAsInteger fails on overflow; int64 is the integer type (§2).
    if (llvm::StringRef(digits).getAsInteger(10, value) ||
        value > static_cast<uint64_t>(INT64_MAX)) {
      error(where, "integer literal '" + text + "' is out of range",
            "integers are 64-bit; write a real (with '.0' or an exponent) "
            "for larger magnitudes");
      return nullptr;
    }
    return std::make_unique<ast::IntLiteral>(where, static_cast<int64_t>(value));
  }
  errno = 0;
  double value = std::strtod(digits.c_str(), nullptr);
  bool nonzeroMantissa = false;
  for (char c : digits) {
    if (c == 'e' || c == 'E')
      break;
    nonzeroMantissa |= c >= '1' && c <= '9';
  }
  if (std::isinf(value) || (value == 0 && nonzeroMantissa)) {
    error(where, "real literal '" + text + "' is out of range");
    return nullptr;
  }
  return std::make_unique<ast::RealLiteral>(where, value, digits);
}

ast::ExprPtr ASTBuilder::buildQuantity(P::NumberExprContext *ctx) {
  ast::ExprPtr number = buildNumber(ctx->number());
  P::UnitContext *unit = ctx->unit();
  if (!unit || !number)
    return number;
  return std::make_unique<ast::QuantityLiteral>(range(ctx), std::move(number),
                                                unitText(unit), range(unit));
}

std::string ASTBuilder::unitText(P::UnitContext *ctx) {
  // getText() concatenates the tokens without the whitespace between them:
  // `GB / s` is the unit "GB/s".
  return ctx->getText();
}

/// Appends the decoded text of an escape token (`\n`, `\$`, …).
static void appendEscape(llvm::StringRef escape, std::string &out) {
  char c = escape.size() > 1 ? escape[1] : '\\';
  switch (c) {
  case 'n':
    out += '\n';
    break;
  case 't':
    out += '\t';
    break;
  default: // \" \\ \$
    out += c;
    break;
  }
}

std::unique_ptr<ast::StringLiteral> ASTBuilder::buildString(P::StringContext *ctx) {
  auto literal = std::make_unique<ast::StringLiteral>(range(ctx));
  auto appendText = [&](llvm::SMRange where) -> std::string & {
    if (literal->parts.empty() || !literal->parts.back().isText()) {
      literal->parts.push_back({"", nullptr, where});
    }
    ast::StringPart &part = literal->parts.back();
    part.range.End = where.End;
    return part.text;
  };
  for (P::StringPartContext *part : ctx->stringPart()) {
    llvm::SMRange where = range(part);
    if (dynamic_cast<P::EscapePartContext *>(part))
      appendEscape(part->getText(), appendText(where));
    else if (auto *interp = dynamic_cast<P::InterpolationPartContext *>(part))
      literal->parts.push_back({"", buildExpr(interp->expr()), where});
    else // Text and a lone '$'.
      appendText(where) += part->getText();
  }
  return literal;
}

ast::Identifier ASTBuilder::buildIdent(P::IdentContext *ctx) {
  return {ctx->getText(), range(ctx)};
}

ast::QualifiedName ASTBuilder::buildQualifiedName(P::QualifiedNameContext *ctx) {
  ast::QualifiedName name;
  name.range = range(ctx);
  for (P::IdentContext *part : ctx->ident())
    name.parts.push_back(buildIdent(part));
  return name;
}
