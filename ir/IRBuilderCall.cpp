//===- IRBuilderCall.cpp - Typing the built-in functions ------------------===//
//
// docs/language-reference.md §5: `min max` (two or more arguments, or one
// list), `abs ceil floor round sqrt log2`, `pow2(lo..hi)`, `divisors(n)`,
// `clamp(x, lo, hi)`, `sum(list)`, `len(list)`. There are no user functions.
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
      .Case("model_params", Builtin::ModelParams)
      .Case("model_active_params", Builtin::ModelActiveParams)
      .Default(llvm::None);
}

/// Whether \p callee names a value rather than a built-in: a field or a
/// let in scope, or anything that is not a bare name.
bool ExprLowering::namesValue(const ast::Expr *callee) {
  auto *n = llvm::dyn_cast<ast::NameExpr>(callee);
  if (!n)
    return true;
  for (const IRBuilder::Scope *s = scope; s; s = s->outer)
    if (s->schema->lookup(n->name.name) >= 0)
      return true;
  return file && b.sema.visible(file).count(n->name.name);
}

/// `table(x)`: the value of the first entry of a steps table whose key x
/// reaches (docs/language-reference.md §4.4).
Expr *ExprLowering::lookup(const ast::CallExpr *e) {
  Expr *table = lower(e->callee.get());
  if (table->type.isError())
    return fail(e->range);
  if (table->type.kind != TypeKind::Steps) {
    diags.error(e->callee->loc(), "only built-in functions and steps tables "
                                  "can be called, not " + table->type.str(),
                {e->callee->range});
    return fail(e->range);
  }
  if (e->args.size() != 1) {
    diags.error(e->loc(), "a steps table takes 1 argument, not " +
                              llvm::Twine(e->args.size()),
                {e->range});
    return fail(e->range);
  }
  Expr *arg = lower(e->args[0].get());
  Expr *out = make(ExprKind::Lookup, Type::number(table->type.valueDim), e->range);
  out->ops = {table, arg};
  if (arg->type.isError() || !expect(arg, TypeKind::Number, "a number"))
    return fail(e->range);
  if (arg->type.dim != table->type.dim) {
    diags.error(arg->range.Start, "the steps table is keyed by " +
                                      table->type.dim.str() + ", not " +
                                      arg->type.dim.str(),
                {arg->range});
    return fail(e->range);
  }
  return out;
}

Expr *ExprLowering::call(const ast::CallExpr *e) {
  auto *callee = llvm::dyn_cast<ast::NameExpr>(e->callee.get());
  auto fn = callee ? builtinNamed(callee->name.name) : llvm::None;
  if (namesValue(e->callee.get()))
    return lookup(e);
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

bool ExprLowering::arity(Expr *call, size_t n) {
  if (call->ops.size() == n)
    return true;
  diags.error(call->range.Start, "'" + spelling(call->builtin) + "' takes " +
                                     llvm::Twine(n) + " argument" +
                                     (n == 1 ? "" : "s") + ", not " +
                                     llvm::Twine(call->ops.size()),
              {call->range});
  return false;
}

bool ExprLowering::dimensionless(Expr *call, Expr *arg) {
  if (!expect(arg, TypeKind::Number, "a number"))
    return false;
  if (arg->type.dim.isDimensionless())
    return true;
  diags.error(arg->range.Start, "'" + spelling(call->builtin) +
                                    "' needs a dimensionless number, not " +
                                    arg->type.dim.str(),
              {arg->range});
  return false;
}

bool ExprLowering::numberList(Expr *arg) {
  if (!expect(arg, TypeKind::List, "a list"))
    return false;
  if (arg->type.elem == TypeKind::Number || arg->type.elem == TypeKind::Error)
    return true;
  diags.error(arg->range.Start, "expected a list of numbers, not " +
                                    arg->type.str(),
              {arg->range});
  return false;
}

/// min/max: two or more numbers of one dimension, or one list of numbers.
Type ExprLowering::minMaxType(Expr *out) {
  auto &ops = out->ops;
  if (ops.size() == 1) {
    if (!numberList(ops[0]))
      return Type::error();
    // `[]` has no element type, and its minimum could only fail.
    if (ops[0]->type.elem == TypeKind::Error) {
      diags.error(ops[0]->range.Start,
                  "'" + spelling(out->builtin) + "' of an empty list",
                  {ops[0]->range});
      return Type::error();
    }
    return ops[0]->type.element();
  }
  if (ops.size() < 2) {
    diags.error(out->range.Start, "'" + spelling(out->builtin) +
                                      "' takes a list or two or more arguments",
                {out->range});
    return Type::error();
  }
  for (Expr *a : llvm::makeArrayRef(ops).drop_front())
    if (!sameDims("compare", ops[0], a, out->range))
      return Type::error();
  return ops[0]->type;
}

Expr *ExprLowering::callArgs(const ast::CallExpr *e, Builtin fn) {
  Expr *out = make(ExprKind::Call, Type::error(), e->range);
  out->builtin = fn;
  for (const ast::ExprPtr &a : e->args)
    out->ops.push_back(lower(a.get()));
  for (Expr *a : out->ops)
    if (a->type.isError())
      return out;
  auto &ops = out->ops;
  Type number = Type::number(Dimension());
  switch (fn) {
  case Builtin::Min:
  case Builtin::Max:
    out->type = minMaxType(out);
    break;
  case Builtin::Abs:
    if (arity(out, 1) && expect(ops[0], TypeKind::Number, "a number"))
      out->type = ops[0]->type;
    break;
  case Builtin::Ceil:
  case Builtin::Floor:
  case Builtin::Round:
  case Builtin::Sqrt:
  case Builtin::Log2:
    if (arity(out, 1) && dimensionless(out, ops[0]))
      out->type = number;
    break;
  case Builtin::Divisors:
    if (arity(out, 1) && dimensionless(out, ops[0]))
      out->type = Type::listOf(number);
    break;
  case Builtin::Pow2:
    if (arity(out, 1) && numberList(ops[0])) {
      if (ops[0]->type.dim.isDimensionless())
        out->type = Type::listOf(number);
      else
        diags.error(ops[0]->range.Start,
                    "'pow2' needs a range of dimensionless integers",
                    {ops[0]->range});
    }
    break;
  case Builtin::Clamp:
    if (arity(out, 3) && sameDims("clamp", ops[0], ops[1], e->range) &&
        sameDims("clamp", ops[0], ops[2], e->range))
      out->type = ops[0]->type;
    break;
  case Builtin::Sum:
    // The sum of `[]` is 0, a dimensionless number.
    if (arity(out, 1) && numberList(ops[0]))
      out->type = ops[0]->type.elem == TypeKind::Error ? number
                                                        : ops[0]->type.element();
    break;
  case Builtin::Len:
    if (arity(out, 1) && expect(ops[0], TypeKind::List, "a list"))
      out->type = number;
    break;
  case Builtin::ModelParams:
  case Builtin::ModelActiveParams:
    // Read by the model being defined: only the prelude's derived fields
    // `params` and `active_params` (a user reads those fields instead).
    if (!scope || !scope->inSchema || !scope->schema ||
        scope->schema->name != "model") {
      diags.error(out->range.Start,
                  "'" + spelling(fn) + "' is only used by the prelude's "
                  "model schema; read a model's '" +
                  (fn == Builtin::ModelParams ? "params" : "active_params") +
                  "' field instead",
                  {out->range});
      break;
    }
    if (arity(out, 0))
      out->type = number;
    break;
  }
  return out;
}
