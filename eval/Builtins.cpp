//===- Builtins.cpp - Built-in functions (docs/language-reference.md §5) --===//
//
// `min max abs ceil floor round sqrt log2 pow2 divisors clamp sum len`, and
// the prelude's `model_params()`/`model_active_params()` (cost library).
// `ceil floor round` return integers (round: halves away from zero);
// `divisors(n)` and `pow2(lo..hi)` are ascending; integer arguments accept
// reals only if integral ("1365.33 is not an integer"). A range argument is
// read through its bounds (min, max, len, pow2, integer sum): never walked
// (docs/limits.md).
//
//===----------------------------------------------------------------------===//
#include "eval/CostInputs.h"
#include "eval/Divisors.h"
#include "eval/cost/Parameters.h"
#include "eval/Evaluator.h"
#include "eval/Limits.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include <algorithm>
#include <cmath>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

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
  bool isMax = c.e->builtin == Builtin::Max;
  if (c.args.size() == 1) {
    const Value &list = c.args[0];
    if (list.size() == 0)
      return c.fail("'" + c.name() + "' of an empty list");
    if (list.isRange()) // Ascending.
      return isMax ? list.range->last() : list.at(0);
    vs = list.elements();
  }
  return extreme(vs, isMax);
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

/// divisors(n), ascending, from n's prime factors (eval/Divisors.h).
static Value divisors(Call &c) {
  auto n = c.intArg(0);
  if (!n)
    return Value::error();
  if (*n <= 0)
    return c.fail("'divisors' needs a positive integer, not " +
                  c.ev.format(c.args[0]));
  ValueList out;
  for (int64_t d : divisorsOf(*n))
    out.push_back(Value::integer(d));
  return Value::makeList(std::move(out));
}

/// pow2(lo..hi): the powers of two in [min, max] of the list, ascending.
static Value pow2(Call &c) {
  const Value &list = c.args[0];
  if (list.size() == 0)
    return Value::makeList({});
  double lo, hi;
  if (list.isRange()) {
    lo = list.at(0).asDouble();
    hi = list.range->last().asDouble();
  } else {
    lo = extreme(list.elements(), false).asDouble();
    hi = extreme(list.elements(), true).asDouble();
  }
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

/// The sum of an integer range, n * first + step * n(n-1)/2, or None on
/// overflow.
static llvm::Optional<int64_t> rangeSum(const RangeSeq &r) {
  __int128 n = r.count;
  __int128 total = n * r.firstI + __int128(r.stepI) * (n * (n - 1) / 2);
  if (total > INT64_MAX || total < INT64_MIN)
    return llvm::None;
  return int64_t(total);
}

/// sum(list): integers while every element is one (overflow is an error).
static Value sum(Call &c) {
  Dimension dim = c.e->type.dim;
  const Value &list = c.args[0];
  if (list.isRange() && list.range->ints) {
    if (auto total = rangeSum(*list.range))
      return Value::integer(*total, dim);
    return c.fail("integer overflow in 'sum'");
  }
  if (list.size() > limits::maxWalk)
    return c.fail("'sum' of a list of " + std::to_string(list.size()) +
                  " reals; at most " + std::to_string(limits::maxWalk) +
                  " elements are added one by one");
  Value acc = Value::integer(0, dim);
  for (uint64_t i = 0, n = list.size(); i < n; ++i) {
    Value v = list.at(i);
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

/// `model_params()`: the parameters of the model \p self (the prelude's
/// `params`/`active_params`), counted by the cost library's
/// countParameters, the function `calcc lpc` prints.
static Value modelParams(Call &c, Instance *self) {
  if (!self)
    return c.fail("'" + c.name() + "' needs a model");
  FieldReader r(c.ev, c.e->range);
  cost::Model model = toCostModel(r, self);
  if (!r.ok)
    return Value::error();
  cost::ParameterCount count = cost::countParameters(model);
  double n = c.e->builtin == Builtin::ModelParams ? count.total : count.active;
  if (auto exact = exactInt(n))
    return Value::integer(*exact);
  return Value::real(n);
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
    return Value::integer(int64_t(args[0].size()));
  case Builtin::ModelParams:
  case Builtin::ModelActiveParams:
    return modelParams(c, ctx.self);
  }
  return Value::error();
}

/// `lo..hi by step`: lo, lo+step, … ≤ hi; step > 0. Kept as its bounds.
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
  RangeSeq seq;
  seq.ints = lo.kind == Value::Int && step.kind == Value::Int;
  seq.dim = e->type.dim;
  seq.unit = lo.unit;
  double count; // For the message; the check below is exact.
  bool tooBig;
  if (seq.ints) {
    seq.firstI = lo.i;
    seq.stepI = step.i;
    // In 128 bits: hi - lo may not fit in 64.
    double top = std::isnan(hi.r) ? -1e19 : std::clamp(hi.r, -1e19, 1e19);
    __int128 span = hi.kind == Value::Int
                        ? __int128(hi.i) - lo.i
                        : __int128(std::floor(top)) - lo.i;
    __int128 n = span < 0 ? 0 : span / step.i + 1;
    count = double(n);
    tooBig = n > __int128(limits::maxRangeSize);
    if (!tooBig)
      seq.count = uint64_t(n);
  } else {
    seq.firstR = lo.asDouble();
    seq.stepR = step.asDouble();
    count = std::floor((hi.asDouble() - seq.firstR) / seq.stepR) + 1;
    if (!(count >= 0))
      count = 0;
    tooBig = count > double(limits::maxRangeSize);
    if (!tooBig)
      seq.count = uint64_t(count);
  }
  if (tooBig) {
    error(e->range, "the range has " + formatSignificant(count, 4) +
                        " elements; a range has at most 2^53");
    return Value::error();
  }
  return Value::makeRange(seq);
}
