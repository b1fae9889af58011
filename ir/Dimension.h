//===- Dimension.h - Physical dimensions of .calc values ------------------===//
//
// A dimension is a vector of integer exponents over the three base dimensions
// of docs/language-reference.md §3: bytes (B), seconds (s) and floating-point
// operations (flop). Everything else (counts, tok, sample, %) is dimensionless.
// Dimensions are checked by Sema before anything runs, and printed in
// diagnostics as "[B]", "[B/s]", "[flop/s]", "[1/s]", "[1]".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_DIMENSION_H
#define CALC_IR_DIMENSION_H

#include "llvm/ADT/Optional.h"

#include <cstdint>
#include <string>

namespace calc::ir {

/// Integer exponents of B, s and flop. A small value type: copy it freely.
class Dimension {
public:
  /// Exponents beyond this make pow() fail (no real quantity needs them).
  static constexpr int maxExponent = 64;

  constexpr Dimension() = default;
  constexpr Dimension(int bytes, int seconds, int flops)
      : bytes(bytes), seconds(seconds), flops(flops) {}

  static constexpr Dimension dimensionless() { return {}; }
  static constexpr Dimension byteDim() { return {1, 0, 0}; }
  static constexpr Dimension secondDim() { return {0, 1, 0}; }
  static constexpr Dimension flopDim() { return {0, 0, 1}; }

  int bytesExponent() const { return bytes; }
  int secondsExponent() const { return seconds; }
  int flopsExponent() const { return flops; }
  bool isDimensionless() const { return !bytes && !seconds && !flops; }

  Dimension operator*(Dimension o) const {
    return {bytes + o.bytes, seconds + o.seconds, flops + o.flops};
  }
  Dimension operator/(Dimension o) const {
    return {bytes - o.bytes, seconds - o.seconds, flops - o.flops};
  }
  Dimension inverse() const { return {-bytes, -seconds, -flops}; }
  /// This dimension to the power \p n; None if an exponent would exceed
  /// maxExponent in magnitude.
  llvm::Optional<Dimension> pow(int64_t n) const;

  bool operator==(Dimension o) const {
    return bytes == o.bytes && seconds == o.seconds && flops == o.flops;
  }
  bool operator!=(Dimension o) const { return !(*this == o); }

  /// The base-unit spelling without brackets: "B", "B/s", "flop/s", "1/s",
  /// "B^2", "B*flop/s^2", "1/(B*s)"; "1" when dimensionless. Numerator and
  /// denominator list B, flop, s in that order.
  std::string unitText() const;
  /// unitText() in brackets, for diagnostics: "[B/s]", "[1]".
  std::string str() const { return "[" + unitText() + "]"; }

private:
  int bytes = 0;
  int seconds = 0;
  int flops = 0;
};

} // namespace calc::ir

#endif
