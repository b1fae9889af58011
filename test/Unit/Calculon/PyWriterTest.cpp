//===- PyWriterTest.cpp - Python layouts of search outputs ----------------===//
#include "eval/calculon/PyWriter.h"

#include "eval/calculon/PyFloat.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <random>
#include <string>

using namespace calc;
using namespace calc::calculon;

namespace {

std::string fast(double d) {
  char buf[32];
  return std::string(buf, PyWriter::formatFloat(d, buf));
}

std::string reference(double d) {
  std::string s;
  llvm::raw_string_ostream os(s);
  calculon::writePyFloat(os, d);
  return os.str();
}

TEST(PyWriter, FloatReprKnownValues) {
  EXPECT_EQ(fast(0.0), "0.0");
  EXPECT_EQ(fast(-0.0), "-0.0");
  EXPECT_EQ(fast(1e-05), "1e-05");
  EXPECT_EQ(fast(0.0001), "0.0001");
  EXPECT_EQ(fast(5767168000.0), "5767168000.0");
  EXPECT_EQ(fast(1.2e16), "1.2e+16");
  EXPECT_EQ(fast(1e16), "1e+16");
  EXPECT_EQ(fast(9999999999999998.0), "9999999999999998.0");
  EXPECT_EQ(fast(111.1604995663596), "111.1604995663596");
  EXPECT_EQ(fast(1.5e-300), "1.5e-300");
}

/// The allocation-free formatter agrees with the reference one everywhere.
TEST(PyWriter, FloatReprMatchesReference) {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 200000; ++i) {
    uint64_t bits = rng();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    if (!std::isfinite(d))
      continue;
    ASSERT_EQ(fast(d), reference(d)) << bits;
    double scaled = double(rng() % 100000000) * std::pow(10.0, int(rng() % 40) - 20);
    ASSERT_EQ(fast(scaled), reference(scaled));
  }
}

TEST(PyWriter, Layouts) {
  auto render = [](PyWriter::Style style) {
    std::string s;
    llvm::raw_string_ostream os(s);
    PyWriter w(os, style);
    w.beginObject();
    w.key("a");
    w.beginList();
    w.beginObject();
    w.key("name");
    w.string("x");
    w.key("v");
    w.real(1.0);
    w.endObject();
    w.endList();
    w.key("b");
    w.boolean(true);
    w.key("c");
    w.null();
    w.key("d");
    w.beginObject();
    w.endObject();
    w.key("e");
    w.intLike(3.0);
    w.endObject();
    return os.str();
  };
  EXPECT_EQ(render(PyWriter::Style::JsonIndented),
            "{\n  \"a\": [\n    {\n      \"name\": \"x\",\n      \"v\": 1.0\n"
            "    }\n  ],\n  \"b\": true,\n  \"c\": null,\n  \"d\": {},\n"
            "  \"e\": 3\n}");
  EXPECT_EQ(render(PyWriter::Style::JsonCompact),
            "{\"a\": [{\"name\": \"x\", \"v\": 1.0}], \"b\": true, \"c\": "
            "null, \"d\": {}, \"e\": 3}");
  EXPECT_EQ(render(PyWriter::Style::Repr),
            "{'a': [{'name': 'x', 'v': 1.0}], 'b': True, 'c': None, 'd': {}, "
            "'e': 3}");
}

TEST(PyWriter, NonFiniteSpellings) {
  std::string s;
  llvm::raw_string_ostream os(s);
  PyWriter::strReal(os, INFINITY);
  os << ' ';
  PyWriter::strReal(os, -INFINITY);
  os << ' ';
  PyWriter::strReal(os, NAN);
  os << ' ';
  PyWriter json(os, PyWriter::Style::JsonCompact);
  json.real(INFINITY);
  EXPECT_EQ(os.str(), "inf -inf nan Infinity");
}

} // namespace
