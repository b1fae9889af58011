//===- CalcNumber.h - Numbers written as .calc literals, exactly ----------===//
//
// `calcc convert` writes Calculon's numbers into `.calc` and back. A value
// must read back as the same double, so literals are the shortest decimal
// that round-trips, and a unit is attached only when the language's exact
// scaling of that literal (docs/units-and-output.md) lands on the double
// Calculon computes by multiplying (`tflops * 1e12`).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_CALCNUMBER_H
#define CALC_EVAL_CALCULON_CALCNUMBER_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::calculon {

/// Python's repr() of a finite double ("0.95", "1e-05", "312.0").
std::string pyRepr(double value);

/// The decimal \p decimal (repr or integer text) times 10^\p shift, as a
/// `.calc` number literal without a needless ".0" ("1e-05", 6 -> "10").
std::string shiftDecimal(llvm::StringRef decimal, int shift);

/// How a unit scales the literal in front of it.
struct UnitScale {
  llvm::StringRef unit;     ///< "TFLOPS", "GiB", "us"
  int decimalExponent;      ///< 12 for TFLOPS; 0 with a binary unit
  int binaryExponent;       ///< 30 for GiB; 0 with a decimal unit
};

/// The value the language gives `<literal> <unit>`: the double nearest the
/// exact product.
double languageValue(llvm::StringRef literal, UnitScale scale);

/// `<literal> <unit>` for the SI value \p si when it reads back exactly;
/// otherwise an empty string.
std::string exactQuantity(double si, UnitScale scale);

/// The number Calculon's JSON must hold so that `json * factor` (its
/// reader's multiplication) is \p si; \p exact says whether one exists
/// (else the nearest is returned).
double jsonNumberFor(double si, double factor, bool &exact);

} // namespace calc::calculon

#endif
