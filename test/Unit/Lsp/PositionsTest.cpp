//===- PositionsTest.cpp - LSP positions: UTF-16 columns, URIs ------------===//
#include "lsp/Positions.h"

#include "gtest/gtest.h"

using namespace calc::lsp;

namespace {

TEST(PositionsTest, CountsUtf16CodeUnits) {
  // 'µ' (2 bytes) is one code unit, '𝄞' (4 bytes) a surrogate pair.
  llvm::StringRef text = "a\nµ𝄞x\n";
  Position p = positionOf(text, text.find('x'));
  EXPECT_EQ(p.line, 1u);
  EXPECT_EQ(p.character, 3u);
  EXPECT_EQ(offsetOf(text, p), text.find('x'));
  EXPECT_EQ(offsetOf(text, {1, 1}), text.find("𝄞"));
}

TEST(PositionsTest, ClampsPastTheEnd) {
  llvm::StringRef text = "ab\r\ncd";
  // A character past the end of a line is its end (before "\r\n").
  EXPECT_EQ(offsetOf(text, {0, 99}), 2u);
  // A line past the end is the end of the text.
  EXPECT_EQ(offsetOf(text, {7, 0}), text.size());
  EXPECT_EQ(positionOf(text, 1000).line, 1u);
  EXPECT_EQ(positionOf(text, 1000).character, 2u);
}

TEST(PositionsTest, MalformedUtf8StillAdvances) {
  std::string text = "\x80\x80x";
  EXPECT_EQ(positionOf(text, 2).character, 2u);
  EXPECT_EQ(offsetOf(text, {0, 2}), 2u);
  // A lead byte whose sequence runs past the end stops at the end.
  EXPECT_EQ(offsetOf("\xF0", {0, 5}), 1u);
}

TEST(PositionsTest, FileUris) {
  EXPECT_EQ(uriToPath("file:///a%20b/x.calc"), "/a b/x.calc");
  EXPECT_EQ(uriToPath("file:///a/%C2%B5.calc"), "/a/µ.calc");
  EXPECT_EQ(uriToPath("untitled:Untitled-1"), "");
  EXPECT_EQ(uriToPath("file://host/x.calc"), "");
  // A '%' without two hex digits is kept as it is.
  EXPECT_EQ(uriToPath("file:///50%"), "/50%");
  EXPECT_EQ(uriToPath("file:///a%zzb"), "/a%zzb");
  EXPECT_EQ(pathToURI("/a b/µ#.calc"), "file:///a%20b/%C2%B5%23.calc");
  EXPECT_EQ(uriToPath(pathToURI("/x y/[1]%.calc")), "/x y/[1]%.calc");
}

} // namespace
