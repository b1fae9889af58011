//===- CostFixtures.h - Calculon's A100 system and models in C++ ----------===//
//
// The shipped a100_80g system, megatron-1T, turing-530B and the README
// execution (docs/calculon-model.md §14, §16.1), built as structs so the unit
// tests need no files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TEST_UNIT_COST_COSTFIXTURES_H
#define CALC_TEST_UNIT_COST_COSTFIXTURES_H

#include "eval/cost/Training.h"

namespace calc::cost::test {

inline System a100System() {
  System s;
  Engine &m = s.matrix[unsigned(DataType::Float16)];
  m.present = true;
  m.peak = 312e12;
  m.efficiency.steps = {{128e9, 0.95}, {16e9, 0.9}, {1e9, 0.6}, {0, 0.1}};
  Engine &v = s.vector[unsigned(DataType::Float16)];
  v.present = true;
  v.peak = 78e12;
  v.efficiency.steps = {{16e9, 0.95}, {1e9, 0.5}, {0, 0.1}};
  s.mem1.capacity = 80.0 * 1024 * 1024 * 1024;
  s.mem1.bandwidth = 2048e9;
  s.mem1.efficiency.steps = {{100e6, 0.9}, {10e6, 0.75}, {1e6, 0.6}, {0, 0.3}};
  s.mem2.capacity = 512.0 * 1024 * 1024 * 1024;
  s.mem2.bandwidth = 32e9;
  s.mem2.efficiency.steps = {{100e6, 0.95}, {10e6, 0.9}, {1e6, 0.7}, {0, 0.3}};
  s.processingMode = ProcessingMode::NoOverlap;
  Network nvlink;
  nvlink.bandwidth = 300e9;
  nvlink.efficiency = 0.65;
  nvlink.size = 8;
  nvlink.latency = 1e-5;
  nvlink.ops[0] = {1.0, 0};
  nvlink.ops[1] = {1.5, -1};
  nvlink.ops[2] = {1.5, -1};
  nvlink.ops[3] = {2.0, -1};
  nvlink.mustBeFilled = true;
  nvlink.processorUsage = 0.15;
  Network ib;
  ib.bandwidth = 25e9;
  ib.efficiency = 0.9;
  ib.size = 65536;
  ib.latency = 2e-5;
  for (NetOpScaling &op : ib.ops)
    op = {1.0, 0};
  ib.processorUsage = 0.02;
  s.networks = {nvlink, ib};
  return s;
}

inline Model megatron1T() {
  Model m;
  m.hidden = 25600;
  m.feedforward = 102400;
  m.seqSize = 2048;
  m.attnHeads = 160;
  m.attnSize = 160;
  m.numBlocks = 128;
  m.kvHeads = 160;
  return m;
}

/// Turing-NLG 530B (models/turing-530B.json), the README search's model.
inline Model turing530B() {
  Model m;
  m.hidden = 20480;
  m.feedforward = 81920;
  m.seqSize = 2048;
  m.attnHeads = 128;
  m.attnSize = 160;
  m.numBlocks = 105;
  m.kvHeads = 128;
  return m;
}

/// examples/3072_t4_p64_d12_mbs4_full.json
inline Execution readmeExecution() {
  Execution x;
  x.numProcs = 3072;
  x.tensorPar = 4;
  x.pipelinePar = 64;
  x.dataPar = 12;
  x.tensorParNet = 0;
  x.pipelineParNet = 1;
  x.dataParNet = 1;
  x.batchSize = 3072;
  x.microbatchSize = 4;
  x.fusedActivation = true;
  x.activationRecompute = Recompute::Full;
  x.optimizerSharding = true;
  x.tensorParCommType = TpCommType::RsAg;
  return x;
}

} // namespace calc::cost::test

#endif
