//===- ExactScale.cpp - Exact decimal scaling of unit literals ------------===//
//
// The literal's digits are multiplied as a decimal string (a few dozen digits
// at compile time, so schoolbook arithmetic is plenty) and handed to strtod
// once, which rounds correctly.
//
//===----------------------------------------------------------------------===//
#include "ir/ExactScale.h"
#include "ir/CheckedInt.h"

#include <cmath>
#include <cstdlib>
#include <string>

using namespace llvm;

namespace calc::ir {

/// Multiplies the decimal digits \p digits (most significant first) by \p m.
static void multiplyDigits(std::string &digits, uint32_t m) {
  uint64_t carry = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    uint64_t d = uint64_t(*it - '0') * m + carry;
    *it = char('0' + d % 10);
    carry = d / 10;
  }
  while (carry) {
    digits.insert(digits.begin(), char('0' + carry % 10));
    carry /= 10;
  }
}

/// Divides \p digits by \p m in place; returns whether a remainder is left.
static bool divideDigits(std::string &digits, uint32_t m) {
  uint64_t rest = 0;
  for (char &c : digits) {
    rest = rest * 10 + uint64_t(c - '0');
    c = char('0' + rest / m);
    rest %= m;
  }
  return rest != 0;
}

/// Repeats \p m \p times on \p digits, in factors that keep the carry small.
static void multiplyPower(std::string &digits, uint32_t base, int times) {
  for (; times > 0; --times)
    multiplyDigits(digits, base);
}

double scaleDecimal(StringRef literal, ExactScale scale) {
  // Split "133.8e12" into the digits "1338" and the exponent 11.
  std::string digits;
  long exponent = 0;
  size_t i = 0;
  bool fraction = false;
  for (; i < literal.size(); ++i) {
    char c = literal[i];
    if (c == '.') {
      fraction = true;
    } else if (c >= '0' && c <= '9') {
      digits += c;
      exponent -= fraction;
    } else if (c != '_') {
      break;
    }
  }
  if (i < literal.size() && (literal[i] == 'e' || literal[i] == 'E'))
    exponent += std::strtol(literal.data() + i + 1, nullptr, 10);
  if (digits.find_first_not_of('0') == std::string::npos)
    return 0;

  exponent += scale.pow10;
  if (scale.pow2 >= 0) {
    multiplyPower(digits, 2, scale.pow2);
  } else {
    multiplyPower(digits, 5, -scale.pow2); // 2^-k = 5^k * 10^-k
    exponent += scale.pow2;
  }
  multiplyPower(digits, 3, scale.pow3);
  if (scale.pow3 < 0) {
    // Carry the quotient well past double precision; a nonzero remainder
    // becomes a final 1 so that a quotient just below a rounding boundary
    // never reads as exactly on it.
    unsigned extra = 40 + unsigned(-scale.pow3);
    digits.append(extra, '0');
    exponent -= long(extra);
    bool inexact = false;
    for (int k = 0; k < -scale.pow3; ++k)
      inexact |= divideDigits(digits, 3);
    if (inexact) {
      digits += '1';
      --exponent;
    }
  }
  std::string text = digits + "e" + std::to_string(exponent);
  return std::strtod(text.c_str(), nullptr);
}

double ExactScale::value() const { return scaleDecimal("1", *this); }

Optional<int64_t> ExactScale::integer() const {
  // 10^a 2^b 3^c = 5^a 2^(a+b) 3^c is whole when no exponent is negative.
  if (pow10 < 0 || pow10 + pow2 < 0 || pow3 < 0)
    return None;
  Optional<int64_t> v = checkedPow(5, pow10);
  Optional<int64_t> two = checkedPow(2, pow10 + pow2);
  Optional<int64_t> three = checkedPow(3, pow3);
  if (!v || !two || !three || !(v = checkedMul(*v, *two)))
    return None;
  return checkedMul(*v, *three);
}

/// 10^|a| * 3^|c| for the exponents of one sign, as a double (exact while
/// the odd part 5^|a| 3^|c| stays below 2^53, which covers every unit up to
/// exa prefixes).
static double oddFactor(int pow10, int pow3) {
  return std::pow(10.0, pow10) * std::pow(3.0, pow3);
}

double ExactScale::divide(double si) const {
  double up = oddFactor(pow10 < 0 ? -pow10 : 0, pow3 < 0 ? -pow3 : 0);
  double down = oddFactor(pow10 > 0 ? pow10 : 0, pow3 > 0 ? pow3 : 0);
  double v = si;
  if (up != 1)
    v *= up;
  if (down != 1)
    v /= down;
  return std::ldexp(v, -pow2);
}

} // namespace calc::ir
