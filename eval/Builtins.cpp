//===- Builtins.cpp - The built-in functions of LANGUAGE.md §5 ------------===//
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

/// A double rounded by \p fn, as an integer, or an error.
static llvm::Optional<int64_t> toInt(double v) {
  if (!std::isfinite(v) || std::fabs(v) >= 9.2e18)
    return llvm::None;
  return int64_t(v);
}

Value Evaluator::evalCall(const Expr *e, const Context &ctx) {
  ValueList args;
  for (const Expr *op : e->ops) {
    args.push_back(eval(op, ctx));
    if (args.back().isError())
      return Value::error();
  }
  llvm::SMRange range = e->range;
  auto intArg = [&](unsigned i) -> llvm::Optional<int64_t> {
    const Value &v = args[i];
    if (v.kind == Value::Int)
      return v.i;
    if (auto x = exactInt(v.r))
      return x;
    error(e->ops[i]->range, format(v) + " is not an integer");
    return llvm::None;
  };
  switch (e->builtin) {
  case Builtin::Min:
  case Builtin::Max: {
    llvm::ArrayRef<Value> vs = args;
    if (args.size() == 1)
      vs = args[0].elements();
    if (vs.empty()) {
      error(range, "'" + spelling(e->builtin) + "' of an empty list");
      return Value::error();
    }
    return extreme(vs, e->builtin == Builtin::Max);
  }
  case Builtin::Abs: {
    Value v = args[0];
    if (v.kind == Value::Int) {
      if (v.i < 0) {
        auto n = checkedNeg(v.i);
        if (!n) {
          error(range, "integer overflow in 'abs'");
          return Value::error();
        }
        v.i = *n;
      }
    } else {
      v.r = std::fabs(v.r);
    }
    return v;
  }
  case Builtin::Ceil:
  case Builtin::Floor:
  case Builtin::Round: {
    if (args[0].kind == Value::Int)
      return Value::integer(args[0].i);
    double x = args[0].r;
    double y = e->builtin == Builtin::Ceil    ? std::ceil(x)
               : e->builtin == Builtin::Floor ? std::floor(x)
                                              : std::round(x);
    if (auto i = toInt(y))
      return Value::integer(*i);
    error(range, format(args[0]) + " is out of the integer range");
    return Value::error();
  }
  case Builtin::Sqrt:
  case Builtin::Log2: {
    double x = args[0].asDouble();
    bool sqrtFn = e->builtin == Builtin::Sqrt;
    if (sqrtFn ? x < 0 : x <= 0) {
      error(range, "'" + spelling(e->builtin) + "' of " + format(args[0]) +
                       " is undefined");
      return Value::error();
    }
    return Value::real(sqrtFn ? std::sqrt(x) : std::log2(x));
  }
  case Builtin::Divisors: {
    auto n = intArg(0);
    if (!n)
      return Value::error();
    if (*n <= 0) {
      error(range, "'divisors' needs a positive integer, not " + format(args[0]));
      return Value::error();
    }
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
  case Builtin::Pow2: {
    const ValueList &r = args[0].elements();
    if (r.empty())
      return Value::makeList({});
    Value lo = extreme(r, false), hi = extreme(r, true);
    ValueList out;
    for (int64_t p = 1; p > 0 && double(p) <= hi.asDouble(); p *= 2) {
      if (double(p) >= lo.asDouble())
        out.push_back(Value::integer(p));
      if (p > INT64_MAX / 2)
        break;
    }
    return Value::makeList(std::move(out));
  }
  case Builtin::Clamp: {
    if (args[1].asDouble() > args[2].asDouble()) {
      error(range, "'clamp' bounds are reversed: " + format(args[1]) + " > " +
                       format(args[2]));
      return Value::error();
    }
    if (args[0].asDouble() < args[1].asDouble())
      return args[1];
    if (args[0].asDouble() > args[2].asDouble())
      return args[2];
    return args[0];
  }
  case Builtin::Sum: {
    const ValueList &vs = args[0].elements();
    Value acc = Value::integer(0, e->type.dim);
    for (const Value &v : vs) {
      if (acc.kind == Value::Int && v.kind == Value::Int) {
        auto s = checkedAdd(acc.i, v.i);
        if (!s) {
          error(range, "integer overflow in 'sum'");
          return Value::error();
        }
        acc.i = *s;
      } else {
        acc = Value::real(acc.asDouble() + v.asDouble(), e->type.dim);
      }
    }
    return acc;
  }
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
