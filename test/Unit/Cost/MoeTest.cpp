//===- MoeTest.cpp - Mixture-of-experts and latent-attention formulas -----===//
//
// Hand-computed values of every MoE formula of docs/model.md ("Mixture of
// experts"): layer rows, the all-to-all, expert TP, expert data
// parallelism, capacity and imbalance, stage composition, parameter and
// FLOP counts and latent attention (the checks: MoeChecksTest.cpp).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/BlockBuilder.h"
#include "eval/cost/Parameters.h"
#include "test/Unit/Cost/MoeFixtures.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

const Layer *find(const Workspace &ws, const char *name) {
  for (const Layer &l : ws.layers)
    if (std::strcmp(l.name, name) == 0)
      return &l;
  return nullptr;
}

const LayerCost *cost(const Workspace &ws, const char *name) {
  for (size_t i = 0; i < ws.layers.size(); ++i)
    if (std::strcmp(ws.layers[i].name, name) == 0)
      return &ws.costs[i];
  return nullptr;
}

TEST(Moe, RouterDispatchAndExperts) {
  Eval e(tinyMoe(), tinyExe());
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // t = 1: each rank routes its M = 256 tokens to k = 2 experts.
  const Layer *router = find(e.ws, "MoeBlock_Router");
  ASSERT_TRUE(router);
  EXPECT_EQ(router->fwFlops, 2.0 * 256 * 1024 * 8);
  EXPECT_EQ(router->weights, 1024.0 * 8);
  const Layer *dispatch = find(e.ws, "MoeBlock_Dispatch");
  ASSERT_TRUE(dispatch);
  EXPECT_EQ(dispatch->commElems, 512.0 * 1024);
  // Expert1 is SwiGLU's gate and up: 512 tokens x 1024 x 4096, and the
  // weights of E/EP = 2 local experts.
  const Layer *e1 = find(e.ws, "MoeBlock_Expert1");
  ASSERT_TRUE(e1);
  EXPECT_TRUE(e1->expert);
  EXPECT_EQ(e1->fwFlops, 2.0 * 512 * 1024 * 4096);
  EXPECT_EQ(e1->weights, 2.0 * 1024 * 4096);
  const Layer *e2 = find(e.ws, "MoeBlock_Expert2");
  ASSERT_TRUE(e2);
  EXPECT_EQ(e2->weights, 2.0 * 2048 * 1024);
  EXPECT_EQ(find(e.ws, "MoeBlock_ExpertSiLU")->inputs, 512.0 * 2048);
  EXPECT_FALSE(find(e.ws, "MoeBlock_ExpertGather")); // ETP = 1
  EXPECT_FALSE(find(e.ws, "MoeBlock_Shared1"));
}

TEST(Moe, AllToAllTime) {
  Eval e(tinyMoe(), tinyExe());
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // 1,048,576 bytes, (EP-1)/EP = 3/4 of them over 100 GB/s.
  const LayerCost *d = cost(e.ws, "MoeBlock_Dispatch");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->stage[Fw].commBytes[Base], 1048576.0);
  EXPECT_DOUBLE_EQ(d->stage[Fw].netTime[Base], 786432.0 / 100e9);
  EXPECT_DOUBLE_EQ(d->stage[Agrad].netTime[Base], 786432.0 / 100e9);
  EXPECT_EQ(d->stage[Wgrad].netTime[Base], 0.0); // no recompute
  // Dispatch + combine, forward + backward, 4 blocks x 1 microbatch.
  double a2a = 4 * 4 * 786432.0 / 100e9;
  EXPECT_DOUBLE_EQ(e.s[ExtStat::MoeA2aTime], a2a);
  EXPECT_DOUBLE_EQ(e.s[ExtStat::MoeA2aExposedTime], a2a);
  EXPECT_EQ(e.s[ExtStat::MoeEtpCommTime], 0.0);
  // Not in Calculon's TP statistics, but in the total.
  EXPECT_EQ(e.s[Stat::TpCommLinkTime], 0.0);
  double parts = e.s[Stat::FwTime] + e.s[Stat::BwTime] +
                 e.s[Stat::OptimStepTime] + e.s[Stat::RecomputeTime] +
                 e.s[Stat::BubbleTime] + e.s[Stat::PpCommExposedTime] +
                 e.s[Stat::DpCommExposedTime];
  EXPECT_DOUBLE_EQ(e.s[Stat::TotalTime], parts + a2a);
  // Full recompute re-runs the forward exchange: 6 per block.
  Execution x = tinyExe();
  x.activationRecompute = Recompute::Full;
  Eval f(tinyMoe(), x);
  ASSERT_TRUE(f.st.ok());
  EXPECT_DOUBLE_EQ(f.s[ExtStat::MoeA2aTime], 4 * 6 * 786432.0 / 100e9);
  // Without expert parallelism the dispatch is a local permutation.
  x = tinyExe();
  x.expertPar = 1;
  Eval g(tinyMoe(), x);
  ASSERT_TRUE(g.st.ok());
  EXPECT_EQ(g.s[ExtStat::MoeA2aTime], 0.0);
  EXPECT_GT(cost(g.ws, "MoeBlock_Dispatch")->stage[Fw].procTime, 0.0);
}

TEST(Moe, AllToAllScalingFromTheSystem) {
  System sys = unitSystem();
  sys.networks[0].ops[unsigned(NetOp::AllToAll)] = {2, 0}; // flat, x2
  Eval e(tinyMoe(), tinyExe(), sys);
  ASSERT_TRUE(e.st.ok());
  EXPECT_DOUBLE_EQ(cost(e.ws, "MoeBlock_Combine")->stage[Fw].netTime[Base],
                   2 * 1048576.0 / 100e9);
}

TEST(Moe, ExpertTensorParallelism) {
  Execution x = tinyExe();
  x.expertPar = 2;
  x.expertTensorPar = 2;
  Eval e(tinyMoe(), x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // Each ETP rank gathers its partner's 512 assignments and computes half
  // of every expert's width: the same flops as ETP 1.
  const Layer *gather = find(e.ws, "MoeBlock_ExpertGather");
  ASSERT_TRUE(gather);
  EXPECT_EQ(gather->commElems, 1024.0 * 1024);
  const Layer *e1 = find(e.ws, "MoeBlock_Expert1");
  EXPECT_EQ(e1->fwFlops, 2.0 * 1024 * 1024 * 2048);
  EXPECT_EQ(e1->weights, 4.0 * 1024 * 2048); // E/EP = 4 experts, f/2 wide
  ASSERT_TRUE(find(e.ws, "MoeBlock_ExpertScatter"));
  // AG + RS forward, RS + AG backward: 2 MiB x 1/2 over 100 GB/s each.
  double op = 2097152.0 * 0.5 / 100e9;
  EXPECT_DOUBLE_EQ(e.s[ExtStat::MoeEtpCommTime], 4 * 4 * op);
}

TEST(Moe, ExpertDataParallelism) {
  Execution x = tinyExe();
  x.optimizerSharding = true;
  Eval e(tinyMoe(), x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // EDP = t*D/(ETP*EP) = 8/4 = 2.
  EXPECT_EQ(x.expertDataPar(), 2);
  double expertBytes = 2.0 * (2 * 1024 * 4096 + 2 * 2048 * 1024);
  EXPECT_EQ(e.s[ExtStat::ExpertWeightSpace], 4 * expertBytes);
  // Gradients and optimizer state sharded over EDP = 2, not D = 8.
  EXPECT_EQ(e.s[ExtStat::ExpertWeightGradSpace], 4 * expertBytes / 2);
  EXPECT_EQ(e.s[ExtStat::ExpertOptimizerSpace],
            4 * (12.0 * expertBytes / 2) / 2);
  // RS + AG of the expert weights among 2 on tier 1, per block.
  double expertDp = 2 * (expertBytes * 0.5 / 10e9);
  EXPECT_DOUBLE_EQ(e.s[ExtStat::ExpertDpCommTime], 4 * expertDp);
  // Calculon's DP message is the rest of the block's weights.
  EXPECT_EQ(e.s[Stat::BlockDpSize], e.s[Stat::BlockWeightSpace] - expertBytes);
}

TEST(Moe, ImbalanceAndCapacity) {
  Model m = tinyMoe();
  Execution x = tinyExe();
  x.expertImbalance = 1.5;
  Eval hot(m, x);
  ASSERT_TRUE(hot.st.ok());
  // The busiest rank receives 1.5x the mean: 768 assignments.
  EXPECT_EQ(find(hot.ws, "MoeBlock_Dispatch")->commElems, 768.0 * 1024);
  EXPECT_EQ(find(hot.ws, "MoeBlock_Expert1")->fwFlops, 2.0 * 768 * 1024 * 4096);
  EXPECT_EQ(hot.s[ExtStat::MoeTokensDropped], 0.0); // dropless
  m.capacityFactor = 1.25;
  Eval capped(m, x);
  ASSERT_TRUE(capped.st.ok());
  // Capacity 1.25x the mean per expert: 640 kept, 1 - 1.25/1.5 dropped.
  EXPECT_EQ(find(capped.ws, "MoeBlock_Dispatch")->commElems, 640.0 * 1024);
  EXPECT_DOUBLE_EQ(capped.s[ExtStat::MoeTokensDropped], 1.0 - 1.25 / 1.5);
  EXPECT_DOUBLE_EQ(expertLoad(m, x), 1.25);
}

TEST(Moe, SharedExpertsAndTensorParallelism) {
  Model m = tinyMoe();
  m.sharedExperts = 2;
  Execution x = tinyExe();
  x.tensorPar = 2;
  x.dataPar = 4;
  x.tensorParCommType = TpCommType::RsAg;
  Eval e(m, x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // Routed tokens: the rank's sequence-parallel shard of M/t = 128.
  EXPECT_EQ(find(e.ws, "MoeBlock_Router")->inputs, 128.0 * 1024);
  // Shared experts: one MLP of 2 x 2048 split over t = 2 on all M tokens.
  const Layer *s1 = find(e.ws, "MoeBlock_Shared1");
  ASSERT_TRUE(s1);
  EXPECT_EQ(s1->weights, 1024.0 * 2 * 2048);
  EXPECT_EQ(s1->fwFlops, 2.0 * 256 * 1024 * 4096);
  EXPECT_FALSE(s1->expert);
  ASSERT_TRUE(find(e.ws, "MlpBlock_F")); // gathers for the shared experts
  // Without shared experts, sequence parallelism needs no f/g around MoE.
  Eval plain(tinyMoe(), x);
  ASSERT_TRUE(plain.st.ok());
  int tpOps = 0;
  for (const Layer &l : plain.ws.layers)
    tpOps += l.kind == LayerKind::TPComm;
  EXPECT_EQ(tpOps, 2); // attention's f and g only
}

TEST(Moe, MixedStages) {
  Model m = tinyMoe();
  m.denseBlocks = 1;
  Execution x = tinyExe();
  Eval e(m, x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  EXPECT_EQ(e.ws.numKinds, 2u);
  EXPECT_EQ(e.s[ExtStat::MoeBlocksPerProc], 3.0);
  // One stage (p = 1) holds 1 dense and 3 MoE blocks.
  Model dense = tinyMoe();
  dense.experts = 0;
  Eval d(dense, x);
  Model moe = tinyMoe();
  Eval all(moe, x);
  double w = d.s[Stat::BlockWeightSpace] + 3 * all.s[Stat::BlockWeightSpace];
  EXPECT_DOUBLE_EQ(e.s[Stat::WeightSpace], w);
  EXPECT_DOUBLE_EQ(e.s[Stat::FwTime],
                   d.s[Stat::BlockFwTime] + 3 * all.s[Stat::BlockFwTime]);
  // p = 4: the busiest stage is one MoE block.
  x.pipelinePar = 4;
  x.dataPar = 2;
  x.batchSize = 2;
  x.expertPar = 2;
  Eval staged(m, x);
  ASSERT_TRUE(staged.st.ok()) << message(staged.st);
  EXPECT_EQ(staged.s[ExtStat::MoeBlocksPerProc], 1.0);
  EXPECT_GT(staged.s[ExtStat::MoeA2aTime], 0.0);
}

TEST(Moe, UnevenStagesKeepCalculonsGeometry) {
  Model m = tinyMoe();
  m.numBlocks = 5; // p = 2: stages of 3 and 2 blocks
  Execution x = tinyExe();
  x.pipelinePar = 2;
  x.dataPar = 4;
  x.batchSize = 4;
  x.expertPar = 4;
  Eval e(m, x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  EXPECT_EQ(e.s[ExtStat::MoeBlocksPerProc], 3.0); // ceil(5/2)
  EXPECT_DOUBLE_EQ(e.s[Stat::FwTime], 3 * e.s[Stat::BlockFwTime]);
}

TEST(Moe, ParameterCounts) {
  // Per block: attention 4*h*a*d + biases (3ad + h) + LayerNorms 4h =
  // 4,202,496; each expert 3*h*f_e + 2f_e + h = 6,296,576; router h*E.
  ParameterCount p = countParameters(tinyMoe());
  double always = 4202496.0 + 8192;
  double embeddings = (51200.0 + 256) * 1024;
  EXPECT_EQ(p.total, 4 * (always + 8 * 6296576.0) + embeddings);
  EXPECT_EQ(p.active, 4 * (always + 2 * 6296576.0) + embeddings);
  Eval e(tinyMoe(), tinyExe());
  EXPECT_EQ(e.s[ExtStat::TotalParams], 271024128.0);
  EXPECT_EQ(e.s[ExtStat::ActiveParams], 119906304.0);
}

TEST(Moe, MegatronFlops) {
  // 6 * B*s * L * (attention 2h*ad + 2h*g*d, experts k*3*h*f_e) + 6 * B *
  // L * a * s^2 * 2d: 850,403,524,608 for 8 sequences.
  Eval e(tinyMoe(), tinyExe());
  ASSERT_TRUE(e.st.ok());
  EXPECT_EQ(e.s[ExtStat::ModelFlops], 850403524608.0);
  EXPECT_DOUBLE_EQ(e.s[ExtStat::ModelFlopsPerProc],
                   850403524608.0 / (e.s[Stat::TotalTime] * 8));
  Model v = tinyMoe();
  v.vocab = 32000; // + 6 * B*s * h*V of logits
  EXPECT_EQ(modelFlops(v, tinyExe()),
            850403524608.0 + 6.0 * 2048 * 1024 * 32000);
}

Model tinyMla() {
  Model m = tinyMoe();
  m.experts = 0;
  m.attention = AttentionKind::Mla;
  m.qLoraRank = 512;
  m.kvLoraRank = 256;
  m.qkNopeHeadDim = 64;
  m.qkRopeHeadDim = 32;
  m.vHeadDim = 64;
  return m;
}

TEST(Mla, Projections) {
  Execution x = tinyExe();
  x.tensorPar = 2;
  x.dataPar = 4;
  x.expertPar = 1;
  Eval e(tinyMla(), x);
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  // Down projections replicated, up projections split over t = 2.
  EXPECT_EQ(find(e.ws, "AttnBlock_QDown")->fwFlops, 2.0 * 256 * 1024 * 512);
  EXPECT_EQ(find(e.ws, "AttnBlock_QUp")->weights, 512.0 * (8 * 96 / 2));
  EXPECT_EQ(find(e.ws, "AttnBlock_KVDown")->weights, 1024.0 * (256 + 32));
  EXPECT_EQ(find(e.ws, "AttnBlock_KVUp")->weights, 256.0 * (8 * 128 / 2));
  EXPECT_EQ(find(e.ws, "AttnBlock_KVNorm")->weights, 2.0 * 256);
  // Scores over the 96-wide query/key heads, values 64 wide, 4 heads/rank.
  EXPECT_EQ(find(e.ws, "AttnBlock_Multihead_Key_Query")->fwFlops,
            2.0 * 4 * 256 * 96 * 256);
  EXPECT_EQ(find(e.ws, "AttnBlock_Multihead_Attn")->fwFlops,
            2.0 * 4 * 256 * 256 * 64);
  EXPECT_EQ(find(e.ws, "AttnBlock_MLP")->weights, 256.0 * 1024);
  // Parameters: h*dq + dq*a*96 + h*288 + dc*a*128 + a*64*h per block.
  ParameterCount p = countParameters(tinyMla());
  double weights = 1024.0 * 512 + 512.0 * 8 * 96 + 1024.0 * 288 +
                   256.0 * 8 * 128 + 8.0 * 64 * 1024;
  double biases = 512.0 + 8 * 96 + 288 + 8 * 128 + 1024;
  double norms = 2.0 * (512 + 256) + 4 * 1024;
  double mlp = 3.0 * 1024 * 4096 + 2 * 4096 + 1024;
  EXPECT_EQ(p.total,
            4 * (weights + biases + norms + mlp) + (51200.0 + 256) * 1024);
  EXPECT_EQ(p.active, p.total);
}

TEST(Mla, WithoutQueryLatent) {
  Model m = tinyMla();
  m.qLoraRank = 0;
  Eval e(m, tinyExe());
  ASSERT_TRUE(e.st.ok()) << message(e.st);
  EXPECT_FALSE(find(e.ws, "AttnBlock_QDown"));
  EXPECT_EQ(find(e.ws, "AttnBlock_Query")->weights, 1024.0 * 8 * 96);
}

} // namespace
