//===- EvalExpr.cpp - Evaluating IR expressions ---------------------------===//
//
// Numeric kinds follow docs/language-reference.md §3: `+ - * mod` on integers
// stay integers (overflow is an error), `/` is always real, `mod` is floored.
// Division by zero and every other domain error is a diagnostic at the
// operator, never a crash.
//
//===----------------------------------------------------------------------===//
#include "eval/Evaluator.h"
#include "eval/Limits.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include <cmath>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

static bool anyError(llvm::ArrayRef<Value> vs) {
  for (const Value &v : vs)
    if (v.isError())
      return true;
  return false;
}

/// Field `slot` of the scope `depth` levels out: 0 is self, k the k-th
/// environment frame.
Value Evaluator::fieldRef(const Expr *e, const Context &ctx) {
  Instance *inst = ctx.self;
  if (e->depth > 0) {
    const Env *env = ctx.env;
    for (unsigned d = 1; env && d < e->depth; ++d)
      env = env->next;
    inst = env ? env->self : nullptr;
  }
  if (!inst) {
    error(e->range, "internal: no enclosing block for this field");
    return Value::error();
  }
  return field(inst, e->slot, e->range);
}

Value Evaluator::eval(const Expr *e, const Context &ctx) {
  if (depth >= maxDepth) {
    if (!reportedTooDeep)
      error(e->range, "evaluation nested too deeply (more than " +
                          llvm::Twine(maxDepth) +
                          " levels); break the chain of definitions");
    reportedTooDeep = true;
    return Value::error();
  }
  ++depth;
  Value v = evalKind(e, ctx);
  --depth;
  return v;
}

Value Evaluator::evalKind(const Expr *e, const Context &ctx) {
  switch (e->kind) {
  case ExprKind::Const:
    return e->type.isError() ? Value::error() : e->value;
  case ExprKind::Field:
    return fieldRef(e, ctx);
  case ExprKind::Super:
    if (!ctx.self)
      return Value::error();
    return evalMember(ctx.self, e->slot, ctx.layer + 1, e->range);
  case ExprKind::EntityRef:
    return Value::makeObject(entity(e->entity));
  case ExprKind::LetRef:
    return let(e->let, e->range);
  case ExprKind::ResultRef:
    return result(e->slot);
  case ExprKind::Member: {
    Value base = eval(e->ops[0], ctx);
    return base.isError() ? base : field(base.object, e->slot, e->range);
  }
  case ExprKind::Index:
    return evalIndex(e, ctx);
  case ExprKind::Neg:
  case ExprKind::Not:
  case ExprKind::And:
  case ExprKind::Or:
  case ExprKind::If:
    return evalLogic(e, ctx);
  case ExprKind::Call:
    return evalCall(e, ctx);
  case ExprKind::List:
  case ExprKind::Steps:
    return evalList(e, ctx);
  case ExprKind::Range:
    return evalRange(e, ctx);
  case ExprKind::Amend:
    return evalAmend(e, ctx);
  case ExprKind::As: {
    Value v = eval(e->ops[0], ctx);
    if (!v.isError())
      v.unit = e->unit;
    return v;
  }
  case ExprKind::Interp:
    return evalInterp(e, ctx);
  case ExprKind::Lookup:
    return evalLookup(e, ctx);
  case ExprKind::Domain:
    if (const Value *chosen = domainTracker.read(e->slot))
      return *chosen;
    domainTracker.noteForwardRead(e->slot, active);
    error(e->range, "domain '" + e->fieldName + "' is read before it is chosen");
    return Value::error();
  case ExprKind::Eq:
  case ExprKind::Ne:
  case ExprKind::Lt:
  case ExprKind::Le:
  case ExprKind::Gt:
  case ExprKind::Ge:
    return evalCompare(e, ctx);
  default:
    return evalBinary(e, ctx);
  }
}

/// Negation, `not`, short-circuit `and`/`or`, and `if`.
Value Evaluator::evalLogic(const Expr *e, const Context &ctx) {
  Value v = eval(e->ops[0], ctx);
  if (v.isError())
    return v;
  switch (e->kind) {
  case ExprKind::Neg:
    if (v.kind == Value::Real) {
      v.r = -v.r;
    } else if (auto n = checkedNeg(v.i)) {
      v.i = *n;
    } else {
      error(e->range, "integer overflow in negation");
      return Value::error();
    }
    return v;
  case ExprKind::Not:
    return Value::boolean(!v.b);
  case ExprKind::And:
  case ExprKind::Or:
    if (v.b == (e->kind == ExprKind::Or))
      return v;
    return eval(e->ops[1], ctx);
  default: // If.
    return eval(e->ops[v.b ? 1 : 2], ctx);
  }
}

/// A list literal, or a steps table (k0, v0, k1, v1, …).
Value Evaluator::evalList(const Expr *e, const Context &ctx) {
  ValueList elems;
  for (const Expr *op : e->ops)
    elems.push_back(eval(op, ctx));
  if (anyError(elems))
    return Value::error();
  return Value::makeList(std::move(elems),
                         e->kind == ExprKind::List ? Value::List : Value::Steps);
}

/// Integer arithmetic with overflow checks, or real arithmetic.
Value Evaluator::evalBinary(const Expr *e, const Context &ctx) {
  Value l = eval(e->ops[0], ctx);
  Value r = eval(e->ops[1], ctx);
  if (l.isError() || r.isError())
    return Value::error();
  if (e->type.kind == TypeKind::List) { // `xs + ys`: the elements of both.
    ValueList joined = l.elements();
    joined.insert(joined.end(), r.elements().begin(), r.elements().end());
    return Value::makeList(std::move(joined));
  }
  Dimension dim = e->type.dim;
  SMRange opRange(e->opLoc, e->opLoc);
  bool ints = l.kind == Value::Int && r.kind == Value::Int;
  auto overflow = [&]() {
    error(e->range, "integer overflow: " + format(l) + " " + spelling(e->kind) +
                        " " + format(r));
    return Value::error();
  };
  double a = l.asDouble(), b = r.asDouble();
  switch (e->kind) {
  case ExprKind::Add:
  case ExprKind::Sub:
  case ExprKind::Mul:
    if (ints) {
      auto v = e->kind == ExprKind::Add   ? checkedAdd(l.i, r.i)
               : e->kind == ExprKind::Sub ? checkedSub(l.i, r.i)
                                          : checkedMul(l.i, r.i);
      return v ? Value::integer(*v, dim) : overflow();
    }
    return Value::real(e->kind == ExprKind::Add   ? a + b
                       : e->kind == ExprKind::Sub ? a - b
                                                  : a * b,
                       dim);
  case ExprKind::Div:
    if (b == 0) {
      error(e->ops[1]->range, "division by zero")
          .note(e->ops[1]->range.Start, "the divisor is " + format(r));
      return Value::error();
    }
    return Value::real(a / b, dim);
  case ExprKind::Mod:
    if (b == 0) {
      error(e->ops[1]->range, "'mod' by zero");
      return Value::error();
    }
    if (ints)
      return Value::integer(*floorMod(l.i, r.i), dim);
    return Value::real(a - b * std::floor(a / b), dim);
  case ExprKind::Pow:
    return power(e, l, r);
  default:
    return Value::error();
  }
}

/// `^`: an integer base to a non-negative integer power stays an integer.
Value Evaluator::power(const Expr *e, const Value &l, const Value &r) {
  Dimension dim = e->type.dim;
  if (l.kind == Value::Int && r.kind == Value::Int && r.i >= 0) {
    auto v = checkedPow(l.i, r.i);
    if (!v) {
      error(e->range, "integer overflow: " + format(l) + " ^ " + format(r));
      return Value::error();
    }
    return Value::integer(*v, dim);
  }
  double v = std::pow(l.asDouble(), r.asDouble());
  if (!std::isfinite(v)) {
    error(e->range, format(l) + " ^ " + format(r) + " is not a finite number");
    return Value::error();
  }
  return Value::real(v, dim);
}

/// Element-wise equality of two lists of numbers, strings or bools; None
/// when it would walk more than limits::maxWalk elements.
static llvm::Optional<bool> sameList(const Value &l, const Value &r) {
  uint64_t n = l.size();
  if (n != r.size())
    return false;
  if (l.isRange() && r.isRange() && l.range->ints && r.range->ints)
    return n == 0 || (l.range->firstI == r.range->firstI &&
                      (n == 1 || l.range->stepI == r.range->stepI));
  if (n > limits::maxWalk)
    return llvm::None;
  for (uint64_t i = 0; i < n; ++i) {
    Value x = l.at(i), y = r.at(i);
    if (x.isNumber() != y.isNumber())
      return false;
    bool same = x.isNumber() ? (x.kind == Value::Int && y.kind == Value::Int
                                    ? x.i == y.i
                                    : x.asDouble() == y.asDouble())
                : x.kind == Value::String ? x.getString() == y.getString()
                : x.kind == Value::Bool   ? x.b == y.b
                                          : x.object == y.object;
    if (!same)
      return false;
  }
  return true;
}

Value Evaluator::evalCompare(const Expr *e, const Context &ctx) {
  Value l = eval(e->ops[0], ctx);
  Value r = eval(e->ops[1], ctx);
  if (l.isError() || r.isError())
    return Value::error();
  bool eq = e->kind == ExprKind::Eq, ne = e->kind == ExprKind::Ne;
  if (l.kind == Value::Bool)
    return Value::boolean((l.b == r.b) == eq);
  if (l.kind == Value::String)
    return Value::boolean((l.getString() == r.getString()) == eq);
  if (l.kind == Value::List) {
    llvm::Optional<bool> same = sameList(l, r);
    if (!same) {
      error(e->range, "comparing lists of " + std::to_string(l.size()) +
                          " elements; at most " +
                          std::to_string(limits::maxWalk) +
                          " are compared one by one");
      return Value::error();
    }
    return Value::boolean(*same == eq);
  }
  if (e->ops.size() == 3) {
    Value t = eval(e->ops[2], ctx);
    if (t.isError())
      return t;
    double bound = e->withinPercent ? t.asDouble() * std::fabs(r.asDouble())
                                    : t.asDouble();
    bool close = std::fabs(l.asDouble() - r.asDouble()) <= bound;
    return Value::boolean(close == eq);
  }
  if (l.kind == Value::Int && r.kind == Value::Int) {
    int64_t a = l.i, b = r.i;
    bool v = eq ? a == b : ne ? a != b : e->kind == ExprKind::Lt ? a < b
           : e->kind == ExprKind::Le ? a <= b : e->kind == ExprKind::Gt ? a > b
                                                                        : a >= b;
    return Value::boolean(v);
  }
  double a = l.asDouble(), b = r.asDouble();
  bool v = eq ? a == b : ne ? a != b : e->kind == ExprKind::Lt ? a < b
         : e->kind == ExprKind::Le ? a <= b : e->kind == ExprKind::Gt ? a > b
                                                                      : a >= b;
  return Value::boolean(v);
}

Value Evaluator::evalIndex(const Expr *e, const Context &ctx) {
  Value list = eval(e->ops[0], ctx);
  Value idx = eval(e->ops[1], ctx);
  if (list.isError() || idx.isError())
    return Value::error();
  auto i = idx.kind == Value::Int ? llvm::Optional<int64_t>(idx.i)
                                  : exactInt(idx.r);
  if (!i) {
    error(e->ops[1]->range, format(idx) + " is not an integer");
    return Value::error();
  }
  if (*i < 0 || uint64_t(*i) >= list.size()) {
    error(e->ops[1]->range, "index " + std::to_string(*i) +
                                " is out of range for a list of " +
                                countOf(list.size(), "element"));
    return Value::error();
  }
  return list.at(uint64_t(*i));
}

Value Evaluator::evalAmend(const Expr *e, const Context &ctx) {
  Instance *base = nullptr;
  std::string name = "<" + e->type.schema->name + ">";
  if (!e->ops.empty()) {
    Value b = eval(e->ops[0], ctx);
    if (b.isError())
      return b;
    base = b.object;
    name = base->name + " {…}";
  }
  const Env *env = ctx.self ? pushEnv(ctx.self, ctx.env) : ctx.env;
  return Value::makeObject(amend(base, e->type.schema, e->block, env, name));
}

Value Evaluator::evalInterp(const Expr *e, const Context &ctx) {
  std::string out = e->parts[0];
  for (size_t i = 0; i < e->ops.size(); ++i) {
    Value v = eval(e->ops[i], ctx);
    if (v.isError())
      return v;
    out += format(v);
    out += e->parts[i + 1];
  }
  return Value::string(std::move(out));
}

/// The first entry, in written order, whose key \p x reaches (x >= key):
/// Calculon's efficiency-table rule. No match is an error.
Value Evaluator::evalLookup(const Expr *e, const Context &ctx) {
  Value table = eval(e->ops[0], ctx);
  Value x = eval(e->ops[1], ctx);
  if (table.isError() || x.isError())
    return Value::error();
  const ValueList &kv = table.elements();
  for (size_t i = 0; i + 1 < kv.size(); i += 2)
    if (x.asDouble() >= kv[i].asDouble())
      return kv[i + 1];
  auto diag = error(e->ops[1]->range, "no entry of the steps table matches " +
                                          format(x));
  if (!kv.empty()) {
    Value smallest = kv[0];
    for (size_t i = 0; i < kv.size(); i += 2)
      if (kv[i].asDouble() < smallest.asDouble())
        smallest = kv[i];
    diag.note(e->ops[0]->range.Start, "the smallest key is " + format(smallest));
  }
  return Value::error();
}
