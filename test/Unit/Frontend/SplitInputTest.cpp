//===- SplitInputTest.cpp - --split-input-file keeps line numbers ---------===//
#include "frontend/SplitInput.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace llvm;

namespace {

std::vector<std::string> split(StringRef text) {
  auto buffer = MemoryBuffer::getMemBuffer(text, "in.calc");
  std::vector<std::string> chunks;
  for (auto &chunk : splitInputFile(*buffer)) {
    EXPECT_EQ(chunk->getBufferIdentifier(), "in.calc");
    chunks.push_back(chunk->getBuffer().str());
  }
  return chunks;
}

TEST(SplitInputTest, NoMarkerIsOneChunk) {
  EXPECT_EQ(split("a\nb\n"), std::vector<std::string>{"a\nb\n"});
  EXPECT_EQ(split(""), std::vector<std::string>{""});
}

TEST(SplitInputTest, ChunksKeepTheirLineNumbers) {
  auto chunks = split("a\n// -----\nb\nc\n  // -----  \nd");
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(chunks[0], "a\n");
  EXPECT_EQ(chunks[1], "\n\nb\nc\n");  // b stays on line 3.
  EXPECT_EQ(chunks[2], "\n\n\n\n\nd"); // d stays on line 6.
}

TEST(SplitInputTest, MarkerMustBeTheWholeLine) {
  auto chunks = split("x // ----- y\n// ------\n//-----\n");
  EXPECT_EQ(chunks.size(), 1u);
}

TEST(SplitInputTest, ProcessVisitsEveryChunkEvenAfterFailure) {
  std::vector<std::string> seen;
  bool ok = processSplitInput(
      MemoryBuffer::getMemBuffer("1\n// -----\n2\n// -----\n3\n", "in.calc"),
      true, [&](std::unique_ptr<MemoryBuffer> chunk) {
        seen.push_back(chunk->getBuffer().trim().str());
        return seen.size() != 2;
      });
  EXPECT_FALSE(ok);
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "2", "3"}));

  seen.clear();
  ok = processSplitInput(
      MemoryBuffer::getMemBuffer("1\n// -----\n2\n", "in.calc"), false,
      [&](std::unique_ptr<MemoryBuffer> chunk) {
        seen.push_back(chunk->getBuffer().str());
        return true;
      });
  EXPECT_TRUE(ok);
  EXPECT_EQ(seen, std::vector<std::string>{"1\n// -----\n2\n"});
}

} // namespace
