//===- Value.h - Runtime values of .calc ----------------------------------===//
//
// A Value is what an expression evaluates to: an int64 or double quantity
// (in base units, with its dimension and display unit), a bool, a string, an
// entity instance, a list or a step table. A list made by a range (`1..8`)
// keeps only its bounds (RangeSeq): its elements are computed when read, so
// `1..10000000` costs nothing until something walks it (docs/limits.md).
// Error is the poison value of a
// failed evaluation: its diagnostic has been reported already, and every
// consumer propagates it silently (no cascades).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_VALUE_H
#define CALC_IR_VALUE_H

#include "ir/Dimension.h"
#include "ir/Units.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace calc::eval {
class Instance;
}

namespace calc::ir {

struct Value;
using ValueList = std::vector<Value>;
struct RangeSeq;

/// One runtime value. Cheap to copy (aggregates are shared, immutable).
struct Value {
  enum Kind : unsigned char { Error, Int, Real, Bool, String, Object, List, Steps };

  Kind kind = Error;
  bool b = false;
  int64_t i = 0;
  double r = 0;
  Dimension dim;
  Unit unit; ///< Display unit (none: automatic).
  std::shared_ptr<const std::string> str;
  eval::Instance *object = nullptr; ///< Owned by the Evaluator.
  std::shared_ptr<const ValueList> list; ///< List; Steps: k0, v0, k1, v1, …
  std::shared_ptr<const RangeSeq> range; ///< A List kept as its bounds.

  static Value error() { return Value(); }
  static Value integer(int64_t v, Dimension d = Dimension()) {
    Value x;
    x.kind = Int;
    x.i = v;
    x.dim = d;
    return x;
  }
  static Value real(double v, Dimension d = Dimension()) {
    Value x;
    x.kind = Real;
    x.r = v;
    x.dim = d;
    return x;
  }
  static Value boolean(bool v) {
    Value x;
    x.kind = Bool;
    x.b = v;
    return x;
  }
  static Value string(std::string s) {
    Value x;
    x.kind = String;
    x.str = std::make_shared<const std::string>(std::move(s));
    return x;
  }
  static Value makeList(ValueList elems, Kind kind = List) {
    Value x;
    x.kind = kind;
    x.list = std::make_shared<const ValueList>(std::move(elems));
    return x;
  }
  static Value makeRange(const RangeSeq &seq);
  static Value makeObject(eval::Instance *inst) {
    Value x;
    x.kind = Object;
    x.object = inst;
    return x;
  }

  bool isError() const { return kind == Error; }
  bool isNumber() const { return kind == Int || kind == Real; }
  /// The numeric value as a double (ints converted).
  double asDouble() const { return kind == Int ? double(i) : r; }
  llvm::StringRef getString() const { return str ? llvm::StringRef(*str) : ""; }
  /// A List or Steps: its number of elements (a range's from its bounds).
  uint64_t size() const;
  /// Element \p i < size() (a range's computed, without allocating).
  Value at(uint64_t i) const;
  bool isRange() const { return range != nullptr; }
  /// The stored elements. A range is materialized on first use and kept:
  /// callers that may see a long range use size() and at() instead.
  const ValueList &elements() const;
};

/// The elements of `lo..hi by step`: first + k * step for k < count, all of
/// one dimension and display unit; integers when first and step are.
struct RangeSeq {
  bool ints = true;
  int64_t firstI = 0, stepI = 1;
  double firstR = 0, stepR = 1;
  uint64_t count = 0;
  Dimension dim;
  Unit unit;

  Value at(uint64_t k) const {
    // In unsigned arithmetic: k * step may exceed int64 when first is
    // negative, while the element itself fits.
    Value v = ints ? Value::integer(int64_t(uint64_t(firstI) +
                                            uint64_t(k) * uint64_t(stepI)),
                                    dim)
                   : Value::real(firstR + double(k) * stepR, dim);
    v.unit = unit;
    return v;
  }
  Value last() const { return at(count - 1); }

  /// Filled by Value::elements() on first use.
  mutable std::once_flag materializeOnce;
  mutable ValueList materialized;
};

} // namespace calc::ir

#endif
