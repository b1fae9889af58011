//===- CheckedInt.h - int64 arithmetic that reports overflow --------------===//
//
// `.calc` integers are int64 and overflow is an error
// (docs/language-reference.md §3), never wrap-around or undefined behaviour.
// These helpers return None on overflow (or a zero divisor) so the caller can
// report where it happened. `mod` is floored: the result has the divisor's sign
// (-7 mod 3 == 2).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_CHECKEDINT_H
#define CALC_IR_CHECKEDINT_H

#include "llvm/ADT/Optional.h"

#include <cstdint>

namespace calc::ir {

llvm::Optional<int64_t> checkedAdd(int64_t a, int64_t b);
llvm::Optional<int64_t> checkedSub(int64_t a, int64_t b);
llvm::Optional<int64_t> checkedMul(int64_t a, int64_t b);
llvm::Optional<int64_t> checkedNeg(int64_t a);
/// a^n for n >= 0; None on overflow or negative n.
llvm::Optional<int64_t> checkedPow(int64_t a, int64_t n);
/// Floored modulo (sign of \p b); None if b == 0.
llvm::Optional<int64_t> floorMod(int64_t a, int64_t b);
/// Floored division; None if b == 0 or on overflow (INT64_MIN / -1).
llvm::Optional<int64_t> floorDiv(int64_t a, int64_t b);

/// \p v as an int64 if it is integral and in range ("1365.33 is not an
/// integer" otherwise; the caller words the error).
llvm::Optional<int64_t> exactInt(double v);

} // namespace calc::ir

#endif
