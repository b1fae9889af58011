//===- Builtins.cpp - Built-in functions (docs/language-reference.md §5) --===//
//
// `min max abs ceil floor round sqrt log2 pow2 divisors clamp sum len`.
// `ceil floor round` return integers (round: halves away from zero);
// `divisors(n)` and `pow2(lo..hi)` are ascending; integer arguments accept
// reals only if integral ("1365.33 is not an integer").
//
//===----------------------------------------------------------------------===//
#include "eval/Evaluator.h"
#include "ir/CheckedInt.h"

#include <cmath>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {
/// Largest list a built-in may build (divisors, pow2, ranges): far beyond any
/// real search, small enough never to exhaust memory.
constexpr int64_t maxListSize = 10'000'000;
} // namespace

/// min/max over numbers of one dimension; ints stay ints.
static Value extreme(llvm::ArrayRef<Value> vs, bool isMax) {
  Value best = vs[0];
  for (const Value &v : vs.drop_front()) {
    bool better = v.kind == Value::Int && best.kind == Value::Int
                      ? (isMax ? v.i > best.i : v.i < best.i)
                      : (isMax ? v.asDouble() > best.asDouble()
                               : v.asDouble() < best.asDouble());
    if (better)
      best = v;
  }
  return best;
}

/// A rounded double as an integer, or None outside the int64 range.
static llvm::Optional<int64_t> toInt(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 9.2e18)
    return llvm::None;
  return int64_t(v);
}

namespace {
/// One call being evaluated: its expression and argument values.
struct Call {
  Evaluator &ev;
  const Expr *e;
  const ValueList &args;

  Value fail(const llvm::Twine &message) {
    ev.error(e->range, message);
    return Value::error();
  }
  llvm::StringRef name() const { return spelling(e->builtin); }
  /// Argument \p i as an integer ("1365.33 is not an integer" otherwise).
  llvm::Optional<int64_t> intArg(unsigned i) {
    const Value &v = args[i];
    if (v.kind == Value::Int)
      return v.i;
    if (auto x = exactInt(v.r))
      return x;
    ev.error(e->ops[i]->range, ev.format(v) + " is not an integer");
    return llvm::None;
  }
};
} // namespace

static Value minMax(Call &c) {
  llvm::ArrayRef<Value> vs = c.args;
  if (c.args.size() == 1)
    vs = c.args[0].elements();
  if (vs.empty())
    return c.fail("'" + c.name() + "' of an empty list");
  return extreme(vs, c.e->builtin == Builtin::Max);
}

static Value absolute(Call &c) {
  Value v = c.args[0];
  if (v.kind != Value::Int) {
    v.r = std::fabs(v.r);
    return v;
  }
  if (v.i >= 0)
    return v;
  auto n = checkedNeg(v.i);
  if (!n)
    return c.fail("integer overflow in 'abs'");
  v.i = *n;
  return v;
}

/// ceil, floor, round (halves away from zero): integers.
static Value rounding(Call &c) {
  if (c.args[0].kind == Value::Int)
    return Value::integer(c.args[0].i);
  double x = c.args[0].r;
  double y = c.e->builtin == Builtin::Ceil    ? std::ceil(x)
             : c.e->builtin == Builtin::Floor ? std::floor(x)
                                              : std::round(x);
  if (auto i = toInt(y))
    return Value::integer(*i);
  return c.fail(c.ev.format(c.args[0]) + " is out of the integer range");
}

static Value sqrtLog2(Call &c) {
  double x = c.args[0].asDouble();
  bool isSqrt = c.e->builtin == Builtin::Sqrt;
  if (isSqrt ? x < 0 : x <= 0)
    return c.fail("'" + c.name() + "' of " + c.ev.format(c.args[0]) +
                  " is undefined");
  return Value::real(isSqrt ? std::sqrt(x) : std::log2(x));
}

/// divisors(n), ascending, in O(sqrt n).
static Value divisors(Call &c) {
  auto n = c.intArg(0);
  if (!n)
    return Value::error();
  if (*n <= 0)
    return c.fail("'divisors' needs a positive integer, not " +
                  c.ev.format(c.args[0]));
  ValueList small, large;
  for (int64_t d = 1; d <= *n / d; ++d)
    if (*n % d == 0) {
      small.push_back(Value::integer(d));
      if (d != *n / d)
        large.push_back(Value::integer(*n / d));
    }
  small.insert(small.end(), large.rbegin(), large.rend());
  return Value::makeList(std::move(small));
}

/// pow2(lo..hi): the powers of two in [min, max] of the list, ascending.
static Value pow2(Call &c) {
  const ValueList &r = c.args[0].elements();
  if (r.empty())
    return Value::makeList({});
  double lo = extreme(r, false).asDouble(), hi = extreme(r, true).asDouble();
  ValueList out;
  for (int64_t p = 1; double(p) <= hi; p *= 2) {
    if (double(p) >= lo)
      out.push_back(Value::integer(p));
    if (p > INT64_MAX / 2)
      break;
  }
  return Value::makeList(std::move(out));
}

static Value clamp(Call &c) {
  const ValueList &a = c.args;
  if (a[1].asDouble() > a[2].asDouble())
    return c.fail("'clamp' bounds are reversed: " + c.ev.format(a[1]) + " > " +
                  c.ev.format(a[2]));
  if (a[0].asDouble() < a[1].asDouble())
    return a[1];
  return a[0].asDouble() > a[2].asDouble() ? a[2] : a[0];
}

/// sum(list): integers while every element is one (overflow is an error).
static Value sum(Call &c) {
  Dimension dim = c.e->type.dim;
  Value acc = Value::integer(0, dim);
  for (const Value &v : c.args[0].elements()) {
    if (acc.kind == Value::Int && v.kind == Value::Int) {
      auto s = checkedAdd(acc.i, v.i);
      if (!s)
        return c.fail("integer overflow in 'sum'");
      acc.i = *s;
    } else {
      acc = Value::real(acc.asDouble() + v.asDouble(), dim);
    }
  }
  return acc;
}

Value Evaluator::evalCall(const Expr *e, const Context &ctx) {
  ValueList args;
  for (const Expr *op : e->ops) {
    args.push_back(eval(op, ctx));
    if (args.back().isError())
      return Value::error();
  }
  Call c{*this, e, args};
  switch (e->builtin) {
  case Builtin::Min:
  case Builtin::Max:
    return minMax(c);
  case Builtin::Abs:
    return absolute(c);
  case Builtin::Ceil:
  case Builtin::Floor:
  case Builtin::Round:
    return rounding(c);
  case Builtin::Sqrt:
  case Builtin::Log2:
    return sqrtLog2(c);
  case Builtin::Divisors:
    return divisors(c);
  case Builtin::Pow2:
    return pow2(c);
  case Builtin::Clamp:
    return clamp(c);
  case Builtin::Sum:
    return sum(c);
  case Builtin::Len:
    return Value::integer(int64_t(args[0].elements().size()));
  }
  return Value::error();
}

/// `lo..hi by step`: lo, lo+step, … ≤ hi; step > 0.
Value Evaluator::evalRange(const Expr *e, const Context &ctx) {
  ValueList ends;
  for (const Expr *op : e->ops) {
    ends.push_back(eval(op, ctx));
    if (ends.back().isError())
      return Value::error();
  }
  Value step = ends.size() == 3 ? ends[2] : Value::integer(1, e->type.dim);
  if (step.asDouble() <= 0) {
    error(e->ops.size() == 3 ? e->ops[2]->range : e->range,
          "the step of a range must be positive, not " + format(step));
    return Value::error();
  }
  const Value &lo = ends[0], &hi = ends[1];
  bool ints = lo.kind == Value::Int && step.kind == Value::Int;
  double count = std::floor((hi.asDouble() - lo.asDouble()) / step.asDouble()) + 1;
  if (count > double(maxListSize)) {
    error(e->range, "the range has more than " + std::to_string(maxListSize) +
                        " elements");
    return Value::error();
  }
  ValueList out;
  for (int64_t k = 0; k < int64_t(count); ++k) {
    if (ints)
      out.push_back(Value::integer(lo.i + k * step.i, e->type.dim));
    else
      out.push_back(Value::real(lo.asDouble() + double(k) * step.asDouble(),
                                e->type.dim));
    out.back().unit = lo.unit;
  }
  return Value::makeList(std::move(out));
}
