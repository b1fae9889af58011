//===- IRBuilderCall.cpp - Typing the built-in functions ------------------===//
//
// LANGUAGE.md §5: `min max` (two or more arguments, or one list), `abs ceil
// floor round sqrt log2`, `pow2(lo..hi)`, `divisors(n)`, `clamp(x, lo, hi)`,
// `sum(list)`, `len(list)`. There are no user functions.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilderExpr.h"

#include "llvm/ADT/StringSwitch.h"

using namespace calc;
using namespace calc::ir;

static llvm::Optional<Builtin> builtinNamed(llvm::StringRef name) {
  return llvm::StringSwitch<llvm::Optional<Builtin>>(name)
      .Case("min", Builtin::Min)
      .Case("max", Builtin::Max)
      .Case("abs", Builtin::Abs)
      .Case("ceil", Builtin::Ceil)
      .Case("floor", Builtin::Floor)
      .Case("round", Builtin::Round)
      .Case("sqrt", Builtin::Sqrt)
      .Case("log2", Builtin::Log2)
      .Case("pow2", Builtin::Pow2)
      .Case("divisors", Builtin::Divisors)
      .Case("clamp", Builtin::Clamp)
      .Case("sum", Builtin::Sum)
      .Case("len", Builtin::Len)
      .Default(llvm::None);
}

Expr *ExprLowering::call(const ast::CallExpr *e) {
  auto *callee = llvm::dyn_cast<ast::NameExpr>(e->callee.get());
  auto fn = callee ? builtinNamed(callee->name.name) : llvm::None;
  if (!fn) {
    auto diag = diags.error(e->callee->loc(),
                            callee ? "unknown function '" + callee->name.name + "'"
                                   : std::string("only built-in functions can be called"),
                            {e->callee->range});
    static const llvm::StringRef names[] = {
        "min", "max", "abs", "ceil", "floor", "round", "sqrt",
        "log2", "pow2", "divisors", "clamp", "sum", "len"};
    if (callee)
      if (auto best = closestMatch(callee->name.name, names))
        diag.note(e->callee->loc(), "did you mean '" + best->str() + "'?");
    return fail(e->range);
  }
  return callArgs(e, *fn);
}

Expr *ExprLowering::callArgs(const ast::CallExpr *e, Builtin fn) {
  Expr *out = make(ExprKind::Call, Type::error(), e->range);
  out->builtin = fn;
  for (const ast::ExprPtr &a : e->args)
    out->ops.push_back(lower(a.get()));
  for (Expr *a : out->ops)
    if (a->type.isError())
      return out;
  auto arity = [&](size_t n) {
    if (out->ops.size() == n)
      return true;
    diags.error(e->loc(), "'" + spelling(fn) + "' takes " + llvm::Twine(n) +
                              " argument" + (n == 1 ? "" : "s") + ", not " +
                              llvm::Twine(out->ops.size()),
                {e->range});
    return false;
  };
  auto dimensionless = [&](Expr *a) {
    if (!expect(a, TypeKind::Number, "a number"))
      return false;
    if (a->type.dim.isDimensionless())
      return true;
    diags.error(a->range.Start, "'" + spelling(fn) +
                                    "' needs a dimensionless number, not " +
                                    a->type.dim.str(),
                {a->range});
    return false;
  };
  auto numberList = [&](Expr *a) {
    if (!expect(a, TypeKind::List, "a list"))
      return false;
    if (a->type.elem == TypeKind::Number || a->type.elem == TypeKind::Error)
      return true;
    diags.error(a->range.Start, "expected a list of numbers, not " +
                                    a->type.str(),
                {a->range});
    return false;
  };
  Type numberless = Type::number(Dimension());
  switch (fn) {
  case Builtin::Min:
  case Builtin::Max:
    if (out->ops.size() == 1) {
      if (numberList(out->ops[0]))
        out->type = out->ops[0]->type.element();
      return out;
    }
    if (out->ops.size() < 2) {
      diags.error(e->loc(), "'" + spelling(fn) +
                                "' takes a list or two or more arguments",
                  {e->range});
      return out;
    }
    for (Expr *a : llvm::makeArrayRef(out->ops).drop_front())
      if (!sameDims("compare", out->ops[0], a, e->range))
        return out;
    out->type = out->ops[0]->type;
    return out;
  case Builtin::Abs:
    if (arity(1) && expect(out->ops[0], TypeKind::Number, "a number"))
      out->type = out->ops[0]->type;
    return out;
  case Builtin::Ceil:
  case Builtin::Floor:
  case Builtin::Round:
  case Builtin::Sqrt:
  case Builtin::Log2:
    if (arity(1) && dimensionless(out->ops[0]))
      out->type = numberless;
    return out;
  case Builtin::Divisors:
    if (arity(1) && dimensionless(out->ops[0]))
      out->type = Type::listOf(numberless);
    return out;
  case Builtin::Pow2:
    if (arity(1) && numberList(out->ops[0])) {
      if (out->ops[0]->type.dim.isDimensionless())
        out->type = Type::listOf(numberless);
      else
        diags.error(out->ops[0]->range.Start,
                    "'pow2' needs a range of dimensionless integers",
                    {out->ops[0]->range});
    }
    return out;
  case Builtin::Clamp:
    if (arity(3) && sameDims("clamp", out->ops[0], out->ops[1], e->range) &&
        sameDims("clamp", out->ops[0], out->ops[2], e->range))
      out->type = out->ops[0]->type;
    return out;
  case Builtin::Sum:
    if (arity(1) && numberList(out->ops[0]))
      out->type = out->ops[0]->type.element();
    return out;
  case Builtin::Len:
    if (arity(1) && expect(out->ops[0], TypeKind::List, "a list"))
      out->type = numberless;
    return out;
  }
  return out;
}
