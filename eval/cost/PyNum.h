//===- PyNum.h - A number that remembers Python's int/float type ----------===//
//
// Calculon writes a statistic as `5` or `5.0` depending on whether Python
// computed it with ints only (docs/calculon-model.md §17). The cost formulas
// are templates over their scalar type: `double` on the hot path, PyNum when
// the JSON text must match Calculon's. PyNum follows Python's rules: + - * keep
// int only if both sides are int, / always gives a float, max/min return the
// first of equal arguments, and conversions from C++ integers are ints.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_PYNUM_H
#define CALC_EVAL_COST_PYNUM_H

#include <cstdint>

namespace calc::cost {

/// A double plus "Python would hold this as an int".
struct PyNum {
  double v = 0;
  bool isInt = true;

  PyNum() = default;
  PyNum(int x) : v(x), isInt(true) {}
  PyNum(int64_t x) : v(double(x)), isInt(true) {}
  PyNum(double x) : v(x), isInt(false) {}
  static PyNum make(double x, bool isInt) {
    PyNum n(x);
    n.isInt = isInt;
    return n;
  }

  PyNum &operator+=(PyNum o) { return *this = make(v + o.v, isInt && o.isInt); }
  PyNum &operator-=(PyNum o) { return *this = make(v - o.v, isInt && o.isInt); }
  PyNum &operator*=(PyNum o) { return *this = make(v * o.v, isInt && o.isInt); }
};

inline PyNum operator+(PyNum a, PyNum b) { return a += b; }
inline PyNum operator-(PyNum a, PyNum b) { return a -= b; }
inline PyNum operator*(PyNum a, PyNum b) { return a *= b; }
inline PyNum operator/(PyNum a, PyNum b) { return PyNum(a.v / b.v); }
inline bool operator<(PyNum a, PyNum b) { return a.v < b.v; }
inline bool operator>(PyNum a, PyNum b) { return a.v > b.v; }
inline bool operator==(PyNum a, PyNum b) { return a.v == b.v; }
inline bool operator!=(PyNum a, PyNum b) { return a.v != b.v; }

/// The plain value of either scalar type.
inline double value(double x) { return x; }
inline double value(PyNum x) { return x.v; }

/// An integer-typed count stored in a double (element counts of a Layer).
template <class T> T asInt(double x);
template <> inline double asInt<double>(double x) { return x; }
template <> inline PyNum asInt<PyNum>(double x) { return PyNum::make(x, true); }

/// Python's max(a, b) / min(a, b): the first argument wins ties.
template <class T> T pyMax(T a, T b) { return b > a ? b : a; }
template <class T> T pyMin(T a, T b) { return b < a ? b : a; }

} // namespace calc::cost

#endif
