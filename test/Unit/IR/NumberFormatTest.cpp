//===- NumberFormatTest.cpp - Display and exchange number formats ---------===//
#include "ir/NumberFormat.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace calc::ir;

namespace {

TEST(NumberFormatTest, SignificantDigits) {
  EXPECT_EQ(formatSignificant(686.878), "686.9");
  EXPECT_EQ(formatSignificant(23.2912), "23.29");
  EXPECT_EQ(formatSignificant(80), "80");
  EXPECT_EQ(formatSignificant(0.65), "0.65");
  EXPECT_EQ(formatSignificant(12345.6), "12346"); // Integer digits stay.
  EXPECT_EQ(formatSignificant(9.9996), "10");
  EXPECT_EQ(formatSignificant(0.000123456), "0.0001235");
  EXPECT_EQ(formatSignificant(-1.5), "-1.5");
  EXPECT_EQ(formatSignificant(0), "0");
  EXPECT_EQ(formatSignificant(-0.0), "0");
  EXPECT_EQ(formatSignificant(1.5e-5), "1.5e-05");
  EXPECT_EQ(formatSignificant(2.345678e18), "2.346e+18");
  EXPECT_EQ(formatSignificant(1e15), "1e+15");
  EXPECT_EQ(formatSignificant(999999999999999.0), "999999999999999");
  EXPECT_EQ(formatSignificant(123456789012345.0), "123456789012345");
}

TEST(NumberFormatTest, Precision) {
  EXPECT_EQ(formatSignificant(3.14159265, 2), "3.1");
  EXPECT_EQ(formatSignificant(3.14159265, 8), "3.1415927");
  EXPECT_EQ(formatSignificant(3.14159265, 0), "3"); // At least one digit.
  EXPECT_EQ(formatSignificant(0.1, 40), "0.10000000000000001"); // At most 17.
}

TEST(NumberFormatTest, NonFinite) {
  EXPECT_EQ(formatSignificant(std::nan("")), "nan");
  EXPECT_EQ(formatSignificant(INFINITY), "inf");
  EXPECT_EQ(formatShortest(-INFINITY), "-inf");
}

TEST(NumberFormatTest, Shortest) {
  EXPECT_EQ(formatShortest(0.1), "0.1");
  EXPECT_EQ(formatShortest(80.0), "80");
  EXPECT_EQ(formatShortest(2048e9), "2048000000000");
  EXPECT_EQ(formatShortest(1e21), "1e+21");
  EXPECT_EQ(formatShortest(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(formatShortest(-0.0), "0");
  EXPECT_EQ(formatShortest(5e-324), "5e-324");
  for (double v : {0.1, 1.0 / 3, 2.5e-7, 6.02214076e23, 1.7976931348623157e308})
    EXPECT_EQ(std::stod(formatShortest(v)), v);
}

TEST(NumberFormatTest, Integers) {
  EXPECT_EQ(formatInt(3072), "3072");
  EXPECT_EQ(formatInt(std::numeric_limits<int64_t>::min()),
            "-9223372036854775808");
}

TEST(NumberFormatTest, Quantities) {
  const Dimension B = Dimension::byteDim(), S = Dimension::secondDim();
  EXPECT_EQ(formatQuantity(80.0 * (1 << 30), B), "80 GiB");
  EXPECT_EQ(formatQuantity(int64_t(80) << 30, B), "80 GiB");
  EXPECT_EQ(formatQuantity(686.878 * (1 << 30), B), "686.9 GiB");
  EXPECT_EQ(formatQuantity(10e-6, S), "10 us");
  EXPECT_EQ(formatQuantity(2048e9, B / S), "2.048 TB/s");
  EXPECT_EQ(formatQuantity(23.2912, S.inverse(), parseUnit("sample/s")),
            "23.29 sample/s");
  EXPECT_EQ(formatQuantity(0.65, Dimension(), parseUnit("%")), "65 %");
  EXPECT_EQ(formatQuantity(80.0 * (1 << 30), B, parseUnit("GB")), "85.9 GB");
  EXPECT_EQ(formatQuantity(int64_t(3072), Dimension()), "3072");
  EXPECT_EQ(formatQuantity(1.5, Dimension()), "1.5");
  // Exact base units keep every digit of an integer.
  EXPECT_EQ(formatQuantity(int64_t(123456789), B, parseUnit("B")),
            "123456789 B");
  EXPECT_EQ(formatQuantity(int64_t(123456789), Dimension(), llvm::None, 2),
            "123456789");
  EXPECT_EQ(formatInUnit(1.5e9, *parseUnit("GB/s"), 3), "1.5 GB/s");
}

TEST(NumberFormatTest, CountOfAgreesWithTheNumber) {
  EXPECT_EQ(countOf(0, "candidate"), "0 candidates");
  EXPECT_EQ(countOf(1, "candidate"), "1 candidate");
  EXPECT_EQ(countOf(4488, "candidate"), "4488 candidates");
}

} // namespace
