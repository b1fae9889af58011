//===- SearchEngineTest.cpp - The engine on a language-free toy problem ---===//
//
// A problem that is not Calculon's: integers in units of 10, an input
// "where" rejecting multiples of 7 and a result "where" rejecting x mod 5 ==
// 0, ranked by a key with many ties. The engine must match a sequential
// stable sort for any thread count, and keep the first N without objective.
//
//===----------------------------------------------------------------------===//
#include "eval/search/SearchEngine.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <vector>

using namespace calc::search;

namespace {

struct ToyProblem {
  struct Candidate {
    int value = 0;
    int key = 0;
  };
  struct Worker {
    Candidate probe;
  };
  bool hasObjective = true;
  int size = 1000;

  uint64_t numUnits() const { return uint64_t(size + 9) / 10; }
  uint64_t unitsPerChunk() const { return 3; }
  unsigned numReasons() const { return 2; }
  bool better(const Candidate &a, const Candidate &b) const {
    return hasObjective && a.key > b.key;
  }
  template <class Sink>
  void runUnit(uint64_t unit, Worker &w, Sink &sink) const {
    for (int x = int(unit) * 10; x < std::min(size, int(unit) * 10 + 10);
         ++x) {
      if (x % 7 == 0) { // input where: pruned before "evaluating"
        sink.reject(0);
        continue;
      }
      w.probe.value = x;
      w.probe.key = (x * 37) % 11; // the "evaluation"
      if (x % 5 == 0) {            // result where
        sink.reject(1);
        continue;
      }
      sink.accepted(w.probe);
    }
  }
};

std::vector<int> values(const std::vector<ToyProblem::Candidate> &cs) {
  std::vector<int> out;
  out.reserve(cs.size());
  for (const auto &c : cs)
    out.push_back(c.value);
  return out;
}

TEST(SearchEngine, MatchesSequentialForAnyThreadCount) {
  ToyProblem p;
  std::vector<ToyProblem::Candidate> all;
  for (int x = 0; x < p.size; ++x)
    if (x % 7 && x % 5)
      all.push_back({x, (x * 37) % 11});
  std::stable_sort(all.begin(), all.end(),
                   [&](const auto &a, const auto &b) { return p.better(a, b); });
  all.resize(25);
  for (unsigned threads : {1u, 2u, 4u}) {
    EngineCounts counts;
    auto kept = searchTopK(p, 25, threads, nullptr, counts);
    EXPECT_EQ(values(kept), values(all)) << threads << " threads";
    EXPECT_EQ(counts.total, 1000u);
    EXPECT_EQ(counts.counts.numRejected(0), 143u); // multiples of 7 in [0, 1000)
    EXPECT_EQ(counts.counts.numRejected(1), 171u); // x%5==0, x%7!=0
    EXPECT_EQ(counts.counts.numAccepted(), 1000u - 143 - 171);
  }
}

TEST(SearchEngine, WithoutObjectiveKeepsFirstFeasible) {
  ToyProblem p;
  p.hasObjective = false;
  EngineCounts counts;
  auto kept = searchTopK(p, 6, 2, nullptr, counts);
  EXPECT_EQ(values(kept), (std::vector<int>{1, 2, 3, 4, 6, 8}));
}

TEST(SearchEngine, ProgressIsMonotonic) {
  ToyProblem p;
  uint64_t lastUnits = 0, lastCandidates = 0, lastFeasible = 0, calls = 0;
  EngineCounts counts;
  searchTopK(p, 1, 3,
             [&](uint64_t units, uint64_t candidates, uint64_t feasible) {
               EXPECT_GT(units, lastUnits);
               EXPECT_GE(candidates, lastCandidates);
               EXPECT_GE(feasible, lastFeasible);
               EXPECT_LE(feasible, candidates);
               lastUnits = units;
               lastCandidates = candidates;
               lastFeasible = feasible;
               ++calls;
             },
             counts);
  EXPECT_EQ(lastUnits, p.numUnits());
  EXPECT_EQ(lastFeasible, counts.counts.numAccepted());
  EXPECT_EQ(calls, (p.numUnits() + 2) / 3);
}

TEST(SearchEngine, EmptySpace) {
  ToyProblem p;
  p.size = 0;
  EngineCounts counts;
  EXPECT_TRUE(searchTopK(p, 3, 2, nullptr, counts).empty());
  EXPECT_EQ(counts.total, 0u);
}

} // namespace
