//===- BatchTest.cpp - Batch-level formulas against hand-computed values --===//
#include "eval/cost/Batch.h"

#include <gtest/gtest.h>

using namespace calc::cost;

namespace {

// §8.5: p = 4, v = 2, c = 2, n = 6, one missing block.
TEST(Batch, BubbleWithInterleavingAndUnevenSplit) {
  Geometry g;
  g.p = 4;
  g.v = 2;
  g.c = 2;
  g.n = 6;
  g.Rb = 1;
  BlockTimes bt;
  bt.fw[Base] = 1;
  bt.fw[Edge] = 2;
  bt.bw[Base] = 3;
  bt.bw[Edge] = 4;
  // chunk = (1 + 2) + (3 + 4) = 10; red = 1 * 10 / 2 = 5;
  // extra = (v - 1)(p - n mod p) = 2; bubble = 3 * 10 + (2 * 10 - 5).
  EXPECT_EQ(bubble(g, bt), 45);
  g.c = 1; // one block per chunk: whole edge blocks are missing
  // chunk = 2 + 4 = 6; red = 1 * (2 + 4) = 6; bubble = 18 + (12 - 6).
  EXPECT_EQ(bubble(g, bt), 24);
  g.p = 1;
  g.v = 1;
  g.Rb = 0;
  EXPECT_EQ(bubble(g, bt), 0);
}

// §9.1: interleaved 1F1B keeps min(n, p) * (1 + (p-1)/(v p)) in flight.
TEST(Batch, StoredActivationsInFlight) {
  Geometry g;
  g.p = 4;
  g.v = 2;
  g.n = 2;
  g.Lp = 4;
  BlockTotals b;
  b.actWork = 10;
  b.actStore = 4;
  b.weight = 3;
  b.weightGrad = 1;
  b.weightGradFull = 12;
  b.optimizer = 2;
  Execution exe;
  Stats s;
  batchMemory(b, g, exe, s);
  // phi = 2 * (1 + 3/8) = 2.75; act = 10 + 4 * (4 * 2.75 - 1) = 50.
  EXPECT_EQ(s[Stat::ActSpace], 50);
  EXPECT_EQ(s[Stat::WeightSpace], 12);
  EXPECT_EQ(s[Stat::WeightGradSpace], 12 + 1 * 3); // one fp32 + sharded rest
  EXPECT_EQ(s[Stat::OptimizerSpace], 8);
  EXPECT_EQ(s[Stat::ProcMemTier1CapReq], 12 + 50 + (15 + 8));
  // Offloading weights: tier 1 keeps two blocks, tier 2 all of them.
  exe.weightOffload = true;
  batchMemory(b, g, exe, s);
  EXPECT_EQ(s[Stat::ProcMemTier1CapReq], 6 + 50 + (15 + 8));
  EXPECT_EQ(s[Stat::ProcMemTier2CapReq], 12);
}

// §8.6 without overlap: L_p all-reduces of one block's weights.
TEST(Batch, DataParallelAllReduce) {
  Geometry g;
  g.D = 4;
  g.Lp = 3;
  BlockTotals b;
  b.weight = 1e9;
  System sys;
  Network net;
  net.bandwidth = 1e10;
  net.efficiency = 0.5;
  net.latency = 1e-5;
  net.ops[3] = {2.0, -1};
  sys.networks = {net};
  Execution exe;
  exe.dataPar = 4;
  BlockTimes bt;
  DpResult r = dataParallel(b, g, bt, sys, exe, 0);
  // AR: 1e9 * 2 * (1 - 1/4) / (1e10 * 0.5) + 1e-5 = 0.30001 s per block.
  EXPECT_DOUBLE_EQ(r.link, 3 * 0.30001);
  EXPECT_EQ(r.exposed, r.link);
  EXPECT_EQ(r.size, 1e9);
  g.training = false; // no DP comm in inference
  EXPECT_EQ(dataParallel(b, g, bt, sys, exe, 0).link, 0);
}

} // namespace
