//===- CheckedIntTest.cpp - Overflow-checked int64 arithmetic -------------===//
#include "ir/CheckedInt.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>

using namespace calc::ir;

namespace {

constexpr int64_t Max = std::numeric_limits<int64_t>::max();
constexpr int64_t Min = std::numeric_limits<int64_t>::min();

TEST(CheckedIntTest, AddSubMulNeg) {
  EXPECT_EQ(*checkedAdd(2, 3), 5);
  EXPECT_FALSE(checkedAdd(Max, 1));
  EXPECT_FALSE(checkedAdd(Min, -1));
  EXPECT_EQ(*checkedSub(Min + 1, 1), Min);
  EXPECT_FALSE(checkedSub(Min, 1));
  EXPECT_EQ(*checkedMul(-4, 5), -20);
  EXPECT_FALSE(checkedMul(int64_t(1) << 32, int64_t(1) << 31));
  EXPECT_FALSE(checkedMul(Min, -1));
  EXPECT_EQ(*checkedNeg(Max), -Max);
  EXPECT_FALSE(checkedNeg(Min));
}

TEST(CheckedIntTest, Pow) {
  EXPECT_EQ(*checkedPow(2, 10), 1024);
  EXPECT_EQ(*checkedPow(2, 62), int64_t(1) << 62);
  EXPECT_FALSE(checkedPow(2, 63));
  EXPECT_EQ(*checkedPow(-2, 63), Min);
  EXPECT_EQ(*checkedPow(7, 0), 1);
  EXPECT_EQ(*checkedPow(0, 0), 1);
  EXPECT_EQ(*checkedPow(-1, Max), -1);
  EXPECT_FALSE(checkedPow(10, 19));
  EXPECT_FALSE(checkedPow(2, -1));
}

TEST(CheckedIntTest, FlooredModAndDiv) {
  EXPECT_EQ(*floorMod(7, 3), 1);
  EXPECT_EQ(*floorMod(-7, 3), 2);
  EXPECT_EQ(*floorMod(7, -3), -2);
  EXPECT_EQ(*floorMod(-7, -3), -1);
  EXPECT_EQ(*floorMod(6, 3), 0);
  EXPECT_EQ(*floorMod(Min, -1), 0);
  EXPECT_FALSE(floorMod(1, 0));
  EXPECT_EQ(*floorDiv(7, 2), 3);
  EXPECT_EQ(*floorDiv(-7, 2), -4);
  EXPECT_EQ(*floorDiv(7, -2), -4);
  EXPECT_EQ(*floorDiv(-8, 2), -4);
  EXPECT_FALSE(floorDiv(1, 0));
  EXPECT_FALSE(floorDiv(Min, -1));
}

TEST(CheckedIntTest, ExactInt) {
  EXPECT_EQ(*exactInt(3072.0), 3072);
  EXPECT_EQ(*exactInt(-0.0), 0);
  EXPECT_FALSE(exactInt(1365.33));
  EXPECT_FALSE(exactInt(NAN));
  EXPECT_FALSE(exactInt(INFINITY));
  EXPECT_FALSE(exactInt(0x1p63));
  EXPECT_EQ(*exactInt(-0x1p63), Min);
}

} // namespace
