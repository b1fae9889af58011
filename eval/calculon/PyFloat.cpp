//===- PyFloat.cpp - Numbers written the way Python's json writes them ----===//
#include "eval/calculon/PyFloat.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>

using namespace calc::calculon;

void calc::calculon::writePyFloat(llvm::raw_ostream &os, double value) {
  if (std::isnan(value)) {
    os << "NaN";
    return;
  }
  if (std::isinf(value)) {
    os << (value > 0 ? "Infinity" : "-Infinity");
    return;
  }
  // Shortest round-trip digits in scientific form: "d.ddde+XX".
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), value,
                           std::chars_format::scientific);
  *res.ptr = '\0';
  char *e = std::strchr(buf, 'e');
  int exponent = std::atoi(e + 1);
  *e = '\0';
  bool negative = buf[0] == '-';
  std::string digits;
  for (char *p = buf + negative; *p; ++p)
    if (*p != '.')
      digits += *p;
  if (negative)
    os << '-';
  // repr uses fixed notation for 1e-4 <= |x| < 1e16 (Python float_repr_style).
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      os << "0." << std::string(size_t(-exponent - 1), '0') << digits;
      return;
    }
    size_t intDigits = size_t(exponent) + 1;
    if (digits.size() <= intDigits) {
      os << digits << std::string(intDigits - digits.size(), '0') << ".0";
      return;
    }
    os << digits.substr(0, intDigits) << '.' << digits.substr(intDigits);
    return;
  }
  os << digits[0];
  if (digits.size() > 1)
    os << '.' << digits.substr(1);
  char exp[16];
  std::snprintf(exp, sizeof(exp), "e%c%02d", exponent < 0 ? '-' : '+',
                std::abs(exponent));
  os << exp;
}

void calc::calculon::writePyInt(llvm::raw_ostream &os, double value) {
  if (std::isfinite(value) && std::floor(value) == value &&
      std::fabs(value) <= 9007199254740992.0) {
    os << static_cast<int64_t>(value);
    return;
  }
  writePyFloat(os, value);
}
