//===- GenerationFidelityTest.cpp - Worked example and published runs ----===//
//
// The generation model against (1) the hand-derived roofline example of
// Llama-2-70B on 8 H100 (docs/model.md, "Generation", worked example) and
// (2) the published serving measurements of docs/model.md's validation
// table, on stdlib's dgx_h100. The predictions are pinned so a change of
// the model shows here; none of them was used to set any constant.
//
//===----------------------------------------------------------------------===//
#include "ServingFixtures.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

/// The worked example's "pure roofline": 100 % of 989 TFLOP/s and 3.35
/// TB/s, max(compute, memory) per op, ring all-reduce at 25 µs + 2(t−1)/t
/// of the message at 364 GB/s.
System pureRoofline() {
  System s;
  const EfficiencyTable one{{{0, 1.0}}};
  unsigned fp16 = unsigned(DataType::Float16);
  s.matrix[fp16] = {true, 989e12, one};
  s.vector[fp16] = {true, 133.8e12, one};
  s.mem1 = {80e9, 3.35e12, one};
  s.mem2 = {1e12, 64e9, one};
  s.processingMode = ProcessingMode::Roofline;
  Network nvlink;
  nvlink.bandwidth = 364e9;
  nvlink.efficiency = 1;
  nvlink.size = 8;
  nvlink.latency = 25e-6;
  for (NetOpScaling &op : nvlink.ops)
    op = {1.0, -1};
  nvlink.ops[unsigned(NetOp::P2P)] = {1.0, 0};
  nvlink.ops[unsigned(NetOp::AllReduce)] = {2.0, -1};
  s.networks = {nvlink};
  return s;
}

GenerationStats run(const Model &m, const System &sys, const Serving &x) {
  GenerationStats st;
  EvalStatus status = evaluateGeneration(m, sys, x, st);
  EXPECT_TRUE(status.ok()) << int(status.error);
  return st;
}

Serving workedExample(int64_t batch) {
  Serving x;
  x.tensorPar = 8;
  x.batchSize = batch;
  x.promptSize = 2048;
  x.outputSize = 256;
  return x;
}

TEST(GenerationFidelityTest, WorkedExampleBatchOne) {
  GenerationStats st = run(llama2_70b(), pureRoofline(), workedExample(1));
  // Shapes: 17.24 GB of weights and 320 KiB of KV per token (40 KiB/GPU).
  EXPECT_NEAR(st[GenStat::WeightSpace], 17.24e9, 0.01e9);
  EXPECT_EQ(st[GenStat::KvCachePerToken] * 8, 320 * 1024);
  // Prefill: 2.86e14 flop per sequence (3.57e13 per GPU) in 36.1 ms, 160
  // all-reduces of 33.5 MB in 29.8 ms.
  EXPECT_NEAR(st[GenStat::PrefillFlops], 3.57e13, 0.01 * 3.57e13);
  EXPECT_NEAR(st[GenStat::PrefillComputeTime], 36.1e-3, 0.5e-3);
  EXPECT_NEAR(st[GenStat::PrefillTpCommTime], 29.8e-3, 0.1e-3);
  // TTFT ≈ 66 ms; the model adds ≈ 9 ms of memory-bound elementwise
  // kernels (norms, residuals, SwiGLU) that the hand derivation omits.
  EXPECT_NEAR(st[GenStat::Ttft], 66e-3 + 9e-3, 1.5e-3);
  // Decode: 5.2 ms of weights and 4.0 ms of all-reduce latency: TPOT 9.2
  // ms, E2E 66 ms + 255 × 9.2 ms ≈ 2.4 s.
  EXPECT_NEAR(st[GenStat::DecodeTpCommTime] / 255, 4.0e-3, 0.1e-3);
  EXPECT_NEAR(st[GenStat::Tpot], 9.2e-3, 0.1e-3);
  EXPECT_NEAR(st[GenStat::E2eTime], 2.4, 0.05);
}

TEST(GenerationFidelityTest, WorkedExampleBatch64) {
  GenerationStats st = run(llama2_70b(), pureRoofline(), workedExample(64));
  // Prefill of the batch: 2.31 s compute + 1.66 s all-reduce ≈ 4.0 s (the
  // model: + 0.56 s of elementwise kernels).
  EXPECT_NEAR(st[GenStat::PrefillComputeTime], 2.31, 0.03);
  EXPECT_NEAR(st[GenStat::PrefillTpCommTime], 1.66, 0.01);
  EXPECT_NEAR(st[GenStat::Ttft], 4.0 + 0.56, 0.05);
  // A decode step ≈ 11.7 ms (6.85 ms memory + 4.8 ms all-reduce); the
  // model also reads each step's activations: 12.1 ms.
  EXPECT_NEAR(st[GenStat::Tpot], 11.7e-3, 0.5e-3);
  // E2E ≈ 7.0 s, 2.36k output tok/s (model: 7.6 s, 2.15k).
  EXPECT_NEAR(st[GenStat::E2eTime], 7.0, 0.7);
  EXPECT_NEAR(st[GenStat::OutputRate], 2360, 240);
}

TEST(GenerationFidelityTest, WorkedExampleMaxBatch) {
  // 90 % of 80 GB less 3 GB of workspace, KV of 2,304 tokens per sequence:
  // about 548 sequences (continuous batching: one prompt's activations).
  System sys = pureRoofline();
  sys.mem1.capacity = 0.9 * 80e9 - 3e9;
  Serving x = workedExample(1);
  x.mode = RequestMode::Continuous;
  GenerationStats st = run(llama2_70b(), sys, x);
  EXPECT_NEAR(st[GenStat::MaxBatchSize], 548, 2);
}

/// A serving case of the validation table on dgx_h100 in FP8.
Serving fp8Tp2(int64_t batch, int64_t prompt, int64_t output) {
  Serving x;
  x.tensorPar = 2;
  x.batchSize = batch;
  x.promptSize = prompt;
  x.outputSize = output;
  x.datatype = x.kvDatatype = DataType::Float8;
  x.weightDatatype = WeightType::Float8;
  return x;
}

/// |predicted / measured − 1|.
double error(double predicted, double measured) {
  return std::abs(predicted / measured - 1);
}

TEST(GenerationFidelityTest, P4Llama2StaticBatch) {
  // TensorRT-LLM 0.9.0: 1,011 output tok/s/GPU.
  GenerationStats st = run(llama2_70b(), dgxH100(), fp8Tp2(64, 2048, 2048));
  EXPECT_NEAR(st[GenStat::OutputRatePerProc], 1145.2, 0.5);
  EXPECT_LT(error(st[GenStat::OutputRatePerProc], 1011), 0.25);
}

TEST(GenerationFidelityTest, P5Llama3Concurrency1) {
  // NIM 1.8.0: TTFT 406.77 ms, inter-token latency 18.58 ms.
  Serving x = fp8Tp2(1, 5000, 500);
  x.mode = RequestMode::Continuous;
  GenerationStats st = run(llama3_3_70b(), dgxH100(), x);
  EXPECT_NEAR(st[GenStat::Ttft], 338.68e-3, 0.05e-3);
  EXPECT_NEAR(st[GenStat::Tpot], 14.175e-3, 0.005e-3);
  EXPECT_LT(error(st[GenStat::Ttft], 406.77e-3), 0.30);
  EXPECT_LT(error(st[GenStat::Tpot], 18.58e-3), 0.30);
}

TEST(GenerationFidelityTest, P6MixtralStaticBatch) {
  // TensorRT-LLM 0.9.0: 1,317 output tok/s/GPU.
  GenerationStats st = run(mixtral8x7b(), dgxH100(), fp8Tp2(32, 2048, 2048));
  EXPECT_NEAR(st[GenStat::OutputRatePerProc], 1144.2, 0.5);
  EXPECT_LT(error(st[GenStat::OutputRatePerProc], 1317), 0.25);
}

TEST(GenerationFidelityTest, P6bMixtralFirstToken) {
  // TensorRT-LLM 0.9.0: 89.5 ms. The model predicts 39.6 ms, outside the
  // ±30 % gate (docs/model.md discusses why); pinned, not gated.
  GenerationStats st = run(mixtral8x7b(), dgxH100(), fp8Tp2(1, 2048, 1));
  EXPECT_NEAR(st[GenStat::Ttft], 39.60e-3, 0.01e-3);
}

} // namespace
