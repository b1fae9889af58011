//===- DimensionTest.cpp - Dimension arithmetic and spelling --------------===//
#include "ir/Dimension.h"

#include "gtest/gtest.h"

using namespace calc::ir;

namespace {

const Dimension B = Dimension::byteDim(), S = Dimension::secondDim(),
                F = Dimension::flopDim(), One;

TEST(DimensionTest, Spelling) {
  EXPECT_EQ(One.str(), "[1]");
  EXPECT_EQ(B.str(), "[B]");
  EXPECT_EQ((B / S).str(), "[B/s]");
  EXPECT_EQ((F / S).str(), "[flop/s]");
  EXPECT_EQ(S.inverse().str(), "[1/s]");
  EXPECT_EQ((B * B).str(), "[B^2]");
  EXPECT_EQ((B * F / (S * S)).str(), "[B*flop/s^2]");
  EXPECT_EQ((One / (B * S)).str(), "[1/(B*s)]");
  EXPECT_EQ((F / B).unitText(), "flop/B");
  EXPECT_EQ(One.unitText(), "1");
}

TEST(DimensionTest, Arithmetic) {
  EXPECT_TRUE(One.isDimensionless());
  EXPECT_TRUE((B / B).isDimensionless());
  EXPECT_EQ(B / S * S, B);
  EXPECT_NE(B, B / S);
  EXPECT_EQ(B.bytesExponent(), 1);
  EXPECT_EQ((F / S).secondsExponent(), -1);
  EXPECT_EQ((F / S).flopsExponent(), 1);
}

TEST(DimensionTest, Pow) {
  EXPECT_EQ(*B.pow(2), B * B);
  EXPECT_EQ(*(B / S).pow(-1), S / B);
  EXPECT_EQ(*B.pow(0), One);
  EXPECT_EQ(*One.pow(1000000), One); // Dimensionless stays so.
  EXPECT_FALSE(B.pow(65));
  EXPECT_FALSE(B.pow(INT64_MIN));
  EXPECT_TRUE(B.pow(64));
}

} // namespace
