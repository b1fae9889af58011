//===- CalcNumberTest.cpp - Literals that read back as the same double ----===//
#include "eval/calculon/CalcNumber.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace calc::calculon;

namespace {

TEST(CalcNumberTest, ShiftDecimalMovesThePointExactly) {
  EXPECT_EQ(shiftDecimal("1e-05", 6), "10");
  EXPECT_EQ(shiftDecimal("2.5e-06", 6), "2.5");
  EXPECT_EQ(shiftDecimal("312.0", 0), "312");
  EXPECT_EQ(shiftDecimal("312000000000000.0", -12), "312");
  EXPECT_EQ(shiftDecimal("0.95", 0), "0.95");
  EXPECT_EQ(shiftDecimal("-1.0", 0), "-1");
  EXPECT_EQ(shiftDecimal("0.0", 3), "0");
  EXPECT_EQ(shiftDecimal("1.5", -7), "1.5e-7");
  EXPECT_EQ(shiftDecimal("1.5e+300", 0), "1.5e300");
}

TEST(CalcNumberTest, ExactQuantityReadsBackAsTheSameDouble) {
  UnitScale tflops{"TFLOPS", 12, 0}, gib{"GiB", 0, 30}, us{"us", -6, 0};
  EXPECT_EQ(exactQuantity(312e12, tflops), "312 TFLOPS");
  EXPECT_EQ(exactQuantity(80.0 * 1073741824.0, gib), "80 GiB");
  EXPECT_EQ(exactQuantity(1e-05, us), "10 us");
  // Calculon's 133.8 * 1e12 is not the double nearest 133.8e12: the literal
  // is the product's own shortest decimal, which reads back exactly.
  double product = 133.8 * 1e12;
  ASSERT_NE(product, 133.8e12);
  std::string text = exactQuantity(product, tflops);
  EXPECT_EQ(text, "133.80000000000002 TFLOPS");
  EXPECT_EQ(languageValue("133.80000000000002", tflops), product);
}

TEST(CalcNumberTest, JsonNumberForFindsTheFactorsInverse) {
  bool exact = false;
  EXPECT_EQ(jsonNumberFor(312e12, 1e12, exact), 312.0);
  EXPECT_TRUE(exact);
  double product = 133.8 * 1e12;
  EXPECT_EQ(jsonNumberFor(product, 1e12, exact) * 1e12, product);
  EXPECT_TRUE(exact);
  // The double nearest 133.8e12 is no JSON number times 1e12.
  double nearest = 133.8e12;
  double number = jsonNumberFor(nearest, 1e12, exact);
  EXPECT_FALSE(exact);
  EXPECT_EQ(number, 133.8);
}

} // namespace
