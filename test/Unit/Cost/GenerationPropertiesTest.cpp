//===- GenerationPropertiesTest.cpp - How generation costs move ----------===//
//
// Monotonicity and scaling properties of the generation model on stdlib's
// dgx_h100: longer prompts cost TTFT, larger batches raise TPOT and
// throughput, TP cuts TPOT and PP does not, replicas multiply throughput,
// MoE steps reach more experts as the batch grows.
//
//===----------------------------------------------------------------------===//
#include "ServingFixtures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

GenerationStats run(const Model &m, const Serving &x) {
  GenerationStats st;
  EvalStatus status = evaluateGeneration(m, dgxH100(), x, st);
  EXPECT_TRUE(status.ok()) << int(status.error);
  return st;
}

Serving llamaFp8(int64_t t, int64_t batch, int64_t prompt, int64_t output) {
  Serving x;
  x.tensorPar = t;
  x.batchSize = batch;
  x.promptSize = prompt;
  x.outputSize = output;
  x.datatype = x.kvDatatype = DataType::Float8;
  x.weightDatatype = WeightType::Float8;
  return x;
}

TEST(GenerationPropertiesTest, PromptRaisesTtft) {
  double last = 0;
  for (int64_t prompt : {1, 128, 1024, 4096, 16384}) {
    double ttft = run(llama2_70b(), llamaFp8(4, 1, prompt, 2))[GenStat::Ttft];
    EXPECT_GT(ttft, last) << prompt;
    last = ttft;
  }
}

TEST(GenerationPropertiesTest, BatchRaisesTpotAndThroughput) {
  double tpot = 0, rate = 0;
  for (int64_t batch : {1, 4, 16, 64}) {
    GenerationStats st = run(llama2_70b(), llamaFp8(4, batch, 512, 256));
    EXPECT_GT(st[GenStat::Tpot], tpot) << batch;
    EXPECT_GT(st[GenStat::OutputRate], rate) << batch;
    tpot = st[GenStat::Tpot];
    rate = st[GenStat::OutputRate];
  }
}

TEST(GenerationPropertiesTest, OutputRaisesDecodeTime) {
  double last = 0;
  for (int64_t output : {2, 3, 100, 1000, 4000}) {
    GenerationStats st = run(llama2_70b(), llamaFp8(4, 8, 512, output));
    EXPECT_GT(st[GenStat::DecodeTime], last);
    last = st[GenStat::DecodeTime];
    // TPOT grows with the mean context.
  }
  EXPECT_LT(run(llama2_70b(), llamaFp8(4, 8, 512, 100))[GenStat::Tpot],
            run(llama2_70b(), llamaFp8(4, 8, 512, 4000))[GenStat::Tpot]);
}

TEST(GenerationPropertiesTest, KvCacheLinearInBatch) {
  double one =
      run(llama2_70b(), llamaFp8(4, 1, 512, 256))[GenStat::KvCacheSpace];
  double many =
      run(llama2_70b(), llamaFp8(4, 37, 512, 256))[GenStat::KvCacheSpace];
  EXPECT_DOUBLE_EQ(many, 37 * one);
}

TEST(GenerationPropertiesTest, TensorParallelCutsTpot) {
  double last = 1e9;
  for (int64_t t : {2, 4, 8}) {
    double tpot = run(llama2_70b(), llamaFp8(t, 1, 1024, 64))[GenStat::Tpot];
    EXPECT_LT(tpot, last) << t;
    last = tpot;
  }
}

TEST(GenerationPropertiesTest, PipelineDoesNotCutTpot) {
  // Batch 1: one micro-batch crosses every stage, plus the hops. Batch 64:
  // two micro-batches of 32 keep both stages busy, each stage re-reading
  // its weights per micro-batch: a round costs about what p = 1 does.
  Serving x = llamaFp8(2, 1, 1024, 64);
  double flat = run(llama2_70b(), x)[GenStat::Tpot];
  x.pipelinePar = 2;
  x.pipelineParNet = 1;
  EXPECT_GT(run(llama2_70b(), x)[GenStat::Tpot], flat);
  x = llamaFp8(2, 64, 1024, 64);
  double flat64 = run(llama2_70b(), x)[GenStat::Tpot];
  x.pipelinePar = 2;
  x.pipelineParNet = 1;
  GenerationStats pp = run(llama2_70b(), x);
  EXPECT_GT(pp[GenStat::Tpot], 0.8 * flat64);
  EXPECT_EQ(pp[GenStat::PipelineMicrobatches], 2);
  EXPECT_GT(pp[GenStat::DecodePpCommTime], 0);
}

TEST(GenerationPropertiesTest, ReplicasMultiplyThroughput) {
  Serving x = llamaFp8(2, 16, 512, 128);
  GenerationStats one = run(llama2_70b(), x);
  x.dataPar = 4;
  GenerationStats four = run(llama2_70b(), x);
  EXPECT_EQ(four[GenStat::NumProcs], 8);
  EXPECT_DOUBLE_EQ(four[GenStat::OutputRate], one[GenStat::OutputRate]);
  EXPECT_DOUBLE_EQ(four[GenStat::TotalOutputRate],
                   4 * one[GenStat::OutputRate]);
  EXPECT_DOUBLE_EQ(four[GenStat::OutputRatePerProc],
                   one[GenStat::OutputRate] / 2);
}

TEST(GenerationPropertiesTest, MoeReachesMoreExpertsWithBatch) {
  double last = 0;
  for (int64_t batch : {1, 2, 4, 16, 64}) {
    Serving x = llamaFp8(2, batch, 512, 16);
    GenerationStats st = run(mixtral8x7b(), x);
    double touched = st[GenStat::DecodeExpertsTouched];
    EXPECT_GT(touched, last);
    EXPECT_LE(touched, 8);
    last = touched;
  }
  EXPECT_EQ(
      run(llama2_70b(), llamaFp8(2, 4, 512, 16))[GenStat::DecodeExpertsTouched],
      0);
}

TEST(GenerationPropertiesTest, ExpertParallelAllToAll) {
  Serving x = llamaFp8(2, 8, 512, 64);
  GenerationStats tp = run(mixtral8x7b(), x);
  EXPECT_EQ(tp[GenStat::DecodeEpCommTime], 0);
  x.expertPar = 2;
  GenerationStats ep = run(mixtral8x7b(), x);
  EXPECT_GT(ep[GenStat::DecodeEpCommTime], 0);
  EXPECT_GT(ep[GenStat::PrefillEpCommTime], 0);
  // Experts move between ranks, their bytes per processor do not.
  EXPECT_DOUBLE_EQ(ep[GenStat::WeightSpace], tp[GenStat::WeightSpace]);
}

TEST(GenerationPropertiesTest, DeepSeekLatentCache) {
  // 61 blocks × (512 + 64) × 2 bytes = 70,272 B per token, on every rank.
  Serving x;
  x.tensorPar = 8;
  x.expertPar = 8;
  x.datatype = DataType::BFloat16;
  x.kvDatatype = DataType::BFloat16;
  GenerationStats st;
  evaluateGeneration(deepseekV3(), dgxH100(), x, st); // 1.3 TB: no fit
  EXPECT_DOUBLE_EQ(st[GenStat::KvCachePerToken], 70272);
}

TEST(GenerationPropertiesTest, RandomPlansAreSane) {
  // Any plan either fails a check or yields finite, non-negative
  // statistics with TTFT <= E2E and, when accepted, a fitting memory need.
  std::mt19937 rng(11);
  auto pick = [&](std::initializer_list<int64_t> v) {
    return *(v.begin() + std::uniform_int_distribution<size_t>(
                             0, v.size() - 1)(rng));
  };
  const Model models[] = {llama2_70b(), mixtral8x7b(), deepseekV3(),
                          llama3_3_70b()};
  unsigned accepted = 0;
  for (unsigned trial = 0; trial < 600; ++trial) {
    Serving x;
    x.tensorPar = pick({1, 2, 4, 8});
    x.pipelinePar = pick({1, 2, 3, 4, 8});
    x.pipelineParNet = 1;
    x.expertPar = pick({1, 1, 2, 8});
    x.dataPar = pick({1, 3});
    x.batchSize = pick({1, 2, 7, 64, 300});
    x.promptSize = pick({1, 17, 2048, 30000});
    x.outputSize = pick({1, 2, 129, 4096});
    x.mode = trial % 2 ? RequestMode::Continuous : RequestMode::StaticBatch;
    x.datatype = x.kvDatatype = DataType(pick({0, 1, 2}));
    x.weightDatatype = WeightType(pick({0, 1, 2, 3}));
    const Model &m = models[trial % 4];
    GenerationStats st;
    EvalStatus status = evaluateGeneration(m, dgxH100(), x, st);
    if (!status.ok() && status.error != EvalError::Mem1Capacity)
      continue;
    accepted += status.ok();
    for (unsigned i = 0; i < NumGenStats; ++i) {
      EXPECT_TRUE(std::isfinite(st.values[i]) && st.values[i] >= 0)
          << genStatKey(GenStat(i)).str() << " trial " << trial;
    }
    EXPECT_LE(st[GenStat::Ttft], st[GenStat::E2eTime]);
    EXPECT_GT(st[GenStat::OutputRate], 0);
    if (status.ok())
      EXPECT_GE(st[GenStat::MaxBatchSize], double(x.batchSize));
    else
      EXPECT_LT(st[GenStat::MaxBatchSize], double(x.batchSize));
  }
  EXPECT_GT(accepted, 50u);
}

} // namespace
