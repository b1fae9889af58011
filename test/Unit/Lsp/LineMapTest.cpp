//===- LineMapTest.cpp - Lines an edit left alone, old <-> new ------------===//
#include "lsp/LineMap.h"

#include "gtest/gtest.h"

using namespace calc::lsp;

namespace {

TEST(LineMapTest, LinesBeforeAndAfterAnInsertion) {
  llvm::StringRef oldText = "a\nbb\ncc\n";
  llvm::StringRef newText = "a\nxx(\nyy\nbb\ncc\n";
  LineMap map(oldText, newText);
  // Line 0 is shared as it was; lines 1-2 are new; "bb" moved from 1 to 3.
  EXPECT_EQ(map.toOld(newText.find('a')), oldText.find('a'));
  EXPECT_EQ(map.toOld(newText.find("xx") + 1), llvm::None);
  EXPECT_EQ(map.toOld(newText.find("bb") + 1), oldText.find("bb") + 1);
  EXPECT_EQ(map.toOld(newText.find("cc")), oldText.find("cc"));
  EXPECT_EQ(map.lineToNew(0), 0u);
  EXPECT_EQ(map.lineToNew(1), 3u);
  EXPECT_EQ(map.lineToNew(2), 4u);
  EXPECT_EQ(map.lineToNew(9), llvm::None);
}

TEST(LineMapTest, AnEditedLineIsUnknownBothWays) {
  LineMap map("a\nb c\nd\n", "a\nb (c\nd\n");
  EXPECT_EQ(map.toOld(3), llvm::None); // In "b (c".
  EXPECT_EQ(map.lineToNew(1), llvm::None);
  EXPECT_EQ(map.lineToNew(2), 2u);
}

TEST(LineMapTest, RepeatedLinesAreNotPairedTwice) {
  // Three equal lines become two: the prefix and the suffix may not overlap,
  // so exactly one old line is unknown.
  LineMap map("x\nx\nx", "x\nx");
  EXPECT_EQ(map.lineToNew(0), 0u);
  EXPECT_EQ(map.lineToNew(1), 1u);
  EXPECT_EQ(map.lineToNew(2), llvm::None);
}

TEST(LineMapTest, RangesMoveOrAreRefused) {
  LineMap map("a\nb\nc\n", "a\nnew\nb\nc\n");
  llvm::json::Object moved{
      {"start", llvm::json::Object{{"line", 1}, {"character", 0}}},
      {"end", llvm::json::Object{{"line", 2}, {"character", 1}}}};
  ASSERT_TRUE(map.rangeToNew(moved));
  EXPECT_EQ(moved.getObject("start")->getInteger("line").getValueOr(-1), 2);
  EXPECT_EQ(moved.getObject("end")->getInteger("line").getValueOr(-1), 3);
  // From before the edit to after it: the text between changed.
  llvm::json::Object spanning{
      {"start", llvm::json::Object{{"line", 0}, {"character", 0}}},
      {"end", llvm::json::Object{{"line", 1}, {"character", 1}}}};
  EXPECT_FALSE(map.rangeToNew(spanning));
  EXPECT_EQ(spanning.getObject("end")->getInteger("line").getValueOr(-1), 1);
  llvm::json::Object malformed{{"start", 3}};
  EXPECT_FALSE(map.rangeToNew(malformed));
}

} // namespace
