//===- ExactScaleTest.cpp - Exact scaling of literals by unit factors -----===//
#include "ir/ExactScale.h"
#include "ir/Units.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace calc::ir;

namespace {

ExactScale scaleOf(llvm::StringRef unit) { return parseUnit(unit)->exact; }

TEST(ExactScaleTest, DecimalPrefixesScaleTheDigits) {
  // Each right-hand side is the double nearest to the exact value; the
  // naive products (10 * 1e-6, 133.8 * 1e12) are one ulp off.
  EXPECT_EQ(scaleDecimal("10", scaleOf("us")), 1e-5);
  EXPECT_NE(10 * 1e-6, 1e-5);
  EXPECT_EQ(scaleDecimal("133.8", scaleOf("TFLOPS")), 133.8e12);
  EXPECT_NE(133.8 * 1e12, 133.8e12);
  EXPECT_EQ(scaleDecimal("0.02", scaleOf("ms")), 2e-5);
  EXPECT_EQ(scaleDecimal("1.5e-3", scaleOf("GB/s")), 1.5e6);
  EXPECT_EQ(scaleDecimal("2.5", scaleOf("GB/ms")), 2.5e12);
  EXPECT_EQ(scaleDecimal("0", scaleOf("us")), 0);
  EXPECT_EQ(scaleDecimal("1_000", scaleOf("ns")), 1e-6);
}

TEST(ExactScaleTest, BinaryAndTimeFactors) {
  EXPECT_EQ(scaleDecimal("1.5", scaleOf("GiB")), 1.5 * 0x1p30);
  EXPECT_EQ(scaleDecimal("1", scaleOf("bit")), 0.125);
  EXPECT_EQ(scaleDecimal("0.1", scaleOf("Gbit")), 1.25e7);
  EXPECT_EQ(scaleDecimal("1.5", scaleOf("h")), 5400);
  EXPECT_EQ(scaleDecimal("0.1", scaleOf("min")), 6);
  // Dividing by 60 is not a finite decimal: still the nearest double.
  EXPECT_EQ(scaleDecimal("3", scaleOf("tok/min")), 0.05);
  EXPECT_EQ(scaleDecimal("1", scaleOf("B/h")), 1.0 / 3600);
}

TEST(ExactScaleTest, WholeFactorsAreIntegers) {
  EXPECT_EQ(scaleOf("GiB").integer(), int64_t(1) << 30);
  EXPECT_EQ(scaleOf("Gbit").integer(), int64_t(125000000));
  EXPECT_EQ(scaleOf("h").integer(), int64_t(3600));
  EXPECT_EQ(scaleOf("EB").integer(), int64_t(1000000000000000000));
  EXPECT_FALSE(scaleOf("us").integer());
  EXPECT_FALSE(scaleOf("bit").integer());
  EXPECT_FALSE(scaleOf("EiB/ns").integer()); // 2^60 * 10^9 overflows int64
  EXPECT_FALSE(scaleOf("tok/min").integer());
}

TEST(ExactScaleTest, BackToTheUnitRoundsOnce) {
  EXPECT_EQ(parseUnit("us")->fromSI(1e-5), 10);
  EXPECT_EQ(parseUnit("ms")->fromSI(2e-5), 0.02);
  EXPECT_EQ(parseUnit("TFLOPS")->fromSI(133.8e12), 133.8);
  EXPECT_EQ(parseUnit("min")->fromSI(90), 1.5);
  EXPECT_EQ(parseUnit("GiB")->fromSI(0x1p31), 2);
  EXPECT_EQ(parseUnit("Gbit/s")->fromSI(5e10), 400);
}

TEST(ExactScaleTest, CompoundScalesAreExact) {
  EXPECT_EQ(parseUnit("GB/ms")->scale, 1e12);
  EXPECT_EQ(parseUnit("kB/us")->scale, 1e9);
  EXPECT_EQ(parseUnit("tok/min")->scale, 1.0 / 60);
}

} // namespace
