//===- LayersTest.cpp - Layer lists and per-layer formulas ----------------===//
#include "eval/cost/BlockBuilder.h"
#include "test/Unit/Cost/CostFixtures.h"

#include "llvm/ADT/ArrayRef.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace calc::cost;

namespace {

const Layer *find(const Workspace &ws, const char *name) {
  for (const Layer &l : ws.layers)
    if (std::strcmp(l.name, name) == 0)
      return &l;
  return nullptr;
}

TEST(Layers, BlockShapes) {
  Model m = test::megatron1T();
  Execution x = test::readmeExecution();
  llvm::SmallVector<Layer, 32> layers;
  buildBlock(m, x, layers);
  EXPECT_EQ(layers.size(), 24u); // §4.1
  x.tensorParOverlap = TpOverlap::Ring;
  buildBlock(m, x, layers);
  EXPECT_EQ(layers.size(), 17u); // §4.2 multihead
  m.kvHeads = 1;
  buildBlock(m, x, layers);
  EXPECT_EQ(layers.size(), 20u); // §4.2 multiquery
  m.mlpType = MlpType::SwiGlu;
  x.tensorParOverlap = TpOverlap::None;
  m.kvHeads = 160;
  buildBlock(m, x, layers);
  EXPECT_EQ(layers.size(), 25u); // + the gating product
}

// Element counts of §16.1's per-layer table (megatron-1T, t = 4, b = 4).
TEST(Layers, ReadmeExampleCounts) {
  System sys = test::a100System();
  Workspace ws;
  Stats stats;
  ASSERT_TRUE(evaluateTraining(test::megatron1T(), sys, test::readmeExecution(),
                               ws, stats)
                  .ok());
  const Layer *q = find(ws, "AttnBlock_Query");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->inputs, 209715200);
  EXPECT_EQ(q->outputs, 52428800);
  EXPECT_EQ(q->fwFlops, 2684354560000.0);
  const Layer *kq = find(ws, "AttnBlock_Multihead_Key_Query");
  ASSERT_TRUE(kq);
  EXPECT_EQ(kq->inputs, 104857600);
  EXPECT_EQ(kq->outputs, 671088640);
  const Layer *g = find(ws, "AttnBlock_G");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->fwFlops, 157286400.0); // X*(t-1)/t reduction flops
  llvm::SmallVector<LayerStats, 32> out;
  layerStats(ws, out);
  ASSERT_EQ(out.size(), 24u);
  for (const LayerStats &l : out) {
    if (l.name == "AttnBlock_Multihead_DropOut") {
      // Quirk §15.7: 1-byte mask, traffic 2X*e + X.
      EXPECT_EQ(l[LayerStat::Activation], 671088640);
      EXPECT_EQ(l[LayerStat::FwMemAccessed], 3355443200.0);
    }
    if (l.name == "MlpBlock_GeLU") { // fused: no activation memory
      EXPECT_EQ(l[LayerStat::Activation], 0);
      EXPECT_EQ(l[LayerStat::FwMemAccessed], 838860800.0);
    }
    if (l.name == "AttnBlock_LayerNorm") {
      EXPECT_EQ(l[LayerStat::Optimizer], 51200);
      EXPECT_EQ(l[LayerStat::FwFlops], 471859200);
    }
    if (l.name == "AttnBlock_F") {
      EXPECT_EQ(l[LayerStat::FwProcessingTime], 0); // quirk §15.8
      EXPECT_NEAR(l[LayerStat::BaseFwTpCommTime], 2.8849e-3, 1e-7);
    }
  }
}

TEST(Layers, KvWidthGeneralisesBothEnds) {
  Model m = test::megatron1T();
  EXPECT_EQ(kvWidthPerRank(m, 4), (160 * 160) / 4); // multihead = H_t
  m.kvHeads = 1;
  EXPECT_EQ(kvWidthPerRank(m, 4), 160); // multiquery: replicated d
  m.kvHeads = 8;
  EXPECT_EQ(kvWidthPerRank(m, 4), 2 * 160); // GQA: 8 heads over 4 ranks
  m.kvHeads = 2;
  EXPECT_EQ(kvWidthPerRank(m, 4), 160); // fewer KV heads than ranks
}

TEST(Layers, SwiGluDoublesTheFirstProjection) {
  Model m = test::megatron1T();
  Execution x = test::readmeExecution();
  llvm::SmallVector<Layer, 32> gelu, swiglu;
  buildBlock(m, x, gelu);
  m.mlpType = MlpType::SwiGlu;
  buildBlock(m, x, swiglu);
  auto weights = [](llvm::ArrayRef<Layer> ls, const char *name) {
    for (const Layer &l : ls)
      if (std::strcmp(l.name, name) == 0)
        return l.weights;
    return -1.0;
  };
  EXPECT_EQ(weights(swiglu, "MlpBlock_Mlp1"),
            2 * weights(gelu, "MlpBlock_Mlp1"));
  EXPECT_EQ(weights(swiglu, "MlpBlock_Mlp2"), weights(gelu, "MlpBlock_Mlp2"));
}

} // namespace
