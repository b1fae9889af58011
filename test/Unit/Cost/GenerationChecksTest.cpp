//===- GenerationChecksTest.cpp - Every check of checkServing -------------===//
//
// Each failure of a serving plan is a value carrying the numbers involved,
// and renders to a message that names them.
//
//===----------------------------------------------------------------------===//
#include "ServingFixtures.h"

#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

using namespace calc::cost;
using namespace calc::cost::test;

namespace {

std::string render(const EvalStatus &s) {
  std::string text;
  llvm::raw_string_ostream os(text);
  renderStatus(s, os);
  return os.str();
}

EvalStatus check(const Model &m, const Serving &x,
                 const System &sys = dgxH100()) {
  return checkServing(m, sys, x);
}

TEST(GenerationChecksTest, AcceptsValidPlans) {
  Serving x;
  x.tensorPar = 8;
  EXPECT_TRUE(check(llama2_70b(), x).ok());
  x.tensorPar = 2;
  x.expertPar = 2;
  EXPECT_TRUE(check(mixtral8x7b(), x).ok());
  x.tensorPar = 8;
  x.expertPar = 8;
  EXPECT_TRUE(check(deepseekV3(), x).ok());
}

TEST(GenerationChecksTest, RequestSizes) {
  const struct {
    int64_t Serving::*field;
    ServingField which;
  } fields[] = {{&Serving::tensorPar, ServingField::TensorPar},
                {&Serving::pipelinePar, ServingField::PipelinePar},
                {&Serving::expertPar, ServingField::ExpertPar},
                {&Serving::dataPar, ServingField::DataPar},
                {&Serving::batchSize, ServingField::BatchSize},
                {&Serving::promptSize, ServingField::PromptSize},
                {&Serving::outputSize, ServingField::OutputSize}};
  for (const auto &f : fields) {
    Serving x;
    x.*f.field = 0;
    EvalStatus s = check(llama2_70b(), x);
    EXPECT_EQ(s.error, EvalError::GenNonPositive);
    EXPECT_EQ(s.a, int64_t(f.which));
    EXPECT_EQ(s.b, 0);
  }
  Serving huge;
  huge.promptSize = INT64_MAX;
  EXPECT_EQ(check(llama2_70b(), huge).error, EvalError::SizeOverflow);
  huge.promptSize = int64_t(1) << 52;
  huge.outputSize = int64_t(1) << 52;
  EXPECT_EQ(check(llama2_70b(), huge).error, EvalError::SizeOverflow);
  Serving x;
  x.promptSize = -3;
  EXPECT_EQ(render(check(llama2_70b(), x)),
            "serving 'prompt_size' must be positive, got -3");
}

TEST(GenerationChecksTest, ModelFields) {
  Model m = llama2_70b();
  m.hidden = 0;
  EXPECT_EQ(check(m, Serving()).error, EvalError::GenBadModelField);
  m = llama2_70b();
  m.kvHeads = 3;
  EvalStatus s = check(m, Serving());
  EXPECT_EQ(s.error, EvalError::BadKvHeads);
  EXPECT_EQ(s.a, 3);
  m = mixtral8x7b();
  m.topK = 9;
  s = check(m, Serving());
  EXPECT_EQ(s.error, EvalError::GenBadModelField);
  EXPECT_EQ(s.a, int64_t(GenModelField::TopK));
  EXPECT_EQ(render(s), "model 'top_k' must be between 1 and experts for "
                       "generation, got 9");
  m = mixtral8x7b();
  m.feedforward = 0; // no dense block reads it
  EXPECT_TRUE(check(m, Serving()).ok());
  m.denseBlocks = 1;
  EXPECT_EQ(check(m, Serving()).a, int64_t(GenModelField::Feedforward));
  m = deepseekV3();
  m.kvLoraRank = 0;
  s = check(m, Serving());
  EXPECT_EQ(s.a, int64_t(GenModelField::KvLoraRank));
  m = deepseekV3();
  m.attnSize = 0; // MLA reads its own head sizes
  EXPECT_TRUE(check(m, Serving()).ok());
}

TEST(GenerationChecksTest, NetworkIndex) {
  Serving x;
  x.tensorPar = 2;
  x.tensorParNet = 2;
  EvalStatus s = check(llama2_70b(), x);
  EXPECT_EQ(s.error, EvalError::GenNetworkIndex);
  EXPECT_EQ(s.a, 0);
  EXPECT_EQ(s.b, 2);
  EXPECT_EQ(s.c, 2);
  EXPECT_EQ(render(s), "tensor_par_net 2 is not a network index (the system "
                       "has 2 networks)");
  // Unused traffic does not need a network: t = 1 on a one-GPU system.
  System single = dgxH100();
  single.networks.clear();
  EXPECT_TRUE(check(llama2_70b(), Serving(), single).ok());
  x = Serving();
  x.tensorPar = 2;
  x.expertPar = 2;
  x.expertParNet = -1;
  s = check(mixtral8x7b(), x);
  EXPECT_EQ(s.error, EvalError::GenNetworkIndex);
  EXPECT_EQ(s.a, 2);
}

TEST(GenerationChecksTest, NetworkTiers) {
  Serving x;
  x.tensorPar = 16; // an 8-GPU NVLink tier
  Model m = llama2_70b();
  EvalStatus s = check(m, x);
  EXPECT_EQ(s.error, EvalError::NetworkTooSmall);
  EXPECT_EQ(s.b, 16);
  EXPECT_EQ(s.c, 8);
  x.tensorPar = 4;
  x.pipelinePar = 4;
  s = check(m, x);
  EXPECT_EQ(s.error, EvalError::NetworkTooSmall);
  x.pipelineParNet = 1;
  EXPECT_TRUE(check(m, x).ok());
  Model odd = m;
  odd.attnHeads = 96;
  odd.kvHeads = 96;
  x = Serving();
  x.tensorPar = 3;
  s = check(odd, x);
  EXPECT_EQ(s.error, EvalError::NetworkNotFilled);
  EXPECT_EQ(s.b, 3);
}

TEST(GenerationChecksTest, Datatype) {
  System sys = dgxH100();
  sys.matrix[unsigned(DataType::Float32)].present = false;
  Serving x;
  x.datatype = DataType::Float32;
  EvalStatus s = check(llama2_70b(), x, sys);
  EXPECT_EQ(s.error, EvalError::DatatypeUnsupported);
  EXPECT_EQ(s.a, int64_t(DataType::Float32));
}

TEST(GenerationChecksTest, HeadsAndKvHeads) {
  Model m = llama2_70b();
  m.attnHeads = 60; // 60 heads, 6 KV heads: TP 8 divides neither
  m.kvHeads = 6;
  Serving x;
  x.tensorPar = 8;
  EvalStatus s = check(m, x);
  EXPECT_EQ(s.error, EvalError::HeadsNotDivisible);
  m.attnHeads = 64;
  m.kvHeads = 16; // TP 8 divides 16: split
  EXPECT_TRUE(check(m, x).ok());
  m.kvHeads = 4; // TP 8 a multiple of 4: replicate
  EXPECT_TRUE(check(m, x).ok());
  m.attnHeads = 48;
  m.kvHeads = 6; // 8 and 6: neither divides the other
  s = check(m, x);
  EXPECT_EQ(s.error, EvalError::GenKvHeadsNotDivisible);
  EXPECT_EQ(s.a, 6);
  EXPECT_EQ(s.b, 8);
  EXPECT_NE(render(s).find("kv_heads=6 and tensor_par=8"), std::string::npos);
  m = llama2_70b();
  m.feedforward = 28670;
  x.tensorPar = 4;
  EXPECT_EQ(check(m, x).error, EvalError::FeedforwardNotDivisible);
}

TEST(GenerationChecksTest, ExpertParallelism) {
  Serving x;
  x.tensorPar = 2;
  x.expertPar = 2;
  EvalStatus s = check(llama2_70b(), x);
  EXPECT_EQ(s.error, EvalError::GenExpertParWithoutExperts);
  EXPECT_EQ(s.a, 2);
  x.tensorPar = 2;
  x.expertPar = 4;
  s = check(mixtral8x7b(), x);
  EXPECT_EQ(s.error, EvalError::GenExpertParNotDividingTp);
  EXPECT_EQ(render(s), "expert_par 4 must divide tensor_par 2 (expert "
                       "parallel ranks are the tensor parallel GPUs)");
  Model m = mixtral8x7b();
  m.experts = 6;
  m.topK = 2;
  x.tensorPar = 4;
  x.expertPar = 4;
  s = check(m, x);
  EXPECT_EQ(s.error, EvalError::GenExpertsNotDivisible);
  EXPECT_EQ(s.a, 6);
  EXPECT_EQ(s.b, 4);
  m = mixtral8x7b();
  m.expertFeedforward = 14335;
  x.tensorPar = 2;
  x.expertPar = 1;
  s = check(m, x);
  EXPECT_EQ(s.error, EvalError::GenExpertFeedforwardNotDivisible);
  EXPECT_EQ(s.b, 2);
}

TEST(GenerationChecksTest, PipelineDepth) {
  Model m = llama2_70b();
  m.numBlocks = 4;
  Serving x;
  x.pipelinePar = 8;
  EvalStatus s = check(m, x);
  EXPECT_EQ(s.error, EvalError::GenPipelineTooDeep);
  EXPECT_EQ(render(s), "pipeline_par 8 is more than the 4 blocks to split");
}

TEST(GenerationChecksTest, EvaluateRunsTheChecksFirst) {
  Serving x;
  x.batchSize = 0;
  GenerationStats st;
  EXPECT_EQ(evaluateGeneration(llama2_70b(), dgxH100(), x, st).error,
            EvalError::GenNonPositive);
}

TEST(GenerationChecksTest, Capacity) {
  // Llama-2-70B in fp16 on one GPU: 138 GB of weights.
  GenerationStats st;
  EvalStatus s = evaluateGeneration(llama2_70b(), dgxH100(), Serving(), st);
  EXPECT_EQ(s.error, EvalError::Mem1Capacity);
  EXPECT_GT(s.x, 137e9);
  EXPECT_EQ(s.y, 80.0 * 1024 * 1024 * 1024);
  EXPECT_TRUE(isCandidateRejection(s.error));
}

TEST(GenerationChecksTest, EfficiencyLookup) {
  System sys = dgxH100();
  sys.mem1.efficiency.steps = {{1e9, 0.9}}; // nothing below 1 GB
  Serving x;
  x.tensorPar = 8;
  GenerationStats st;
  EvalStatus s = evaluateGeneration(llama2_70b(), sys, x, st);
  EXPECT_EQ(s.error, EvalError::EfficiencyLookup);
  EXPECT_EQ(s.a, int64_t(EfficiencyKind::Mem1));
}

} // namespace
