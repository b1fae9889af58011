//===- PyWriter.cpp - Python json.dumps / str() layouts -------------------===//
#include "eval/calculon/PyWriter.h"

#include "eval/calculon/PyFloat.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

using namespace calc;
using namespace calc::calculon;

void PyWriter::newline(unsigned depth) {
  if (style != Style::JsonIndented)
    return;
  os << '\n';
  os.indent(2 * depth);
}

void PyWriter::item() {
  if (afterKey) {
    afterKey = false;
    return;
  }
  if (nonEmpty.empty())
    return;
  if (nonEmpty.back())
    os << (style == Style::JsonIndented ? "," : ", ");
  nonEmpty.back() = true;
  newline(nonEmpty.size());
}

void PyWriter::open(char c) {
  item();
  os << c;
  nonEmpty.push_back(false);
}

void PyWriter::close(char c) {
  bool hadItems = nonEmpty.back();
  nonEmpty.pop_back();
  if (hadItems)
    newline(nonEmpty.size());
  os << c;
}

void PyWriter::key(llvm::StringRef name) {
  item();
  quoted(name);
  os << ": ";
  afterKey = true;
}

void PyWriter::quoted(llvm::StringRef s) {
  // Keys and values here are identifiers: no escaping is ever needed.
  char quote = style == Style::Repr ? '\'' : '"';
  os << quote << s << quote;
}

void PyWriter::string(llvm::StringRef s) {
  item();
  quoted(s);
}

void PyWriter::boolean(bool b) {
  item();
  if (style == Style::Repr)
    os << (b ? "True" : "False");
  else
    os << (b ? "true" : "false");
}

void PyWriter::integer(int64_t i) {
  item();
  os << i;
}

void PyWriter::real(double d) {
  item();
  if (style == Style::Repr || std::isfinite(d))
    strReal(os, d);
  else
    calculon::writePyFloat(os, d); // NaN, Infinity
}

size_t PyWriter::formatFloat(double d, char *buf) {
  // Shortest round-trip digits in scientific form: "-d.ddde+XX".
  char sci[32];
  char *end = std::to_chars(sci, sci + sizeof(sci), d,
                            std::chars_format::scientific)
                  .ptr;
  char *e = std::find(sci, end, 'e');
  int exponent = 0;
  std::from_chars(e + (e[1] == '+' ? 2 : 1), end, exponent);
  char digits[24];
  size_t n = 0;
  for (char *p = sci + (sci[0] == '-'); p < e; ++p)
    if (*p != '.')
      digits[n++] = *p;
  char *out = buf;
  if (sci[0] == '-')
    *out++ = '-';
  // repr is positional for 1e-4 <= |x| < 1e16 (Python float_repr_style).
  if (exponent < -4 || exponent >= 16) {
    *out++ = digits[0];
    if (n > 1) {
      *out++ = '.';
      out = std::copy(digits + 1, digits + n, out);
    }
    *out++ = 'e';
    *out++ = exponent < 0 ? '-' : '+';
    int a = std::abs(exponent);
    if (a < 10)
      *out++ = '0';
    out = std::to_chars(out, out + 4, a).ptr;
    return size_t(out - buf);
  }
  if (exponent < 0) {
    *out++ = '0';
    *out++ = '.';
    out = std::fill_n(out, -exponent - 1, '0');
    out = std::copy(digits, digits + n, out);
    return size_t(out - buf);
  }
  size_t intDigits = size_t(exponent) + 1;
  if (n <= intDigits) {
    out = std::copy(digits, digits + n, out);
    out = std::fill_n(out, intDigits - n, '0');
    *out++ = '.';
    *out++ = '0';
    return size_t(out - buf);
  }
  out = std::copy(digits, digits + intDigits, out);
  *out++ = '.';
  out = std::copy(digits + intDigits, digits + n, out);
  return size_t(out - buf);
}

void PyWriter::intLike(double d) {
  item();
  if (style == Style::Repr || std::isfinite(d))
    strIntLike(os, d);
  else
    calculon::writePyInt(os, d); // NaN, Infinity
}

void PyWriter::null() {
  item();
  os << (style == Style::Repr ? "None" : "null");
}

void PyWriter::strReal(llvm::raw_ostream &os, double d) {
  if (std::isnan(d))
    os << "nan";
  else if (std::isinf(d))
    os << (d > 0 ? "inf" : "-inf");
  else {
    char buf[32];
    os.write(buf, formatFloat(d, buf));
  }
}

void PyWriter::strIntLike(llvm::raw_ostream &os, double d) {
  // Integral values up to 2^53 print as ints, as calculon::writePyInt does.
  if (std::isfinite(d) && std::floor(d) == d &&
      std::fabs(d) <= 9007199254740992.0)
    os << static_cast<int64_t>(d);
  else
    strReal(os, d);
}
