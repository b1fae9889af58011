//===- NamesTest.cpp - Names made from file names -------------------------===//
#include "frontend/Names.h"

#include "gtest/gtest.h"

using namespace calc;

namespace {

TEST(NamesTest, ValidNamesAreIdentifiersThatAreNotReserved) {
  EXPECT_TRUE(isValidName("megatron_1t"));
  EXPECT_TRUE(isValidName("_x"));
  // Contextual keywords may name things.
  EXPECT_TRUE(isValidName("model"));
  EXPECT_FALSE(isValidName("search"));
  EXPECT_FALSE(isValidName("within"));
  EXPECT_FALSE(isValidName("1t"));
  EXPECT_FALSE(isValidName("a-b"));
  EXPECT_FALSE(isValidName(""));
}

TEST(NamesTest, NameFromTextLowersAndReplaces) {
  EXPECT_EQ(nameFromText("megatron-1T", "model"), "megatron_1t");
  EXPECT_EQ(nameFromText("3072_t4_p64", "execution"), "execution_3072_t4_p64");
  EXPECT_EQ(nameFromText("search", "model"), "model_search");
  EXPECT_EQ(nameFromText("h100 80g.v2", "system"), "h100_80g_v2");
}

} // namespace
