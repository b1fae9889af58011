//===- CalcNumber.cpp - Numbers written as .calc literals, exactly --------===//
#include "eval/calculon/CalcNumber.h"

#include "eval/calculon/PyFloat.h"

#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>

using namespace calc::calculon;
using llvm::StringRef;

std::string calc::calculon::pyRepr(double value) {
  std::string text;
  llvm::raw_string_ostream os(text);
  writePyFloat(os, value);
  return os.str();
}

std::string calc::calculon::shiftDecimal(StringRef decimal, int shift) {
  // value = sign * digits * 10^exponent, digits without leading zeros.
  bool negative = decimal.consume_front("-");
  StringRef mantissa = decimal;
  int exponent = 0;
  size_t e = decimal.find_first_of("eE");
  if (e != StringRef::npos) {
    mantissa = decimal.take_front(e);
    exponent = std::atoi(decimal.drop_front(e + 1).str().c_str());
  }
  std::string digits;
  size_t dot = mantissa.find('.');
  if (dot != StringRef::npos) {
    exponent -= int(mantissa.size() - dot - 1);
    digits = mantissa.take_front(dot).str() + mantissa.drop_front(dot + 1).str();
  } else {
    digits = mantissa.str();
  }
  size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos)
    return "0";
  digits.erase(0, first);
  while (digits.size() > 1 && digits.back() == '0') {
    digits.pop_back();
    ++exponent;
  }
  exponent += shift;
  std::string out = negative ? "-" : "";
  int length = int(digits.size());
  if (exponent >= 0 && length + exponent <= 21)
    return out + digits + std::string(size_t(exponent), '0');
  if (exponent < 0 && -exponent < length)
    return out + digits.substr(0, size_t(length) - size_t(-exponent)) + "." +
           digits.substr(size_t(length) - size_t(-exponent));
  if (exponent < 0 && -exponent - length <= 4)
    return out + "0." + std::string(size_t(-exponent - length), '0') + digits;
  // Scientific: d.ddd e(exponent of the first digit).
  int leading = exponent + length - 1;
  out += digits.substr(0, 1);
  if (length > 1)
    out += "." + digits.substr(1);
  return out + "e" + std::to_string(leading);
}

double calc::calculon::languageValue(StringRef literal, UnitScale scale) {
  std::string text = literal.str();
  if (scale.decimalExponent != 0)
    text += "e" + std::to_string(scale.decimalExponent);
  double value = std::strtod(text.c_str(), nullptr);
  return std::ldexp(value, scale.binaryExponent);
}

std::string calc::calculon::exactQuantity(double si, UnitScale scale) {
  // The literal is the SI value's shortest decimal shifted into the unit:
  // exact in decimal, so it reads back as `si` unless the binary scaling
  // leaves a remainder.
  std::string literal = shiftDecimal(pyRepr(std::ldexp(si, -scale.binaryExponent)),
                                     -scale.decimalExponent);
  if (languageValue(literal, scale) != si)
    return "";
  return literal + " " + scale.unit.str();
}

double calc::calculon::jsonNumberFor(double si, double factor, bool &exact) {
  double guess = si / factor;
  exact = true;
  if (guess * factor == si)
    return guess;
  // The quotient is within an ulp or two of a number whose product is
  // `si`, when one exists: look on both sides.
  for (double direction : {INFINITY, -INFINITY}) {
    double candidate = guess;
    for (int step = 0; step < 3; ++step) {
      candidate = std::nextafter(candidate, direction);
      if (candidate * factor == si)
        return candidate;
    }
  }
  exact = false;
  return guess;
}
