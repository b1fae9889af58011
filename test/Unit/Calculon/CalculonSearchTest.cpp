//===- CalculonSearchTest.cpp - loe/lae on the engine, without files ------===//
//
// Calculon's README search (turing-530B on the a100_80g system, reference
// §11.5) through the library API: counts with and without -m and with -d,
// the best plan, thread-count independence of the ranking and of lae rows.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/CalculonSearch.h"
#include "eval/cost/EvalReasons.h"

#include "test/Unit/Cost/CostFixtures.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <tuple>

using namespace calc;
using namespace calc::calculon;

namespace {

/// Every field of an execution, for comparisons.
auto fields(const cost::Execution &x) {
  return std::make_tuple(
      x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar, x.tensorParNet,
      x.pipelineParNet, x.dataParNet, x.batchSize, x.microbatchSize,
      x.datatype, x.fusedActivation, x.activationRecompute,
      x.pipelineInterleaving, x.optimizerSharding, x.tensorParCommType,
      x.tensorParOverlap, x.seqParAgRedo, x.dataParOverlap, x.weightOffload,
      x.activationsOffload, x.optimizerOffload, x.training);
}

struct ReadmeSearch : ::testing::Test {
  cost::Model model = cost::test::turing530B();
  cost::System system = cost::test::a100System();
  ExecutionSpace space;

  void SetUp() override {
    SpaceOptions o;
    o.numProcs = 5128;
    o.maxBatch = 2520;
    std::string error;
    ASSERT_TRUE(ExecutionSpace::build(model, system, o, space, error));
  }

  SearchSummary run(OptimalOptions o, std::vector<RankedExecution> &best) {
    SearchSummary summary;
    findOptimalExecutions(model, system, space, o, nullptr, best, summary);
    return summary;
  }
};

TEST_F(ReadmeSearch, CountsAndBestPlan) {
  std::vector<RankedExecution> best;
  OptimalOptions o;
  o.mbsBreak = true;
  SearchSummary s = run(o, best);
  EXPECT_EQ(s.total, 8112u);
  EXPECT_EQ(s.counts.numAccepted(), 1080u);
  EXPECT_EQ(s.counts.numRejected(), 7032u);
  EXPECT_EQ(s.counts.numRejected(unsigned(cost::EvalError::Mem1Capacity)),
            2620u);
  ASSERT_EQ(best.size(), 1u);
  const cost::Execution &x = best[0].exe;
  EXPECT_EQ(x.tensorPar, 8);
  EXPECT_EQ(x.dataPar, 641);
  EXPECT_EQ(x.batchSize, 1923);
  EXPECT_EQ(x.microbatchSize, 3);
  EXPECT_EQ(x.activationRecompute, cost::Recompute::AttnOnly);
  EXPECT_EQ(x.tensorParCommType, cost::TpCommType::RsAg);
  EXPECT_EQ(x.tensorParOverlap, cost::TpOverlap::Ring);
  EXPECT_TRUE(x.dataParOverlap && x.optimizerSharding && x.weightOffload &&
              x.activationsOffload && x.optimizerOffload);
  EXPECT_EQ(x.dataParNet, 1);
  EXPECT_EQ(best[0].stats[cost::Stat::SampleRate], 111.1604995663596);

  o.mbsBreak = false;
  EXPECT_EQ(run(o, best).total, 10944u);
  o.mbsBreak = true;
  o.debug = true;
  s = run(o, best);
  EXPECT_EQ(s.total, 7296u);
  EXPECT_EQ(s.counts.total(), 0u);
  EXPECT_TRUE(best.empty());
}

TEST_F(ReadmeSearch, RankingIndependentOfThreads) {
  std::vector<RankedExecution> one, many;
  OptimalOptions o;
  o.topN = 40;
  o.threads = 1;
  SearchSummary s1 = run(o, one);
  for (unsigned threads : {2u, 5u}) {
    o.threads = threads;
    SearchSummary s = run(o, many);
    ASSERT_EQ(many.size(), one.size());
    for (size_t i = 0; i < one.size(); ++i) {
      EXPECT_TRUE(fields(many[i].exe) == fields(one[i].exe)) << "rank " << i;
      EXPECT_EQ(many[i].stats[cost::Stat::SampleRate],
                one[i].stats[cost::Stat::SampleRate]);
    }
    for (unsigned r = 0; r < cost::NumEvalErrors; ++r)
      EXPECT_EQ(s.counts.numRejected(r), s1.counts.numRejected(r));
  }
  for (size_t i = 1; i < one.size(); ++i)
    EXPECT_GE(one[i - 1].stats[cost::Stat::SampleRate],
              one[i].stats[cost::Stat::SampleRate]);
}

TEST_F(ReadmeSearch, AllExecutionsRowsIndependentOfThreads) {
  auto rows = [&](unsigned threads, bool gzip) {
    std::string out;
    SearchSummary s;
    EXPECT_TRUE(findAllExecutions(
        model, system, space, threads, gzip, nullptr,
        [&](llvm::StringRef r) {
          out += r.str();
          return true;
        },
        s));
    EXPECT_EQ(s.total, 10944u);
    EXPECT_EQ(s.counts.numAccepted(), 1080u);
    return out;
  };
  std::string one = rows(1, false);
  EXPECT_EQ(std::count(one.begin(), one.end(), '\n'), 1080);
  EXPECT_EQ(rows(3, false), one);
  EXPECT_EQ(rows(1, true), rows(2, true));
}

TEST_F(ReadmeSearch, SinkFailureStops) {
  SearchSummary s;
  int calls = 0;
  EXPECT_FALSE(findAllExecutions(model, system, space, 2, false, nullptr,
                                 [&](llvm::StringRef) { return ++calls < 2; },
                                 s));
  EXPECT_EQ(calls, 2);
}

// Every rejection a search can count has a name of its own (the size
// guard was once reported as "unknown").
TEST(EvalReasons, EveryCheckIsNamed) {
  for (unsigned e = 1; e < unsigned(cost::EvalError::NumEvalErrors); ++e)
    EXPECT_NE(cost::evalErrorName(cost::EvalError(e)), "unknown")
        << "error " << e;
}

} // namespace
