//===- ExactScale.h - Unit factors as exact products of small primes ------===//
//
// Every unit in the closed table (docs/language-reference.md §3) is, in SI
// base units, 10^a * 2^b * 3^c: `us` is 10^-6, `GiB` 2^30, `bit` 2^-3, `min`
// 60 = 10 * 2 * 3, `h` 3600 = 10^2 * 2^2 * 3^2, and a compound unit (`GB/s`,
// `Gbit/ms`) adds and subtracts the exponents. Keeping the exponents lets a
// literal be scaled exactly: `0.02 ms` is the double nearest to 2e-5, not
// 0.02 * 0.001 rounded twice, so `20 us == 0.02 ms` and `133.8 TFLOPS ==
// 133.8e12 FLOPS` hold (docs/units-and-output.md, "Exact quantities").
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_EXACTSCALE_H
#define CALC_IR_EXACTSCALE_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>

namespace calc::ir {

/// 10^pow10 * 2^pow2 * 3^pow3.
struct ExactScale {
  int16_t pow10 = 0, pow2 = 0, pow3 = 0;

  ExactScale operator*(ExactScale o) const {
    return {int16_t(pow10 + o.pow10), int16_t(pow2 + o.pow2),
            int16_t(pow3 + o.pow3)};
  }
  ExactScale operator/(ExactScale o) const {
    return {int16_t(pow10 - o.pow10), int16_t(pow2 - o.pow2),
            int16_t(pow3 - o.pow3)};
  }
  bool operator==(ExactScale o) const {
    return pow10 == o.pow10 && pow2 == o.pow2 && pow3 == o.pow3;
  }

  /// The double nearest to the factor.
  double value() const;
  /// The factor as an int64 if it is a whole number that fits
  /// (GiB -> 2^30, GB/s -> 10^9, Gbit -> 1.25e8); None for `us`, `bit`.
  llvm::Optional<int64_t> integer() const;
  /// \p si divided by the factor, rounded once when the factor's parts are
  /// exact doubles (a value in SI base units shown in this unit).
  double divide(double si) const;
};

/// The double nearest to the decimal \p literal (as written, without `_`:
/// "10", "133.8", "1.5e-3") times \p scale. Exact for factors without a
/// negative power of three; with one (`tok/min`) the quotient is carried to
/// 40 more digits than the literal has before the single rounding.
double scaleDecimal(llvm::StringRef literal, ExactScale scale);

} // namespace calc::ir

#endif
