//===- StepSumTest.cpp - Closed-form decode sums against step-by-step -----===//
//
// The piecewise closed forms of StepSum.cpp and Generation.cpp's decode
// must equal a plain loop over every step, for stepped efficiency tables,
// both processing modes and pipelines.
//
//===----------------------------------------------------------------------===//
#include "ServingFixtures.h"

#include "eval/cost/GenerationModel.h"
#include "eval/cost/StepSum.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace calc::cost;
using namespace calc::cost::gen;
using namespace calc::cost::test;

namespace {

TEST(StepSumTest, EnvelopeMatchesLoop) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> value(-50, 50), slope(-2, 2);
  for (unsigned trial = 0; trial < 200; ++trial) {
    Line lines[5];
    unsigned n = 1 + trial % 5;
    for (unsigned i = 0; i < n; ++i)
      lines[i] = {value(rng), slope(rng)};
    int64_t lo = trial % 7, hi = lo + int64_t(trial % 97);
    double loop = 0;
    for (int64_t x = lo; x <= hi; ++x) {
      double best = lines[0].at(double(x));
      for (unsigned i = 1; i < n; ++i)
        best = std::max(best, lines[i].at(double(x)));
      loop += best;
    }
    EXPECT_NEAR(sumEnvelope(lines, n, lo, hi), loop,
                1e-9 * (1 + std::abs(loop)))
        << "trial " << trial;
  }
}

/// Decode time of a static batch, one step at a time, from the model's own
/// pieces: the closed form must agree with this loop.
double decodeByLoop(const Model &m, const System &sys, const Serving &x) {
  Shape s;
  buildShape(m, x, s);
  Machine mc(sys, x);
  Parts dense = s.denseBlocks > 0 ? blockCost(s, mc, false, s.b) : Parts();
  Parts moe = s.moe ? blockCost(s, mc, true, s.b) : Parts();
  Parts head = headCost(s, mc, s.b), hop = pipelineHop(s, mc, s.b);
  AffineOp attn = decodeAttention(s, s.b);
  double total = 0;
  for (int64_t c = x.promptSize + 1; c < x.promptSize + x.outputSize; ++c) {
    double a = mc.op(true, attn.flops(double(c)), attn.bytes(double(c))).time;
    double trip = double(s.p - 1) * hop.time, slowest = 0;
    for (int64_t st = 0; st < s.p; ++st) {
      int64_t nb = stageBlocks(s, st), nd = stageDenseBlocks(s, st);
      double t = double(nd) * (dense.time + a) +
                 double(nb - nd) * (moe.time + a) +
                 (st == s.p - 1 ? head.time : 0);
      trip += t;
      slowest = std::max(slowest, t);
    }
    total += std::max(trip, double(s.m) * slowest);
  }
  return total;
}

TEST(StepSumTest, StaticDecodeMatchesLoop) {
  System roof = dgxH100();
  roof.processingMode = ProcessingMode::Roofline;
  struct Case {
    Model model;
    int64_t t, p, batch, prompt, output;
  } cases[] = {
      {llama2_70b(), 8, 1, 1, 2048, 256},   {llama2_70b(), 8, 1, 64, 2048, 256},
      {llama2_70b(), 2, 4, 64, 100, 3000},  {llama2_70b(), 4, 2, 3, 5000, 500},
      {mixtral8x7b(), 2, 1, 32, 2048, 512}, {deepseekV3(), 8, 1, 16, 1000, 700},
      {tinyModel(), 1, 3, 7, 1, 4000},
  };
  for (const System &sys : {dgxH100(), roof})
    for (const Case &c : cases) {
      Serving x;
      x.tensorPar = c.t;
      x.pipelinePar = c.p;
      x.pipelineParNet = 1;
      x.batchSize = c.batch;
      x.promptSize = c.prompt;
      x.outputSize = c.output;
      x.datatype = x.kvDatatype = DataType::Float8;
      x.weightDatatype = WeightType::Float8;
      GenerationStats st;
      EvalStatus status = evaluateGeneration(c.model, sys, x, st);
      ASSERT_TRUE(status.ok() || status.error == EvalError::Mem1Capacity)
          << int(status.error);
      double loop = decodeByLoop(c.model, sys, x);
      EXPECT_NEAR(st[GenStat::DecodeTime], loop, 1e-12 * loop)
          << "t" << c.t << " p" << c.p << " B" << c.batch;
    }
}

} // namespace
