//===- GenerationTest.cpp - Hand-computed generation costs ----------------===//
//
// Each formula of docs/model.md "Generation" at least once on a small model
// (tinyModel) and a machine whose efficiencies are all 1 (flatSystem), so
// every expected value below is arithmetic on the model's numbers.
//
//===----------------------------------------------------------------------===//
#include "ServingFixtures.h"

#include "eval/cost/GenerationModel.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

// tinyModel: h 1024, a 8, d 128, g 2, f 4096 GeLU, L 4; fp16 everywhere.
constexpr double h = 1024, a = 8, d = 128, g = 2, f = 4096, L = 4, e = 2;

Serving tinyServing(int64_t batch, int64_t prompt, int64_t output) {
  Serving x;
  x.batchSize = batch;
  x.promptSize = prompt;
  x.outputSize = output;
  return x;
}

GenerationStats evaluate(const Model &m, const System &sys, const Serving &x) {
  GenerationStats st;
  EvalStatus status = evaluateGeneration(m, sys, x, st);
  EXPECT_TRUE(status.ok()) << int(status.error);
  return st;
}

TEST(GenerationTest, PrefillFlops) {
  // B = 2 prompts of S = 16 tokens: T = 32 tokens per block.
  double B = 2, S = 16, T = B * S;
  double norms = 2 * 9 * T * h + 2 * T * h;        // 2 norms, 2 residuals
  double qkv = 2 * T * h * (a + 2 * g) * d;        // fused Q, K, V
  double out = 2 * T * a * d * h;                  // output projection
  double causal = B * 4 * a * d * S * (S + 1) / 2; // QK^T and AV, causal
  double mlp = 2 * (2 * T * h * f) + 8 * T * f;    // two GEMMs and GeLU
  GenerationStats st = evaluate(
      tinyModel(), flatSystem(ProcessingMode::Roofline), tinyServing(2, 16, 1));
  EXPECT_DOUBLE_EQ(st[GenStat::PrefillFlops],
                   L * (norms + qkv + out + causal + mlp));
  EXPECT_EQ(st[GenStat::DecodeTime], 0);
  EXPECT_EQ(st[GenStat::Tpot], 0);
}

TEST(GenerationTest, DecodeBytesSumOverContexts) {
  // B = 1, S_in = 16, S_out = 4: three decode steps at contexts 17, 18, 19.
  double T = 1, kvToken = 2 * g * d * e; // K and V of one token, one block
  double P1 = h * (a + 2 * g) * d, P2 = a * d * h, P3 = h * f;
  double perStep = 2 * (2 * T * h * e + h * e) + 2 * 3 * T * h * e // vector
                   + P1 * e + T * (h + (a + 2 * g) * d) * e        // QKV
                   + P2 * e + T * (a * d + h) * e                  // output
                   + 2 * (P3 * e + T * (h + f) * e)                // MLP
                   + 2 * T * f * e;                                // GeLU
  double kv = 0;
  for (double c : {17.0, 18.0, 19.0}) // read c tokens, write one, q and o
    kv += T * (kvToken * c + kvToken + 2 * a * d * e);
  GenerationStats st = evaluate(
      tinyModel(), flatSystem(ProcessingMode::Roofline), tinyServing(1, 16, 4));
  EXPECT_DOUBLE_EQ(st[GenStat::DecodeMemAccessed], L * (3 * perStep + kv));
  EXPECT_DOUBLE_EQ(st[GenStat::KvCachePerToken], L * kvToken);
  EXPECT_DOUBLE_EQ(st[GenStat::KvCacheSpace], L * (16 + 4) * kvToken);
}

TEST(GenerationTest, DecodeTimeNoOverlap) {
  // No overlap, efficiency 1: a step is Σ flops/peak + bytes/bw over ops.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::NoOverlap);
  GenerationStats one = evaluate(m, sys, tinyServing(1, 16, 2));
  GenerationStats two = evaluate(m, sys, tinyServing(1, 16, 3));
  // The second step differs only by one more context token of attention:
  // 4·a·d flops on the matrix engine, kvToken bytes on mem1, per block.
  double extra = L * (4 * a * d / 1e12 + 2 * g * d * e / 1e11);
  double step1 = one[GenStat::DecodeTime];
  EXPECT_NEAR(two[GenStat::DecodeTime] - 2 * step1, extra, 1e-16);
  EXPECT_DOUBLE_EQ(one[GenStat::Tpot], step1);
  EXPECT_DOUBLE_EQ(one[GenStat::E2eTime], one[GenStat::Ttft] + step1);
  // Without a pipeline or TP, the no-overlap step is compute + memory.
  EXPECT_NEAR(step1,
              one[GenStat::DecodeComputeTime] + one[GenStat::DecodeMemTime],
              1e-15);
}

TEST(GenerationTest, TensorParallelAllReduce) {
  // t = 2 on the flat ring network: an all-reduce of X = B·h·e bytes takes
  // λ + X·2·(1 − 1/2)/bw; two per block per step, 4 steps.
  Serving x = tinyServing(1, 16, 5);
  x.tensorPar = 2;
  GenerationStats st =
      evaluate(tinyModel(), flatSystem(ProcessingMode::Roofline), x);
  double X = 1 * h * e, ar = 1e-6 + X * 2 * (1 - 0.5) / 1e10;
  EXPECT_DOUBLE_EQ(st[GenStat::DecodeTpCommTime], 4 * L * 2 * ar);
  double prefillAr = 1e-6 + 16 * X * 2 * (1 - 0.5) / 1e10;
  EXPECT_DOUBLE_EQ(st[GenStat::PrefillTpCommTime], L * 2 * prefillAr);
  EXPECT_EQ(st[GenStat::NumProcs], 2);
  EXPECT_EQ(st[GenStat::DecodePpCommTime], 0);
}

TEST(GenerationTest, KvHeadsSplitOrReplicated) {
  // g = 2: TP 2 holds one KV head per rank, TP 4 and 8 replicate one.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::Roofline);
  for (int64_t t : {1, 2, 4, 8}) {
    Serving x = tinyServing(1, 16, 2);
    x.tensorPar = t;
    GenerationStats st = evaluate(m, sys, x);
    double kvHeads = t == 1 ? 2 : 1;
    EXPECT_DOUBLE_EQ(st[GenStat::KvCachePerToken], L * 2 * kvHeads * d * e)
        << "t=" << t;
    // Weights per rank: Q and O split, K and V heads as above, MLP split.
    double attn = h * (a / t + 2 * kvHeads) * d + (a / t) * d * h;
    EXPECT_DOUBLE_EQ(st[GenStat::WeightSpace],
                     L * (attn + 2 * h * f / t + 2 * h) * e);
  }
}

TEST(GenerationTest, ExpectedExpertsTouched) {
  EXPECT_DOUBLE_EQ(expectedExpertsTouched(8, 2, 1), 2);
  EXPECT_NEAR(expectedExpertsTouched(8, 2, 8), 8 * (1 - std::pow(0.75, 8)),
              1e-12);
  // Expected experts touched (docs/model.md §15): DeepSeek-V3 (256, 8) and Qwen3 (128, 8).
  EXPECT_NEAR(expectedExpertsTouched(256, 8, 4), 30.5, 0.05);
  EXPECT_NEAR(expectedExpertsTouched(256, 8, 64), 222, 0.5);
  EXPECT_NEAR(expectedExpertsTouched(128, 8, 16), 82.4, 0.05);
  EXPECT_DOUBLE_EQ(expectedExpertsTouched(8, 8, 3), 8);
  EXPECT_EQ(expectedExpertsTouched(0, 0, 5), 0);
}

TEST(GenerationTest, MoeDecodeReadsTouchedExperts) {
  // tiny with 8 experts top-2 of width 1024: a batch-1 decode step reads
  // the 2 experts it reaches (and the router), not all 8.
  Model m = tinyModel();
  m.mlpType = MlpType::SwiGlu;
  m.experts = 8;
  m.topK = 2;
  m.expertFeedforward = 1024;
  System sys = flatSystem(ProcessingMode::Roofline);
  GenerationStats st = evaluate(m, sys, tinyServing(1, 16, 2));
  EXPECT_DOUBLE_EQ(st[GenStat::DecodeExpertsTouched], 2);
  double expert = 3 * h * 1024 * e, router = h * 8 * e;
  // Stored: all 8 experts and the router per block.
  double attn = (h * (a + 2 * g) * d + a * d * h) * e;
  EXPECT_DOUBLE_EQ(st[GenStat::WeightSpace],
                   L * (attn + router + 8 * expert + 2 * h * e));
  // Read in one step: the weights minus the 6 experts not reached.
  Model dense = tinyModel();
  dense.mlpType = MlpType::SwiGlu;
  dense.feedforward = 2048; // same bytes as the two reached experts
  GenerationStats ds = evaluate(dense, sys, tinyServing(1, 16, 2));
  double moeWeights = st[GenStat::DecodeMemAccessed];
  double denseWeights = ds[GenStat::DecodeMemAccessed];
  // Differences: the router GEMM (weights, input h, output 8) and the
  // second expert's input and output (each reached expert reads the token
  // and writes h); the inner activations are the same width.
  EXPECT_DOUBLE_EQ(moeWeights - denseWeights,
                   L * (router + (h + 8) * e + 2 * h * e));
}

TEST(GenerationTest, PipelineStaticBatch) {
  // p = 2 stages, B = 4: m = 2 micro-batches of 2. Prefill is one trip
  // plus (m − 1) slowest stages; decode rounds no faster than p = 1.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::Roofline);
  Serving x = tinyServing(4, 16, 3);
  x.pipelinePar = 2;
  GenerationStats st = evaluate(m, sys, x);
  EXPECT_EQ(st[GenStat::PipelineMicrobatches], 2);
  Serving one = tinyServing(2, 16, 1); // one micro-batch, no pipeline
  GenerationStats mb = evaluate(m, sys, one);
  double stage = mb[GenStat::PrefillTime] / 2; // two equal stages
  double hop = 1e-6 + 2 * 16 * h * e / 1e10;   // p2p of 32 tokens
  EXPECT_NEAR(st[GenStat::PrefillTime], 2 * stage + hop + stage, 1e-15);
  EXPECT_DOUBLE_EQ(st[GenStat::PrefillPpCommTime], hop);
  EXPECT_GT(st[GenStat::Tpot], 0);
  // Weights and KV per processor are halved (2 of 4 blocks each).
  GenerationStats flat = evaluate(m, sys, tinyServing(4, 16, 3));
  EXPECT_DOUBLE_EQ(st[GenStat::WeightSpace], flat[GenStat::WeightSpace] / 2);
  EXPECT_DOUBLE_EQ(st[GenStat::KvCacheSpace], flat[GenStat::KvCacheSpace] / 2);
}

TEST(GenerationTest, ContinuousEqualsStaticForOneSequence) {
  // One sequence: both modes prefill one prompt and decode alone; on this
  // machine attention is memory-bound and affine, so the lifetime-mean
  // context gives the exact sum.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::NoOverlap);
  Serving x = tinyServing(1, 100, 50);
  GenerationStats st = evaluate(m, sys, x);
  x.mode = RequestMode::Continuous;
  GenerationStats ct = evaluate(m, sys, x);
  EXPECT_DOUBLE_EQ(ct[GenStat::Ttft], st[GenStat::Ttft]);
  EXPECT_NEAR(ct[GenStat::Tpot], st[GenStat::Tpot], 1e-15);
  EXPECT_NEAR(ct[GenStat::OutputRate], st[GenStat::OutputRate], 1e-6);
}

TEST(GenerationTest, ContinuousCycle) {
  // Continuous at concurrency B: a cycle holds B prefills and S_out − 1
  // decode steps; TPOT spreads the others' prefills over one's steps.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::NoOverlap);
  Serving x = tinyServing(8, 64, 33);
  x.mode = RequestMode::Continuous;
  GenerationStats st = evaluate(m, sys, x);
  double ttft = st[GenStat::Ttft], dec = st[GenStat::DecodeTime];
  EXPECT_DOUBLE_EQ(st[GenStat::PrefillTime], 8 * ttft);
  EXPECT_DOUBLE_EQ(st[GenStat::E2eTime], 8 * ttft + dec);
  EXPECT_DOUBLE_EQ(st[GenStat::Tpot], (7 * ttft + dec) / 32);
  EXPECT_DOUBLE_EQ(st[GenStat::OutputRate], 8 * 33 / (8 * ttft + dec));
}

TEST(GenerationTest, MaxBatchSize) {
  // p = 1, static: need(B) = W + B·(KV per sequence + S_in·act per token).
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::Roofline);
  sys.mem1.capacity = 1e9;
  double W = L * (h * (a + 2 * g) * d + a * d * h + 2 * h * f + 2 * h) * e;
  double kvSeq = L * (16 + 16) * 2 * g * d * e;
  double actToken = e * (2 * h + 2 * f); // residual twice + GeLU in, out
  GenerationStats st = evaluate(m, sys, tinyServing(1, 16, 16));
  EXPECT_EQ(st[GenStat::MaxBatchSize],
            std::floor((1e9 - W) / (kvSeq + 16 * actToken)));
  EXPECT_EQ(st[GenStat::MaxBatchSize], 1987);
  // The batch it names fits, one more does not.
  Serving fits = tinyServing(1987, 16, 16);
  GenerationStats ok;
  EXPECT_TRUE(evaluateGeneration(m, sys, fits, ok).ok());
  EXPECT_LE(ok[GenStat::ProcMemTier1CapReq], 1e9);
  fits.batchSize = 1988;
  EvalStatus over = evaluateGeneration(m, sys, fits, ok);
  EXPECT_EQ(over.error, EvalError::Mem1Capacity);
  EXPECT_GT(over.x, 1e9);
  EXPECT_EQ(over.y, 1e9);
}

TEST(GenerationTest, MaxBatchSizeMatchesSearch) {
  // The closed form against a scan, for pipelines and both modes.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::Roofline);
  for (double cap : {2e8, 3e8, 1e9})
    for (int64_t p : {1, 2, 4})
      for (RequestMode mode :
           {RequestMode::StaticBatch, RequestMode::Continuous}) {
        sys.mem1.capacity = cap;
        Serving x = tinyServing(1, 40, 24);
        x.pipelinePar = p;
        x.mode = mode;
        gen::Shape s;
        gen::buildShape(m, x, s);
        gen::MemoryPlan plan;
        gen::planMemory(s, x, plan);
        int64_t scan = 0;
        while (plan.need(scan + 1) <= cap)
          ++scan;
        EXPECT_EQ(gen::maxBatchSize(plan, cap), double(scan))
            << "cap " << cap << " p " << p << " mode " << int(mode);
      }
}

TEST(GenerationTest, WeightPrecision) {
  // int4 weights are half a byte: half the weight space of int8, and the
  // KV cache follows its own datatype.
  Model m = tinyModel();
  System sys = flatSystem(ProcessingMode::Roofline);
  Serving x = tinyServing(1, 16, 2);
  x.weightDatatype = WeightType::Int8;
  GenerationStats int8 = evaluate(m, sys, x);
  x.weightDatatype = WeightType::Int4;
  x.kvDatatype = DataType::Float8;
  GenerationStats int4 = evaluate(m, sys, x);
  EXPECT_DOUBLE_EQ(int4[GenStat::WeightSpace], int8[GenStat::WeightSpace] / 2);
  EXPECT_DOUBLE_EQ(int4[GenStat::KvCachePerToken],
                   int8[GenStat::KvCachePerToken] / 2);
}

TEST(GenerationTest, MultiHeadLatentAttention) {
  // MLA (DeepSeek-V2 §2.1) on a small model: q rank 256, KV rank 128, nope
  // 64, rope 32, value 64; prefill decompresses, decode absorbs.
  Model m = tinyModel();
  m.numBlocks = 2;
  m.attention = AttentionKind::Mla;
  m.qLoraRank = 256;
  m.kvLoraRank = 128;
  m.qkNopeHeadDim = 64;
  m.qkRopeHeadDim = 32;
  m.vHeadDim = 64;
  double dq = 256, dc = 128, dn = 64, dr = 32, dv = 64, S = 8, T = 8;
  double mla = 2 * T * h * (dc + dr + dq)                          // down
               + 2 * T * (dq * a * (dn + dr) + dc * a * (dn + dv)) // up
               + 2 * T * a * dv * h                                // out
               + a * 2 * (dn + dr + dv) * S * (S + 1) / 2;         // causal
  double rest = 2 * 9 * T * h + 2 * T * h + 2 * (2 * T * h * f) + 8 * T * f;
  System sys = flatSystem(ProcessingMode::Roofline);
  GenerationStats pf = evaluate(m, sys, tinyServing(1, 8, 1));
  EXPECT_DOUBLE_EQ(pf[GenStat::PrefillFlops], 2 * (mla + rest));
  // The cache holds the latent and the rope key, on every TP rank.
  Serving x = tinyServing(1, 8, 3);
  x.tensorPar = 4;
  GenerationStats dec = evaluate(m, sys, x);
  EXPECT_DOUBLE_EQ(dec[GenStat::KvCachePerToken], 2 * (dc + dr) * e);
  // Decode: the absorbed attention costs 2·(a/t)·(2·dc + dr) per cached
  // position; contexts 9 and 10 differ by one position.
  x.outputSize = 2;
  GenerationStats one = evaluate(m, sys, x);
  double step2 = dec[GenStat::DecodeFlops] - one[GenStat::DecodeFlops];
  EXPECT_DOUBLE_EQ(step2 - one[GenStat::DecodeFlops],
                   2 * 2 * (a / 4) * (2 * dc + dr));
}

TEST(GenerationTest, StatKeysAndUnits) {
  EXPECT_EQ(genStatKey(GenStat::Ttft), "ttft");
  EXPECT_EQ(genStatUnit(GenStat::OutputRate), "tok/s");
  EXPECT_EQ(genStatKey(GenStat::DecodeExpertsTouched),
            "decode_experts_touched");
  EXPECT_EQ(genStatUnit(GenStat::MaxBatchSize), "1");
  EXPECT_EQ(genStatUnit(GenStat::WeightSpace), "B");
}

} // namespace
