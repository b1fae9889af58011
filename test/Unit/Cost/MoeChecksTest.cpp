//===- MoeChecksTest.cpp - Every mixture-of-experts and MLA check ---------===//
//
// Each new EvalError of docs/model.md §11 "Checks" with its numbers and its
// message, and that a dense model ignores the expert fields of its plan.
//
//===----------------------------------------------------------------------===//
#include "test/Unit/Cost/MoeFixtures.h"

#include <gtest/gtest.h>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

/// Evaluates a change of the tiny MoE model or plan and returns the status.
template <class F> EvalStatus rejected(F change) {
  Model m = tinyMoe();
  Execution x = tinyExe();
  change(m, x);
  Workspace ws;
  Stats s;
  return evaluateTraining(m, unitSystem(), x, ws, s);
}

TEST(Moe, Checks) {
  using M = Model;
  using X = Execution;
  EvalStatus st = rejected([](M &m, X &x) { x.expertPar = 3; });
  EXPECT_EQ(st.error, EvalError::ExpertsNotDivisible);
  EXPECT_EQ(message(st), "experts 8 are not divisible by expert_par 3");
  st = rejected([](M &m, X &x) { m.topK = 9; });
  EXPECT_EQ(st.error, EvalError::BadTopK);
  EXPECT_EQ(message(st), "top_k 9 must be between 1 and experts 8");
  EXPECT_EQ(rejected([](M &m, X &x) { m.topK = 0; }).error, EvalError::BadTopK);
  st = rejected([](M &m, X &x) { x.expertTensorPar = 4; });
  EXPECT_EQ(st.error, EvalError::ExpertGridMismatch);
  EXPECT_EQ(message(st), "expert_tensor_par * expert_par (4 * 4) does not "
                         "divide tensor_par * data_par (1 * 8)");
  st = rejected([](M &m, X &x) { m.capacityFactor = -1; });
  EXPECT_EQ(st.error, EvalError::NegativeCapacityFactor);
  EXPECT_EQ(message(st), "capacity_factor must not be negative, got -1");
  st = rejected([](M &m, X &x) { x.expertImbalance = 0.5; });
  EXPECT_EQ(st.error, EvalError::ExpertImbalanceBelowOne);
  EXPECT_EQ(message(st), "expert_imbalance must be at least 1, got 0.5");
  st = rejected([](M &m, X &x) { m.kvLoraRank = 512; });
  EXPECT_EQ(st.error, EvalError::MlaFieldsWithoutMla);
  EXPECT_EQ(message(st), "'kv_lora_rank' is set but the model's attention is "
                         "not latent (mla)");
  st = rejected([](M &m, X &x) {
    m.attention = AttentionKind::Mla;
    m.vHeadDim = 64;
  });
  EXPECT_EQ(st.error, EvalError::BadMlaField);
  EXPECT_EQ(st.a, int64_t(MlaField::KvLoraRank));
  st = rejected([](M &m, X &x) { x.expertParNet = 2; });
  EXPECT_EQ(st.error, EvalError::ExpertNetworkIndex);
  EXPECT_EQ(message(st),
            "expert_par_net 2 is not a network index (the system has 2 "
            "networks)");
  st = rejected([](M &m, X &x) { x.expertParNet = -1; }); // tier 1: fits
  EXPECT_TRUE(st.ok()) << message(st);
  st = rejected([](M &m, X &x) {
    m.experts = 16;
    x.expertPar = 16;
    x.numProcs = 16;
    x.dataPar = 16;
    x.batchSize = 16;
  });
  EXPECT_EQ(st.error, EvalError::ExpertNetworkTooSmall);
  EXPECT_TRUE(isCandidateRejection(st.error));
  EXPECT_EQ(message(st), "Network tier0 isn't big enough for the expert group "
                         "(16 processors of expert_tensor_par * expert_par, "
                         "size 8)");
  st = rejected([](M &m, X &x) { m.expertFeedforward = 0; });
  EXPECT_EQ(st.error, EvalError::BadMoeField);
  EXPECT_EQ(message(st), "'expert_feedforward' is out of range, got 0");
  st = rejected([](M &m, X &x) { m.denseBlocks = 4; });
  EXPECT_EQ(message(st), "'dense_blocks' is out of range, got 4 (must be in "
                         "0..num_blocks-1)");
  EXPECT_EQ(rejected([](M &m, X &x) { m.sharedExperts = -1; }).a,
            int64_t(MoeField::SharedExperts));
  EXPECT_EQ(rejected([](M &m, X &x) { x.expertPar = 0; }).a,
            int64_t(MoeField::ExpertPar));
  EXPECT_EQ(rejected([](M &m, X &x) { m.experts = -2; }).a,
            int64_t(MoeField::Experts));
  st = rejected([](M &m, X &x) {
    m.expertFeedforward = 2047;
    x.expertPar = 2;
    x.expertTensorPar = 2;
  });
  EXPECT_EQ(st.error, EvalError::ExpertFeedforwardNotDivisible);
  EXPECT_EQ(message(st),
            "We should split expert width=2047 between 2 partitions evenly");
  st = rejected([](M &m, X &x) {
    x.tensorPar = 2;
    x.dataPar = 4;
    m.seqSize = 255;
  });
  EXPECT_EQ(st.error, EvalError::BatchSeqNotDivisible);
}

// A dense model ignores the expert fields of its plan.
TEST(Moe, DenseModelsIgnoreExpertFields) {
  Model m = tinyMoe();
  m.experts = 0;
  Execution x = tinyExe();
  Eval plain(m, x);
  x.expertPar = 3;
  x.expertParNet = 7;
  Eval odd(m, x);
  ASSERT_TRUE(odd.st.ok());
  EXPECT_EQ(plain.s[Stat::TotalTime], odd.s[Stat::TotalTime]);
  EXPECT_EQ(odd.s[ExtStat::MoeA2aTime], 0.0);
  EXPECT_EQ(odd.s[ExtStat::TotalParams], odd.s[ExtStat::ActiveParams]);
}

} // namespace
