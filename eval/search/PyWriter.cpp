//===- PyWriter.cpp - Python json.dumps / str() layouts -------------------===//
#include "eval/search/PyWriter.h"

#include "eval/calculon/PyFloat.h"

#include <cmath>

using namespace calc;
using namespace calc::search;

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
  if (style == Style::Repr)
    strReal(os, d);
  else
    calculon::writePyFloat(os, d);
}

void PyWriter::intLike(double d) {
  item();
  if (style == Style::Repr)
    strIntLike(os, d);
  else
    calculon::writePyInt(os, d);
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
  else
    calculon::writePyFloat(os, d);
}

void PyWriter::strIntLike(llvm::raw_ostream &os, double d) {
  if (std::isfinite(d))
    calculon::writePyInt(os, d);
  else
    strReal(os, d);
}
