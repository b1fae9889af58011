//===- IRBuilderExpr.h - Expression lowering (IRBuilder internals) --------===//
//
// Private to the IRBuilder: the per-kind lowering of expressions, split over
// IRBuilderExpr.cpp (names, literals, members), IRBuilderOps.cpp (operators,
// amends, steps) and IRBuilderCall.cpp (built-ins).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_IRBUILDEREXPR_H
#define CALC_IR_IRBUILDEREXPR_H

#include "ir/IRBuilder.h"
#include "ir/Units.h"

#include "llvm/ADT/Optional.h"

namespace calc::ir {

/// Lowers one expression tree in a scope (split from IRBuilder to keep the
/// per-kind functions short).
class ExprLowering {
  using SMRange = llvm::SMRange;
  using StringRef = llvm::StringRef;

public:
  ExprLowering(IRBuilder &b, const IRBuilder::Scope *scope, const ast::File *file)
      : b(b), diags(b.diags), scope(scope), file(file) {}

  Expr *lower(const ast::Expr *e);

private:
  Expr *make(ExprKind k, Type t, SMRange r) { return b.module->newExpr(k, t, r); }
  Expr *fail(SMRange r) { return make(ExprKind::Const, Type::error(), r); }
  Expr *constant(Value v, Type t, SMRange r) {
    Expr *e = make(ExprKind::Const, t, r);
    e->value = std::move(v);
    return e;
  }
  Expr *number(const ast::Expr *e, const Unit *unit);
  Expr *list(const ast::ListLiteral *e);
  Expr *string(const ast::StringLiteral *e);
  Expr *name(const ast::NameExpr *e);
  Expr *member(const ast::MemberExpr *e);
  Expr *index(const ast::IndexExpr *e);
  Expr *call(const ast::CallExpr *e);
  Expr *unary(const ast::UnaryExpr *e);
  Expr *binary(const ast::BinaryExpr *e);
  Expr *within(const ast::WithinExpr *e);
  Expr *ifExpr(const ast::IfExpr *e);
  Expr *range(const ast::RangeExpr *e);
  Expr *as(const ast::AsExpr *e);
  Expr *amend(const ast::AmendExpr *e);
  Expr *super(const ast::SuperExpr *e);
  Expr *steps(const ast::StepsExpr *e);
  Expr *fieldOf(Expr *base, const ast::Identifier &name, SMRange range);
  Expr *global(const ast::Identifier &id, const Symbol &sym, SMRange range);
  llvm::Optional<Unit> unit(StringRef text, SMRange range,
                            const ast::Expr *quantity = nullptr);
  bool sameDims(const char *verb, Expr *l, Expr *r, SMRange opRange);
  bool expect(Expr *e, TypeKind k, const char *what);
  Type comparison(ExprKind k, Expr *l, Expr *r, SMRange op);
  Type power(Expr *l, Expr *r, SMRange op);
  Type concatenation(Expr *l, Expr *r, SMRange op);
  Expr *callArgs(const ast::CallExpr *e, Builtin fn);
  bool namesValue(const ast::Expr *callee);
  Expr *lookup(const ast::CallExpr *e);
  bool arity(Expr *call, size_t n);
  bool dimensionless(Expr *call, Expr *arg);
  bool numberList(Expr *arg);
  Type minMaxType(Expr *call);
  void unknownName(const ast::Identifier &id);
  bool resultNotVisible(const ast::Identifier &id);

  IRBuilder &b;
  DiagnosticEngine &diags;
  const IRBuilder::Scope *scope;
  const ast::File *file;
};

} // namespace calc::ir

#endif
