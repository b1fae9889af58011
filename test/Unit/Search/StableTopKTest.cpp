//===- StableTopKTest.cpp - Per-chunk top-k merged in chunk order ---------===//
#include "eval/search/ChunkRunner.h"
#include "eval/search/ReasonCounts.h"
#include "eval/search/StableTopK.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <random>
#include <vector>

using namespace calc::search;

namespace {

struct Item {
  int score;
  int index; ///< enumeration position, not used for ranking
};
struct HigherScore {
  bool operator()(const Item &a, const Item &b) const {
    return a.score > b.score;
  }
};
using Top = StableTopK<Item, HigherScore>;

std::vector<int> indices(const Top &top) {
  std::vector<int> out;
  for (const Item &i : top.items())
    out.push_back(i.index);
  return out;
}

TEST(StableTopK, TiesKeepEnumerationOrder) {
  Top top(3);
  int scores[] = {5, 7, 7, 5, 7, 9};
  for (int i = 0; i < 6; ++i)
    top.insert({scores[i], i});
  EXPECT_EQ(indices(top), (std::vector<int>{5, 1, 2}));
}

TEST(StableTopK, CapacityAndWouldKeep) {
  Top top(2);
  EXPECT_TRUE(top.wouldKeep({1, 0}));
  top.insert({3, 0});
  top.insert({2, 1});
  EXPECT_FALSE(top.wouldKeep({2, 2})); // a tie with the last never enters
  EXPECT_TRUE(top.wouldKeep({4, 3}));
  EXPECT_FALSE(top.insert({1, 4}));
  EXPECT_TRUE(top.insert({4, 5}));
  EXPECT_EQ(indices(top), (std::vector<int>{5, 0}));
}

/// Splitting the sequence into chunks at any points and merging in chunk
/// order gives the sequential result (stable sort, cut to k).
TEST(StableTopK, ChunkMergeEqualsSequential) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 400; ++trial) {
    // Small lists, and lists longer than the input (slot reuse, no cut).
    size_t k = trial % 2 ? 1 + rng() % 6 : 1 + rng() % 80, n = rng() % 60;
    std::vector<Item> items;
    for (size_t i = 0; i < n; ++i)
      items.push_back({int(rng() % 5), int(i)});
    std::vector<Item> sorted = items;
    std::stable_sort(sorted.begin(), sorted.end(), HigherScore());
    sorted.resize(std::min(k, sorted.size()));

    Top merged(k), chunk(k);
    for (size_t i = 0; i < n;) {
      size_t len = 1 + rng() % 9;
      chunk.reset(k);
      for (size_t j = i; j < std::min(n, i + len); ++j)
        chunk.insert(items[j]);
      merged.mergeLater(chunk);
      i += len;
    }
    std::vector<int> want;
    want.reserve(sorted.size());
    for (const Item &i : sorted)
      want.push_back(i.index);
    ASSERT_EQ(indices(merged), want) << "trial " << trial;
  }
}

TEST(ReasonCounts, CountsAndMostFrequent) {
  ReasonCounts a(4), b(4);
  a.accept();
  a.reject(2);
  a.reject(3);
  b.reject(3);
  b.reject(1);
  b.accept();
  a.add(b);
  EXPECT_EQ(a.numAccepted(), 2u);
  EXPECT_EQ(a.numRejected(), 4u);
  EXPECT_EQ(a.numRejected(3), 2u);
  EXPECT_EQ(a.total(), 6u);
  EXPECT_EQ(a.mostFrequent(), 3u);
  ReasonCounts none(4);
  EXPECT_EQ(none.mostFrequent(), 4u);
  a.reset(2);
  EXPECT_EQ(a.total(), 0u);
}

/// Chunks are consumed in order whatever the thread count, and a consumer
/// returning false stops the run.
TEST(ChunkRunner, InOrderForAnyThreadCount) {
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    std::vector<size_t> seen;
    bool ok = runChunksInOrder<std::vector<size_t>>(
        100, threads,
        [](size_t chunk, unsigned worker, std::vector<size_t> &out) {
          out.assign(chunk % 7, chunk);
        },
        [&](size_t chunk, std::vector<size_t> &out) {
          EXPECT_EQ(out.size(), chunk % 7);
          seen.push_back(chunk);
          return true;
        });
    EXPECT_TRUE(ok);
    ASSERT_EQ(seen.size(), 100u);
    for (size_t i = 0; i < seen.size(); ++i)
      EXPECT_EQ(seen[i], i);
  }
}

TEST(ChunkRunner, ConsumerStops) {
  for (unsigned threads : {1u, 4u}) {
    size_t consumed = 0;
    bool ok = runChunksInOrder<int>(
        1000, threads, [](size_t, unsigned, int &out) { out = 1; },
        [&](size_t chunk, int &) {
          ++consumed;
          return chunk < 10;
        });
    EXPECT_FALSE(ok);
    EXPECT_EQ(consumed, 11u);
  }
}

} // namespace
