//===- NumberFormat.cpp - Display and exchange number formats -------------===//
#include "ir/NumberFormat.h"

#include "fmt/format.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace calc::ir {

/// Drops trailing zeros of a fraction ("80.00" -> "80", "0.650" -> "0.65").
static void stripFractionZeros(std::string &text) {
  if (text.find('.') == std::string::npos)
    return;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.')
    text.pop_back();
}

static std::string nonFinite(double v) {
  if (std::isnan(v))
    return "nan";
  return v < 0 ? "-inf" : "inf";
}

std::string formatSignificant(double v, unsigned digits) {
  if (!std::isfinite(v))
    return nonFinite(v);
  if (v == 0)
    return "0"; // Also -0.
  digits = std::clamp(digits, 1u, 17u);
  // The exponent after rounding to `digits` (9.9996 -> 1.000e+01) decides
  // how many decimals keep that many significant digits.
  std::string scientific = fmt::format("{:.{}e}", v, digits - 1);
  int exponent = std::atoi(scientific.c_str() + scientific.find('e') + 1);
  double magnitude = std::fabs(v);
  if (magnitude < 1e-4 || magnitude >= 1e15) {
    size_t e = scientific.find('e');
    std::string mantissa = scientific.substr(0, e);
    stripFractionZeros(mantissa);
    return mantissa + scientific.substr(e);
  }
  int decimals = std::max(0, static_cast<int>(digits) - 1 - exponent);
  std::string fixed = fmt::format("{:.{}f}", v, decimals);
  stripFractionZeros(fixed);
  return fixed == "-0" ? "0" : fixed;
}

std::string formatShortest(double v) {
  if (!std::isfinite(v))
    return nonFinite(v);
  if (v == 0)
    return "0"; // -0 prints as 0: nobody wants "-0" in a table.
  return fmt::format("{}", v);
}

std::string formatInt(int64_t v) { return fmt::format("{}", v); }

std::string countOf(uint64_t n, llvm::StringRef noun) {
  return fmt::format("{} {}{}", n, noun.str(), n == 1 ? "" : "s");
}

std::string formatInUnit(double siValue, const Unit &unit, unsigned digits) {
  std::string number = formatSignificant(unit.fromSI(siValue), digits);
  return unit.isNone() ? number : number + " " + unit.text.str();
}

std::string formatQuantity(double siValue, Dimension dim,
                           const llvm::Optional<Unit> &display,
                           unsigned digits) {
  return formatInUnit(
      siValue, display ? *display : displayUnitFor(dim, siValue), digits);
}

std::string formatQuantity(int64_t siValue, Dimension dim,
                           const llvm::Optional<Unit> &display,
                           unsigned digits) {
  Unit unit =
      display ? *display : displayUnitFor(dim, static_cast<double>(siValue));
  // Counts and exact base units keep every digit (no double rounding).
  if (unit.scale == 1.0)
    return unit.isNone() ? formatInt(siValue)
                         : formatInt(siValue) + " " + unit.text.str();
  return formatInUnit(static_cast<double>(siValue), unit, digits);
}

} // namespace calc::ir
