//===- CheckedInt.cpp - Overflow-checked int64 arithmetic -----------------===//
#include "ir/CheckedInt.h"

#include "llvm/Support/MathExtras.h"

#include <cmath>
#include <limits>

using llvm::None;
using llvm::Optional;

namespace calc::ir {

Optional<int64_t> checkedAdd(int64_t a, int64_t b) {
  int64_t r;
  if (llvm::AddOverflow(a, b, r))
    return None;
  return r;
}

Optional<int64_t> checkedSub(int64_t a, int64_t b) {
  int64_t r;
  if (llvm::SubOverflow(a, b, r))
    return None;
  return r;
}

Optional<int64_t> checkedMul(int64_t a, int64_t b) {
  int64_t r;
  if (llvm::MulOverflow(a, b, r))
    return None;
  return r;
}

Optional<int64_t> checkedNeg(int64_t a) { return checkedSub(0, a); }

Optional<int64_t> checkedPow(int64_t a, int64_t n) {
  if (n < 0)
    return None;
  // Square-and-multiply; every step is checked, so no intermediate wraps.
  int64_t result = 1, base = a;
  while (n > 0) {
    if (n & 1) {
      Optional<int64_t> r = checkedMul(result, base);
      if (!r)
        return None;
      result = *r;
    }
    n >>= 1;
    if (n > 0) {
      Optional<int64_t> sq = checkedMul(base, base);
      if (!sq)
        return None;
      base = *sq;
    }
  }
  return result;
}

Optional<int64_t> floorMod(int64_t a, int64_t b) {
  if (b == 0)
    return None;
  if (b == -1)
    return 0; // a % -1 would overflow for INT64_MIN.
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

Optional<int64_t> floorDiv(int64_t a, int64_t b) {
  if (b == 0 || (b == -1 && a == std::numeric_limits<int64_t>::min()))
    return None;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0)))
    --q;
  return q;
}

Optional<int64_t> exactInt(double v) {
  // [-2^63, 2^63) is exactly the doubles that fit in an int64.
  if (!std::isfinite(v) || v != std::floor(v) || v < -0x1p63 || v >= 0x1p63)
    return None;
  return static_cast<int64_t>(v);
}

} // namespace calc::ir
