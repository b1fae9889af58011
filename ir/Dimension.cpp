//===- Dimension.cpp - Dimension arithmetic and spelling ------------------===//
#include "ir/Dimension.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdlib>

namespace calc::ir {

llvm::Optional<Dimension> Dimension::pow(int64_t n) const {
  auto scaled = [n](int e, int &out) {
    if (e != 0 && (n > maxExponent || n < -maxExponent))
      return false;
    int64_t r = static_cast<int64_t>(e) * n;
    if (r > maxExponent || r < -maxExponent)
      return false;
    out = static_cast<int>(r);
    return true;
  };
  Dimension result;
  if (!scaled(bytes, result.bytes) || !scaled(seconds, result.seconds) ||
      !scaled(flops, result.flops))
    return llvm::None;
  return result;
}

/// "B", "B^2": one base unit with the magnitude of its exponent.
static std::string term(const char *name, int exponent) {
  int magnitude = std::abs(exponent);
  std::string text = name;
  if (magnitude != 1)
    text += "^" + std::to_string(magnitude);
  return text;
}

std::string Dimension::unitText() const {
  // Written order B, flop, s: "B/s", "flop/s", "B*flop/s^2".
  const std::pair<const char *, int> parts[] = {
      {"B", bytes}, {"flop", flops}, {"s", seconds}};
  llvm::SmallVector<std::string, 3> numerator, denominator;
  for (const auto &[name, exponent] : parts) {
    if (exponent > 0)
      numerator.push_back(term(name, exponent));
    else if (exponent < 0)
      denominator.push_back(term(name, exponent));
  }
  auto join = [](llvm::ArrayRef<std::string> terms) {
    std::string text;
    for (const std::string &t : terms)
      text += (text.empty() ? "" : "*") + t;
    return text;
  };
  std::string text = numerator.empty() ? "1" : join(numerator);
  if (denominator.size() == 1)
    text += "/" + denominator.front();
  else if (denominator.size() > 1)
    text += "/(" + join(denominator) + ")";
  return text;
}

} // namespace calc::ir
