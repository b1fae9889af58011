//===- MoeFixtures.h - A small MoE model and an exact system --------------===//
//
// Shared by the MoE unit tests: a system with efficiency 1 everywhere and
// round bandwidths, so times are exact ratios, and a small Mixtral-like model
// and plan whose every formula can be computed by hand.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TEST_UNIT_COST_MOEFIXTURES_H
#define CALC_TEST_UNIT_COST_MOEFIXTURES_H

#include "eval/cost/Training.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::cost::test {

/// Efficiency 1 everywhere, no latency; tier 0 100 GB/s of 8 processors,
/// tier 1 10 GB/s of 1024. Every collective is the ring form, AR scale 2.
inline System unitSystem() {
  System s;
  for (Engine *e : {&s.matrix[unsigned(DataType::Float16)],
                    &s.vector[unsigned(DataType::Float16)]}) {
    e->present = true;
    e->efficiency.steps = {{0, 1.0}};
  }
  s.matrix[unsigned(DataType::Float16)].peak = 100e12;
  s.vector[unsigned(DataType::Float16)].peak = 10e12;
  s.mem1 = {1e15, 1e12, {}};
  s.mem1.efficiency.steps = {{0, 1.0}};
  s.mem2 = {0, 1e9, {}};
  s.mem2.efficiency.steps = {{0, 1.0}};
  Network n;
  n.latency = 0;
  n.efficiency = 1;
  n.ops[unsigned(NetOp::ReduceScatter)] = {1, -1};
  n.ops[unsigned(NetOp::AllGather)] = {1, -1};
  n.ops[unsigned(NetOp::AllReduce)] = {2, -1};
  Network fast = n, slow = n;
  fast.bandwidth = 100e9;
  fast.size = 8;
  slow.bandwidth = 10e9;
  slow.size = 1024;
  s.networks = {fast, slow};
  return s;
}

/// h 1024, s 256, 8 heads of 128, 4 blocks, SwiGLU; 8 experts of 2048,
/// top-2 (a small Mixtral).
inline Model tinyMoe() {
  Model m;
  m.hidden = 1024;
  m.feedforward = 4096;
  m.seqSize = 256;
  m.attnHeads = 8;
  m.attnSize = 128;
  m.numBlocks = 4;
  m.kvHeads = 8;
  m.mlpType = MlpType::SwiGlu;
  m.experts = 8;
  m.topK = 2;
  m.expertFeedforward = 2048;
  return m;
}

/// 8 processors, all data parallel; EP 4 on tier 0, DP on tier 1.
inline Execution tinyExe() {
  Execution x;
  x.numProcs = 8;
  x.dataPar = 8;
  x.batchSize = 8;
  x.microbatchSize = 1;
  x.dataParNet = 1;
  x.expertPar = 4;
  x.expertParNet = 0;
  return x;
}

/// One evaluation and its results.
struct Eval {
  Workspace ws;
  Stats s;
  EvalStatus st;
  Eval(const Model &m, const Execution &x, const System &sys = unitSystem()) {
    st = evaluateTraining(m, sys, x, ws, s);
  }
};

/// The rendered message of a status.
inline std::string message(const EvalStatus &st) {
  std::string text;
  llvm::raw_string_ostream os(text);
  renderStatus(st, os);
  return os.str();
}

} // namespace calc::cost::test

#endif
