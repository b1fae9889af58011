//===- Value.h - Runtime values of .calc ----------------------------------===//
//
// A Value is what an expression evaluates to: an int64 or double quantity
// (in base units, with its dimension and display unit), a bool, a string, an
// entity instance, a list or a step table. Error is the poison value of a
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
#include <string>
#include <vector>

namespace calc::eval {
class Instance;
}

namespace calc::ir {

struct Value;
using ValueList = std::vector<Value>;

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
  const ValueList &elements() const;
};

} // namespace calc::ir

#endif
