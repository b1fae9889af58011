//===- ServingFixtures.h - Systems and models of the generation tests ----===//
//
// stdlib/systems/nvidia.calc's dgx_h100 built as a cost::System, the
// published shapes of the served models (stdlib/models/llama.calc and the
// Hugging Face configs cited below), and a small system whose efficiencies
// are all 1 so that unit tests can be computed by hand.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TEST_UNIT_COST_SERVINGFIXTURES_H
#define CALC_TEST_UNIT_COST_SERVINGFIXTURES_H

#include "eval/cost/Generation.h"

namespace calc::cost::test {

/// stdlib/systems/nvidia.calc `dgx_h100`, value for value.
inline System dgxH100() {
  System s;
  const EfficiencyTable matrixTable{
      {{128e9, 0.95}, {16e9, 0.9}, {1e9, 0.6}, {0, 0.1}}};
  const EfficiencyTable vectorTable{{{16e9, 0.95}, {1e9, 0.5}, {0, 0.1}}};
  const double matrixPeaks[] = {1978.9e12, 989.4e12, 989.4e12};
  for (unsigned dt = 0; dt < 3; ++dt) {
    s.matrix[dt] = {true, matrixPeaks[dt], matrixTable};
    s.vector[dt] = {true, 133.8e12, vectorTable};
  }
  const double GiB = 1024.0 * 1024 * 1024;
  s.mem1 = {
      80 * GiB, 3.35e12, {{{100e6, 0.9}, {10e6, 0.75}, {1e6, 0.6}, {0, 0.3}}}};
  s.mem2 = {
      256 * GiB, 64e9, {{{100e6, 0.95}, {10e6, 0.9}, {1e6, 0.7}, {0, 0.3}}}};
  s.processingMode = ProcessingMode::NoOverlap;
  Network nvlink;
  nvlink.bandwidth = 450e9;
  nvlink.efficiency = 0.65;
  nvlink.size = 8;
  nvlink.latency = 10e-6;
  for (NetOpScaling &op : nvlink.ops)
    op = {1.0, 0};
  nvlink.ops[unsigned(NetOp::AllReduce)] = {1.0, 1};
  nvlink.mustBeFilled = true;
  nvlink.processorUsage = 0.15;
  Network ib;
  ib.bandwidth = 400e9 / 8;
  ib.efficiency = 0.9;
  ib.size = 65536;
  ib.latency = 20e-6;
  for (NetOpScaling &op : ib.ops)
    op = {1.0, 0};
  ib.processorUsage = 0.02;
  s.networks = {nvlink, ib};
  return s;
}

/// A machine with every efficiency 1 (one step at threshold 0): op times
/// are flops/peak and bytes/bandwidth, easy to compute by hand.
inline System flatSystem(ProcessingMode mode) {
  System s;
  const EfficiencyTable one{{{0, 1.0}}};
  for (unsigned dt = 0; dt < NumDataTypes; ++dt) {
    s.matrix[dt] = {true, 1e12, one};
    s.vector[dt] = {true, 1e11, one};
  }
  s.mem1 = {1e12, 1e11, one};
  s.mem2 = {1e12, 1e10, one};
  s.processingMode = mode;
  Network net;
  net.bandwidth = 1e10;
  net.efficiency = 1;
  net.size = 8;
  net.latency = 1e-6;
  for (NetOpScaling &op : net.ops)
    op = {1.0, -1};
  net.ops[unsigned(NetOp::P2P)] = {1.0, 0};
  net.ops[unsigned(NetOp::AllReduce)] = {2.0, -1}; // ring
  s.networks = {net};
  return s;
}

/// A small GQA model for hand-computed tests: h 1024, 8 heads of 128, 2 KV
/// heads, f 4096 GeLU, 4 blocks, no vocabulary.
inline Model tinyModel() {
  Model m;
  m.hidden = 1024;
  m.feedforward = 4096;
  m.seqSize = 2048;
  m.attnHeads = 8;
  m.attnSize = 128;
  m.numBlocks = 4;
  m.kvHeads = 2;
  return m;
}

/// stdlib/models/llama.calc `llama2_70b` (meta-llama/Llama-2-70b-hf).
inline Model llama2_70b() {
  Model m;
  m.hidden = 8192;
  m.feedforward = 28672;
  m.seqSize = 4096;
  m.attnHeads = 64;
  m.attnSize = 128;
  m.numBlocks = 80;
  m.kvHeads = 8;
  m.mlpType = MlpType::SwiGlu;
  m.vocab = 32000;
  return m;
}

/// Llama 3.3 70B (meta-llama/Llama-3.3-70B-Instruct config.json): Llama 3.1
/// 70B's shape, a 128,256-token vocabulary.
inline Model llama3_3_70b() {
  Model m = llama2_70b();
  m.seqSize = 8192;
  m.vocab = 128256;
  return m;
}

/// Mixtral 8x7B (mistralai/Mixtral-8x7B-v0.1 config.json; validation P3):
/// 32 blocks, h 4096, 32 heads / 8 KV, 8 experts top-2 of width 14336.
inline Model mixtral8x7b() {
  Model m;
  m.hidden = 4096;
  m.feedforward = 14336;
  m.seqSize = 4096;
  m.attnHeads = 32;
  m.attnSize = 128;
  m.numBlocks = 32;
  m.kvHeads = 8;
  m.mlpType = MlpType::SwiGlu;
  m.vocab = 32000;
  m.experts = 8;
  m.topK = 2;
  m.expertFeedforward = 14336;
  return m;
}

/// DeepSeek-V3 (deepseek-ai/DeepSeek-V3 config.json): MLA, 256 routed
/// experts top-8 of width 2048, one shared, 3 dense blocks.
inline Model deepseekV3() {
  Model m;
  m.hidden = 7168;
  m.feedforward = 18432;
  m.seqSize = 4096;
  m.attnHeads = 128;
  m.attnSize = 128;
  m.numBlocks = 61;
  m.kvHeads = 128;
  m.mlpType = MlpType::SwiGlu;
  m.vocab = 129280;
  m.experts = 256;
  m.topK = 8;
  m.expertFeedforward = 2048;
  m.sharedExperts = 1;
  m.denseBlocks = 3;
  m.attention = AttentionKind::Mla;
  m.qLoraRank = 1536;
  m.kvLoraRank = 512;
  m.qkNopeHeadDim = 128;
  m.qkRopeHeadDim = 64;
  m.vHeadDim = 128;
  return m;
}

} // namespace calc::cost::test

#endif
