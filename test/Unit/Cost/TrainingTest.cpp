//===- TrainingTest.cpp - Batch-level results and rejections --------------===//
#include "eval/cost/Training.h"
#include "test/Unit/Cost/CostFixtures.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

using namespace calc::cost;

namespace {

// Reference §16.1, bit for bit.
TEST(Training, ReadmeExampleMatchesCalculon) {
  System sys = test::a100System();
  Workspace ws;
  Stats s;
  ASSERT_TRUE(
      evaluateTraining(test::megatron1T(), sys, test::readmeExecution(), ws, s)
          .ok());
  EXPECT_EQ(s[Stat::BlockFwFlops], 32648923709440.0);
  EXPECT_EQ(s[Stat::BlockReFlops], 247033579438080.0); // quirk §15.1
  EXPECT_EQ(s[Stat::BlockFwTime], 0.12094093517948717);
  EXPECT_EQ(s[Stat::FwTime], 15.480439702974358);
  EXPECT_EQ(s[Stat::BwTime], 30.347478398643418);
  EXPECT_EQ(s[Stat::BubbleTime], 65.08289603820307);
  EXPECT_EQ(s[Stat::PpCommLinkTime], 0.5990832355555555);
  EXPECT_EQ(s[Stat::DpCommExposedTime], 0.6991670755555556);
  EXPECT_EQ(s[Stat::ActCheckpointSize], 53687091200);
  EXPECT_EQ(s[Stat::ProcMemTier1CapReq], 85420663466.66667);
  EXPECT_EQ(s[Stat::TotalTime], 131.9006167973935);
  EXPECT_EQ(s[Stat::SampleRate], 23.290262582462056);
}

TEST(Training, MultiQueryEndOfGqa) {
  System sys = test::a100System();
  Model mq = test::megatron1T();
  mq.kvHeads = 1;
  Workspace ws;
  Stats s;
  ASSERT_TRUE(evaluateTraining(mq, sys, test::readmeExecution(), ws, s).ok());
  // K and V are d wide and replicated: 2 * (h*d) fewer weights than MHA's
  // 2 * h*(a*d/t) per rank.
  Stats mha;
  ASSERT_TRUE(evaluateTraining(test::megatron1T(), sys, test::readmeExecution(),
                               ws, mha)
                  .ok());
  double diff = mha[Stat::BlockWeightSpace] - s[Stat::BlockWeightSpace];
  EXPECT_EQ(diff, 2.0 * 2 * 25600 * (6400 - 160));
}

TEST(Training, GroupedQueryAttentionAndSwiGlu) {
  System sys = test::a100System();
  sys.mem1.capacity = 1e15; // SwiGLU's extra weights overflow 80 GiB here
  Workspace ws;
  Stats mha, gqa, swiglu;
  Model m = test::megatron1T();
  ASSERT_TRUE(evaluateTraining(m, sys, test::readmeExecution(), ws, mha).ok());
  m.kvHeads = 8; // 2 KV heads per TP rank: K and V are 320 wide
  ASSERT_TRUE(evaluateTraining(m, sys, test::readmeExecution(), ws, gqa).ok());
  EXPECT_EQ(mha[Stat::BlockWeightSpace] - gqa[Stat::BlockWeightSpace],
            2.0 * 2 * 25600 * (6400 - 320));
  EXPECT_LT(gqa[Stat::TotalTime], mha[Stat::TotalTime]);
  m.kvHeads = 160;
  m.mlpType = MlpType::SwiGlu; // one more h x f/t projection per rank
  ASSERT_TRUE(
      evaluateTraining(m, sys, test::readmeExecution(), ws, swiglu).ok());
  EXPECT_EQ(swiglu[Stat::BlockWeightSpace] - mha[Stat::BlockWeightSpace],
            2.0 * 25600 * 25600);
  EXPECT_GT(swiglu[Stat::BlockFwFlops], mha[Stat::BlockFwFlops]);
}

TEST(Training, RejectionsCarryTheirNumbers) {
  System sys = test::a100System();
  Workspace ws;
  Stats s;
  Execution x = test::readmeExecution();
  x.numProcs = 3000;
  EvalStatus st = evaluateTraining(test::megatron1T(), sys, x, ws, s);
  EXPECT_EQ(st.error, EvalError::ProcsMismatch);
  EXPECT_FALSE(isCandidateRejection(st.error));
  x = test::readmeExecution();
  x.microbatchSize = 8; // doubles the activations: HBM overflows
  st = evaluateTraining(test::megatron1T(), sys, x, ws, s);
  EXPECT_EQ(st.error, EvalError::Mem1Capacity);
  EXPECT_TRUE(isCandidateRejection(st.error));
  std::string msg;
  llvm::raw_string_ostream os(msg);
  renderStatus(st, os);
  EXPECT_EQ(os.str().rfind("Mem tier1 needs ", 0), 0u);
  EXPECT_NE(os.str().find("but only has 80.000 GiB"), std::string::npos);
}

// calcc refuses plans whose counts leave the exact double range (Calculon,
// in Python ints, would cost them), but only after Calculon's own network
// and shape checks, so a plan Calculon rejects keeps Calculon's reason.
TEST(Training, SizeGuardComesAfterCalculonsChecks) {
  System sys = test::a100System();
  Workspace ws;
  Stats s;
  Execution x = test::readmeExecution();
  x.microbatchSize = 256; // 4*b*s*h*(2*ff) = 1.1e16 > 2^53
  EvalStatus st = evaluateTraining(test::megatron1T(), sys, x, ws, s);
  EXPECT_EQ(st.error, EvalError::SizeOverflow);
  std::string msg;
  llvm::raw_string_ostream os(msg);
  renderStatus(st, os);
  EXPECT_NE(os.str().find("exceed 2^53"), std::string::npos);
  x.tensorPar = 16; // more than the 8 processors of network 0
  x.pipelinePar = 16;
  st = evaluateTraining(test::megatron1T(), sys, x, ws, s);
  EXPECT_EQ(st.error, EvalError::NetworkTooSmall);
}

} // namespace
