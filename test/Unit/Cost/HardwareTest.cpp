//===- HardwareTest.cpp - Efficiency lookup, op and network times ---------===//
#include "eval/cost/Hardware.h"
#include "test/Unit/Cost/CostFixtures.h"

#include <gtest/gtest.h>

using namespace calc::cost;

namespace {

TEST(Hardware, EfficiencyIsFirstMatchInTableOrder) {
  System sys = test::a100System();
  Workspace ws;
  Hardware hw;
  hw.ws = &ws;
  const EfficiencyTable &t = sys.matrix[1].efficiency;
  EXPECT_EQ(hw.efficiency(t, 200e9, EfficiencyKind::Matrix), 0.95);
  EXPECT_EQ(hw.efficiency(t, 128e9, EfficiencyKind::Matrix), 0.95);
  EXPECT_EQ(hw.efficiency(t, 1e9, EfficiencyKind::Matrix), 0.6);
  EXPECT_EQ(hw.efficiency(t, 0, EfficiencyKind::Matrix), 0.1);
  EXPECT_FALSE(ws.lookupFailed);
}

TEST(Hardware, LookupBelowEveryThresholdIsRecorded) {
  EfficiencyTable t;
  t.steps = {{1e9, 0.5}};
  Workspace ws;
  Hardware hw;
  hw.ws = &ws;
  EXPECT_EQ(hw.efficiency(t, 10, EfficiencyKind::Vector), 0);
  EXPECT_TRUE(ws.lookupFailed);
  EXPECT_EQ(ws.lookupKind, EfficiencyKind::Vector);
  EXPECT_EQ(ws.lookupValue, 10);
}

// Reference §16.1 worked check: Query fw of megatron-1T on a100_80g.
TEST(Hardware, QueryForwardTime) {
  System sys = test::a100System();
  Workspace ws;
  Hardware hw;
  hw.matrix = &sys.matrix[1];
  hw.vector = &sys.vector[1];
  hw.mem1 = &sys.mem1;
  hw.ws = &ws;
  double flops = 2.0 * 8192 * 25600 * 6400;
  double compute = hw.matrixTime(flops);
  EXPECT_DOUBLE_EQ(compute, flops / (312e12 * 0.95));
  EXPECT_NEAR(compute, 9.0565e-3, 1e-7);
  double memory = hw.mem1Time(851968000);
  EXPECT_NEAR(memory, 0.4622e-3, 1e-7);
  EXPECT_NEAR(hw.combine(compute, memory), 9.5188e-3, 1e-7);
  hw.roofline = true;
  EXPECT_EQ(hw.combine(compute, memory), compute);
}

// Reference §16.1: one rs_ag op, 419,430,400 B among 4 on NVLink.
TEST(Hardware, NetworkTimeRingReduceScatter) {
  System sys = test::a100System();
  double t =
      networkTime(sys.networks[0], NetOp::ReduceScatter, 1677721600.0 / 4, 4);
  EXPECT_NEAR(t, 1e-5 + 419430400.0 * 1.5 * 0.75 / 195e9, 1e-15);
  EXPECT_NEAR(t, 2.4298e-3, 1e-7);
  // The latency is paid even for an empty message (quirk §15.4).
  EXPECT_EQ(networkTime(sys.networks[1], NetOp::P2P, 0, 2), 2e-5);
}

} // namespace
