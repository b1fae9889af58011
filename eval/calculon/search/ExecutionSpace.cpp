//===- ExecutionSpace.cpp - Calculon's candidate executions ---------------===//
//
// Generators of docs/calculon-model.md §11.1 and the nesting of §11.2.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/ExecutionSpace.h"

#include <algorithm>

using namespace calc;
using namespace calc::calculon;

void ExecutionSpace::divisors(int64_t x, llvm::SmallVectorImpl<int64_t> &out) {
  out.clear();
  if (x <= 0)
    return;
  llvm::SmallVector<int64_t, 32> large;
  for (int64_t d = 1; d <= x / d; ++d) {
    if (x % d)
      continue;
    out.push_back(d);
    if (d != x / d)
      large.push_back(x / d);
  }
  out.append(large.rbegin(), large.rend());
}

/// Calculon's batch size: the largest multiple of D not above the maximum
/// (0 when D itself is larger: the task is skipped).
static int64_t batchSizeFor(int64_t dataPar, int64_t maxBatch) {
  return dataPar > maxBatch ? 0 : (maxBatch / dataPar) * dataPar;
}

void ExecutionSpace::expertLayouts(
    const cost::Model &model, int64_t t, int64_t D,
    llvm::SmallVectorImpl<std::pair<int64_t, int64_t>> &out) {
  out.clear();
  if (!model.isMoe()) {
    out.push_back({1, 1});
    return;
  }
  llvm::SmallVector<int64_t, 32> etps, eps;
  divisors(t, etps);
  divisors(model.experts, eps);
  for (int64_t etp : etps) {
    if (model.expertFeedforward % etp)
      continue;
    for (int64_t ep : eps)
      if ((t * D) % (etp * ep) == 0)
        out.push_back({etp, ep});
  }
}

void ExecutionSpace::addTasks(const cost::Model &model, int64_t t, int64_t p) {
  int64_t N = options.numProcs;
  int64_t D = N / (t * p);
  int64_t B = batchSizeFor(D, options.maxBatch);
  if (B == 0)
    return;
  // Microbatch sizes: factors(B/D) with b*s divisible by t (§11.1), shared
  // by every task of this (t, p).
  uint32_t mbBegin = uint32_t(microbatchPool.size());
  llvm::SmallVector<int64_t, 32> factors;
  divisors(B / D, factors);
  for (int64_t b : factors)
    if ((b * model.seqSize) % t == 0)
      microbatchPool.push_back(b);
  uint32_t mbCount = uint32_t(microbatchPool.size()) - mbBegin;

  llvm::SmallVector<int64_t, 32> interleavings = {1};
  if (p > 1)
    divisors(model.blocksPerStage(p), interleavings);
  llvm::SmallVector<std::pair<int64_t, int64_t>, 16> layouts;
  expertLayouts(model, t, D, layouts);
  static const cost::Recompute recomputes[] = {
      cost::Recompute::Full, cost::Recompute::AttnOnly, cost::Recompute::None};
  static const cost::TpCommType comms[] = {cost::TpCommType::AllReduce,
                                           cost::TpCommType::P2pRsAg,
                                           cost::TpCommType::RsAg};
  for (int64_t v : interleavings)
    for (cost::Recompute rc : recomputes)
      for (int sharding = D > 1 ? 1 : 0; sharding >= 0; --sharding)
        for (cost::TpCommType comm : comms)
          for (auto [etp, ep] : layouts) {
            SpaceTask task;
            task.expertTensorPar = etp;
            task.expertPar = ep;
            task.tensorPar = t;
            task.pipelinePar = p;
            task.dataPar = D;
            task.interleaving = v;
            task.batchSize = B;
            task.recompute = rc;
            task.optimizerSharding = sharding == 1;
            task.comm = comm;
            bool canRedo =
                comm == cost::TpCommType::RsAg && rc != cost::Recompute::Full;
            task.radix[KnobAgRedo] = canRedo ? 2 : 1;
            task.radix[KnobDpOverlap] = D > 1 && options.allowDpOverlap ? 2 : 1;
            task.radix[KnobTpOverlap] = t > 1 && options.allowTpOverlap ? 3 : 1;
            task.radix[KnobWeightOffload] = hasMem2 ? 2 : 1;
            task.radix[KnobActOffload] =
                rc == cost::Recompute::Full || !hasMem2 ? 1 : 2;
            task.radix[KnobOptimOffload] = hasMem2 ? 2 : 1;
            task.radix[KnobFused] = uint8_t(options.fused.size());
            task.nets[0] = t > 1 ? numNets : 1;
            task.nets[1] = p > 1 ? numNets : 1;
            task.nets[2] = D > 1 ? numNets : 1;
            task.nets[3] = ep > 1 ? numNets : 1;
            task.mbBegin = mbBegin;
            task.mbCount = mbCount;
            task.firstGroup = groupCount;
            task.numGroups = 1;
            for (uint8_t r : task.radix)
              task.numGroups *= r;
            groupCount += task.numGroups;
            candidateCount += task.numGroups * mbCount *
                              uint64_t(task.nets[0]) * task.nets[1] *
                              task.nets[2] * task.nets[3];
            taskList.push_back(task);
          }
}

bool ExecutionSpace::build(const cost::Model &model,
                           const cost::System &system,
                           const SpaceOptions &options, ExecutionSpace &space,
                           std::string &error) {
  if (model.hidden <= 0 || model.attnHeads <= 0 || model.numBlocks <= 0 ||
      model.seqSize <= 0) {
    error = "the model's hidden, attn_heads, num_blocks and seq_size must be "
            "positive";
    return false;
  }
  if (options.numProcs <= 0 || options.maxBatch <= 0 ||
      options.fused.empty()) {
    error = "num_procs and max_batch_size must be positive";
    return false;
  }
  space = ExecutionSpace();
  space.options = options;
  space.hasMem2 = system.mem2.capacity > 0;
  space.numNets = int(system.networks.size());
  int64_t N = options.numProcs, L = model.numBlocks;
  llvm::SmallVector<int64_t, 64> tps, pps;
  divisors(N, tps);
  for (int64_t t : tps) {
    if (model.hidden % t || model.attnHeads % t)
      continue;
    divisors(std::min(N / t, L), pps);
    // Calculon searches even splits only; a MoE model (DeepSeek-V3's 61
    // blocks, Qwen3's 94) also uneven ones, costed by the fullest stage.
    for (int64_t p : pps)
      if (N % (t * p) == 0 && (L % p == 0 || model.isMoe()))
        space.addTasks(model, t, p);
  }
  return true;
}

void ExecutionSpace::group(uint64_t index, SpaceGroup &out) const {
  auto it = std::upper_bound(
      taskList.begin(), taskList.end(), index,
      [](uint64_t i, const SpaceTask &t) { return i < t.firstGroup; });
  const SpaceTask &task = *(it - 1);
  uint64_t r = index - task.firstGroup;
  unsigned digit[NumInnerKnobs];
  for (int k = NumInnerKnobs - 1; k >= 0; --k) {
    digit[k] = unsigned(r % task.radix[k]);
    r /= task.radix[k];
  }
  // A knob with two values is [true, false]: digit 0 is true.
  auto flag = [&](InnerKnob k) { return task.radix[k] == 2 && digit[k] == 0; };
  static const cost::TpOverlap overlaps[] = {
      cost::TpOverlap::None, cost::TpOverlap::Ring, cost::TpOverlap::Pipe};
  cost::Execution &x = out.exe;
  x = cost::Execution();
  x.numProcs = options.numProcs;
  x.tensorPar = task.tensorPar;
  x.pipelinePar = task.pipelinePar;
  x.dataPar = task.dataPar;
  x.batchSize = task.batchSize;
  x.datatype = x.matrixDatatype = options.datatype;
  x.fusedActivation = options.fused[digit[KnobFused]];
  x.activationRecompute = task.recompute;
  x.pipelineInterleaving = task.interleaving;
  x.optimizerSharding = task.optimizerSharding;
  x.tensorParCommType = task.comm;
  x.tensorParOverlap = overlaps[digit[KnobTpOverlap]];
  x.seqParAgRedo = flag(KnobAgRedo);
  x.dataParOverlap = flag(KnobDpOverlap);
  x.weightOffload = flag(KnobWeightOffload);
  x.activationsOffload = flag(KnobActOffload);
  x.optimizerOffload = flag(KnobOptimOffload);
  x.training = true;
  x.expertPar = task.expertPar;
  x.expertTensorPar = task.expertTensorPar;
  x.expertImbalance = options.expertImbalance;
  out.microbatches = llvm::ArrayRef<int64_t>(microbatchPool)
                         .slice(task.mbBegin, task.mbCount);
  out.numTpNets = task.nets[0];
  out.numPpNets = task.nets[1];
  out.numDpNets = task.nets[2];
  out.numEpNets = task.nets[3];
  out.task = &task;
}
