//===- LayerCostTest.cpp - Each layer kind against hand-computed values ---===//
//
// A tiny model (h 8, f 32, s 4, a 2, d 4) with t = 2, b = 1, float16 on an
// idealised machine (every efficiency 1) so every number below is worked out
// by hand from docs/calculon-model.md §5 and §6.1.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/LayerCost.h"
#include "eval/cost/BlockBuilder.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace calc::cost;

namespace {

struct TinyBlock : ::testing::Test {
  System sys;
  Model model;
  Execution exe;
  Workspace ws;
  CostContext ctx;

  void SetUp() override {
    for (Engine *eng : {&sys.matrix[1], &sys.vector[1]}) {
      eng->present = true;
      eng->efficiency.steps = {{0, 1.0}};
    }
    sys.matrix[1].peak = 1e12;
    sys.vector[1].peak = 1e11;
    sys.mem1.bandwidth = 1e11;
    sys.mem1.efficiency.steps = {{0, 1.0}};
    Network net;
    net.bandwidth = 1e9;
    net.efficiency = 1;
    net.latency = 1e-6;
    net.ops[3] = {2.0, -1}; // all-reduce, ring form
    sys.networks = {net};
    model = {8, 32, 4, 2, 4, 4, 2, MlpType::Gelu};
    exe.numProcs = 2;
    exe.tensorPar = 2;
    exe.batchSize = 1;
    exe.microbatchSize = 1;
    buildBlock(model, exe, ws.layers);
    ctx.hw = {&sys.matrix[1], &sys.vector[1], &sys.mem1, &sys.mem1, false, &ws};
    ctx.e = 2;
    ctx.t = 2;
    ctx.tpNet = &sys.networks[0];
  }

  LayerCost cost(const char *name) {
    for (const Layer &l : ws.layers)
      if (std::strcmp(l.name, name) == 0) {
        LayerCost c;
        costLayer(l, ctx, c);
        return c;
      }
    ADD_FAILURE() << "no layer " << name;
    return LayerCost();
  }
};

TEST_F(TinyBlock, Linear) {
  // Query = Linear(M 4, h 8, H_t 4).
  LayerCost c = cost("AttnBlock_Query");
  for (unsigned st : {Fw, Agrad, Wgrad})
    EXPECT_EQ(c.stage[st].flops, 2 * 4 * 8 * 4);
  EXPECT_EQ(c.stage[Fw].bytes, (32 + 16 + 32) * 2);    // (I + O + W) e
  EXPECT_EQ(c.stage[Agrad].bytes, (32 + 32 + 16) * 2); // (W + Act + G) e
  EXPECT_EQ(c.stage[Optim].flops, 32 * 11);            // Adam
  EXPECT_EQ(c.stage[Optim].bytes, 4 * 32 + 4 * 64);    // master + m, v
  EXPECT_EQ(c.stage[Fw].procTime, 256 / 1e12 + 160 / 1e11);
  EXPECT_EQ(c.weight, 64);
  EXPECT_EQ(c.weightGradFull, 128); // fp32 copy
}

TEST_F(TinyBlock, BatchMatMulSoftMaxDropOut) {
  LayerCost kq = cost("AttnBlock_Multihead_Key_Query"); // BMM(1, 4, 4, 4)
  EXPECT_EQ(kq.stage[Fw].flops, 128);
  EXPECT_EQ(kq.stage[Agrad].flops, 256);
  EXPECT_EQ(kq.stage[Wgrad].flops, 0);
  EXPECT_EQ(kq.stage[Fw].bytes, (32 + 16) * 2);
  LayerCost sm = cost("AttnBlock_Multihead_SoftMax"); // X_att = 16
  EXPECT_EQ(sm.stage[Fw].flops, 80);
  EXPECT_EQ(sm.stage[Agrad].flops, 128);
  EXPECT_EQ(sm.stage[Agrad].bytes, 64);
  LayerCost dr = cost("AttnBlock_Multihead_DropOut");
  EXPECT_EQ(dr.stage[Fw].bytes, 2 * 16 * 2 + 16); // 1-byte mask
  EXPECT_EQ(dr.activation, 16);
  EXPECT_EQ(dr.actGrad, 16);
}

TEST_F(TinyBlock, NormForkResidualGeLU) {
  LayerCost ln = cost("AttnBlock_LayerNorm"); // X = A = 32, h = 8
  EXPECT_EQ(ln.stage[Fw].flops, 9 * 32);
  EXPECT_EQ(ln.stage[Agrad].flops, 14 * 32);
  EXPECT_EQ(ln.stage[Wgrad].flops, 7 * 32);
  EXPECT_EQ(ln.stage[Fw].bytes, (32 + 32 + 16) * 2);
  EXPECT_EQ(ln.optimizer, 4 * 16 + 4 * 32);
  LayerCost fork = cost("AttnBlock_Fork");
  EXPECT_EQ(fork.stage[Agrad].flops, 64);
  EXPECT_EQ(fork.stage[Fw].bytes, 0);
  EXPECT_EQ(fork.stage[Agrad].bytes, 32 * 2 * 3);
  LayerCost res = cost("AttnBlock_Residual");
  EXPECT_EQ(res.stage[Fw].flops, 32);
  EXPECT_EQ(res.stage[Agrad].flops, 64);
  EXPECT_EQ(res.stage[Fw].bytes, (64 + 32) * 2);
  LayerCost gelu = cost("MlpBlock_GeLU"); // X_gelu = f M / t = 64
  EXPECT_EQ(gelu.stage[Fw].flops, 512);
  EXPECT_EQ(gelu.stage[Agrad].flops, 832);
  EXPECT_EQ(gelu.stage[Fw].bytes, 256);
  EXPECT_EQ(gelu.activation, 128); // not fused
}

TEST_F(TinyBlock, TensorParallelCommAllReduce) {
  // f with `ar`: identity forward, all-reduce of X e = 64 bytes backward.
  LayerCost f = cost("AttnBlock_F");
  EXPECT_EQ(f.stage[Agrad].flops, 16.0); // X (t-1)/t
  EXPECT_EQ(f.stage[Fw].bytes, 0);
  EXPECT_EQ(f.stage[Agrad].bytes, 128);
  EXPECT_EQ(f.stage[Fw].commBytes[Base], 0);
  EXPECT_EQ(f.stage[Agrad].commBytes[Base], 64);
  double ar = 1e-6 + (64 * 2.0 + (0.5 * 128) * -1) / 1e9;
  double reduce = 16 / 1e11 + 128 / 1e11;
  EXPECT_EQ(f.stage[Agrad].netTime[Base], ar + reduce);
  EXPECT_EQ(f.stage[Agrad].procTime, 0); // quirk §15.8
  EXPECT_EQ(f.activation, 0);
  EXPECT_EQ(f.actGrad, 64);
  // g: all-reduce forward, identity backward.
  LayerCost g = cost("AttnBlock_G");
  EXPECT_EQ(g.stage[Fw].flops, 16.0);
  EXPECT_EQ(g.stage[Agrad].commBytes[Edge], 0);
  EXPECT_EQ(g.activation, 64);
}

} // namespace
