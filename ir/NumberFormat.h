//===- NumberFormat.h - How numbers are printed (tables, CSV, JSON) -------===//
//
// Two fixed styles, so output is byte-identical everywhere:
//  * Display (tables, `${…}` interpolation, diagnostics' values): N
//    significant digits (default 4, `--precision N`), fixed notation, trailing
//    zeros dropped, integer digits never rounded away ("686.9", "80",
//    "12346"); exponent form only for magnitudes below 1e-4 or from 1e15
//    ("1.5e-05", "2.3e+18"). Integers print in full. With a unit:
//    "80 GiB", "23.29 sample/s", "65 %".
//  * Exchange (CSV, JSON): shortest round-trip ("0.1", "80", "1e+21");
//    integers without ".0".
// nan and infinities print as "nan", "inf", "-inf" (JSON writes null).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_NUMBERFORMAT_H
#define CALC_IR_NUMBERFORMAT_H

#include "ir/Units.h"

#include "llvm/ADT/Optional.h"

#include <cstdint>
#include <string>

namespace calc::ir {

/// The default `--precision`.
inline constexpr unsigned defaultPrecision = 4;

/// \p v with \p digits significant digits (display style, no unit).
std::string formatSignificant(double v, unsigned digits = defaultPrecision);

/// Shortest text that reads back as exactly \p v (exchange style).
std::string formatShortest(double v);

/// An integer in full ("-3072").
std::string formatInt(int64_t v);

/// A count and its noun, plural unless the count is 1: "1 candidate",
/// "4488 candidates" (\p noun is the singular; the plural adds "s").
std::string countOf(uint64_t n, llvm::StringRef noun);

/// A real value given in SI base units, shown in \p unit: "80 GiB". The
/// plain-number unit gives just the number.
std::string formatInUnit(double siValue, const Unit &unit,
                         unsigned digits = defaultPrecision);

/// A value of dimension \p dim in SI base units, shown in \p display if given,
/// else in displayUnitFor(dim, siValue). This is the table cell and `${…}`
/// text.
std::string formatQuantity(double siValue, Dimension dim,
                           const llvm::Optional<Unit> &display = llvm::None,
                           unsigned digits = defaultPrecision);

/// The integer variant: a dimensionless integer without a display unit
/// prints in full ("3072"); otherwise as formatQuantity.
std::string formatQuantity(int64_t siValue, Dimension dim,
                           const llvm::Optional<Unit> &display = llvm::None,
                           unsigned digits = defaultPrecision);

} // namespace calc::ir

#endif
