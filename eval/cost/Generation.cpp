//===- Generation.cpp - Prefill, decode and the serving metrics -----------===//
//
// Composes the block costs (GenerationOps.cpp) into the two phases of
// generation on a replica of t·p processors: the pipeline of p stages with
// m = min(p, B) micro-batches in flight, the static-batch and continuous
// request modes, the memory check and the statistics (docs/model.md,
// "Generation"). No allocation, no strings: a search calls this per
// candidate.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Generation.h"
#include "eval/cost/GenerationModel.h"
#include "eval/cost/StepSum.h"

#include <algorithm>
#include <cassert>
#include <cmath>

using namespace calc::cost;
using namespace calc::cost::gen;

namespace {

const char *const genStatKeys[] = {
#define GSTAT(Id, Key, Unit) Key,
#include "eval/cost/GenStatKeys.def"
};
const char *const genStatUnits[] = {
#define GSTAT(Id, Key, Unit) Unit,
#include "eval/cost/GenStatKeys.def"
};
static_assert(sizeof(genStatKeys) / sizeof(genStatKeys[0]) == NumGenStats,
              "NumGenStats must count GenStatKeys.def");

/// One micro-batch's pass through the replica: the cost of a dense block,
/// a MoE block, the LM head and one pipeline hop.
struct Pass {
  Parts dense, moe, head, hop;

  /// The ops of pipeline stage `st`.
  Parts stage(const Shape &s, int64_t st) const {
    int64_t nb = stageBlocks(s, st), nd = stageDenseBlocks(s, st);
    Parts r = dense.scaled(double(nd));
    if (nb > nd)
      r += moe.scaled(double(nb - nd));
    if (st == s.p - 1)
      r += head;
    return r;
  }
};

Pass makePass(const Shape &s, const Machine &mc, double seqs, double tokens,
              const Parts &attention) {
  Pass pass;
  if (s.denseBlocks > 0) {
    pass.dense = blockCost(s, mc, false, tokens);
    pass.dense += attention;
  }
  if (s.moe && s.denseBlocks < s.L) {
    pass.moe = blockCost(s, mc, true, tokens);
    pass.moe += attention;
  }
  pass.head = headCost(s, mc, seqs);
  pass.hop = pipelineHop(s, mc, tokens);
  return pass;
}

/// A phase: its time, where the time of one micro-batch's path goes, and
/// the work of one processor (the replica's divided by its p stages).
struct Phase {
  double time = 0;
  Parts path;
  double flops = 0, bytes = 0;
};

/// Prefill of m micro-batches of `seqs` prompts: a pipelined forward pass,
/// one micro-batch's trip through the p stages plus (m − 1) times the
/// slowest stage (GPipe's fill-and-drain, Huang et al. 2019).
Phase prefill(const Shape &s, const Machine &mc, double seqs, double prompt,
              int64_t m) {
  Parts attention = prefillAttention(s, mc, seqs, prompt);
  Pass pass = makePass(s, mc, seqs, seqs * prompt, attention);
  Parts trip = pass.hop.scaled(double(s.p - 1)), slowest;
  for (int64_t st = 0; st < s.p; ++st) {
    Parts stage = pass.stage(s, st);
    trip += stage;
    if (stage.time > slowest.time)
      slowest = stage;
  }
  Phase ph;
  ph.path = trip;
  ph.path += slowest.scaled(double(m - 1));
  ph.time = ph.path.time;
  ph.flops = trip.flops * double(m) / double(s.p);
  ph.bytes = trip.bytes * double(m) / double(s.p);
  return ph;
}

/// Adds stage line λ·a + μ (λ = m·blocks), keeping one line per slope.
void addStageLine(Line *lines, unsigned &n, double slope, double intercept) {
  for (unsigned i = 0; i < n; ++i)
    if (lines[i].c1 == slope) {
      lines[i].c0 = std::max(lines[i].c0, intercept);
      return;
    }
  // Stages hold L_p, one shorter count, or no blocks: three slopes at most.
  assert(n + 1 < MaxRoundLines && "the trip line must still fit");
  lines[n++] = {intercept, slope};
}

/// Decode of S_out − 1 steps, each one token for every sequence. A round
/// (one token for all m micro-batches) takes the longer of one
/// micro-batch's trip and m passes through the slowest stage; the only
/// term that changes with the context is the attention core, a(c) per
/// block, so a round is max_i (λ_i·a(c) + μ_i).
Phase decode(const Shape &s, const Machine &mc, const Serving &x) {
  Phase ph;
  int64_t steps = x.outputSize - 1;
  if (steps == 0)
    return ph;
  Pass pass = makePass(s, mc, s.b, s.b, Parts());
  AffineOp attention = decodeAttention(s, s.b);
  Line round[MaxRoundLines];
  unsigned n = 0;
  Parts trip = pass.hop.scaled(double(s.p - 1));
  for (int64_t st = 0; st < s.p; ++st) {
    Parts stage = pass.stage(s, st);
    trip += stage;
    addStageLine(round, n, double(s.m * stageBlocks(s, st)),
                 double(s.m) * stage.time);
  }
  round[n++] = {trip.time, double(s.L)};
  double L = double(s.L), perProc = double(s.m) / double(s.p);
  ph.path = trip.scaled(double(steps));
  if (x.mode == RequestMode::StaticBatch) {
    // Every sequence at context S_in + j in step j: exact sum over steps.
    StepSums sums = sumDecodeSteps(mc, attention, round, n, x.promptSize + 1,
                                   x.promptSize + steps);
    ph.time = sums.rounds;
    ph.path.compute += L * sums.compute;
    ph.path.memory += L * sums.memory;
    ph.flops = (trip.flops * double(steps) + L * sums.flops) * perProc;
    ph.bytes = (trip.bytes * double(steps) + L * sums.bytes) * perProc;
  } else {
    // Contexts staggered evenly: every step holds the lifetime mean
    // S_in + S_out/2 per sequence.
    double c = double(x.promptSize) + double(x.outputSize) / 2;
    Parts a = mc.op(true, attention.flops(c), attention.bytes(c));
    double r = 0;
    for (unsigned i = 0; i < n; ++i)
      r = std::max(r, round[i].at(a.time));
    ph.time = r * double(steps);
    ph.path += a.scaled(L * double(steps));
    ph.flops = (trip.flops + L * a.flops) * double(steps) * perProc;
    ph.bytes = (trip.bytes + L * a.bytes) * double(steps) * perProc;
  }
  ph.path.time = ph.time;
  return ph;
}

constexpr unsigned statIndex(GenStat s) { return static_cast<unsigned>(s); }
static_assert(statIndex(GenStat::PrefillEpCommTime) ==
                      statIndex(GenStat::PrefillFlops) + 6 &&
                  statIndex(GenStat::DecodeEpCommTime) ==
                      statIndex(GenStat::DecodeFlops) + 6,
              "putPhase writes a phase's seven statistics in .def order");

void putPhase(GenerationStats &st, const Phase &ph, bool isPrefill) {
  GenStat first = isPrefill ? GenStat::PrefillFlops : GenStat::DecodeFlops;
  double *v = &st.values[static_cast<unsigned>(first)];
  // Flops, bytes, compute, memory, tp, pp, ep: the .def order.
  const double parts[] = {ph.flops,       ph.bytes,   ph.path.compute,
                          ph.path.memory, ph.path.tp, ph.path.pp,
                          ph.path.ep};
  for (unsigned i = 0; i < 7; ++i)
    v[i] = parts[i];
}

/// Latency and throughput of the two request modes.
void putTimes(GenerationStats &st, const Shape &s, const Serving &x,
              const Phase &pf, const Phase &dec) {
  double B = double(x.batchSize), steps = double(x.outputSize - 1);
  double ttft = pf.time, prefillTime = pf.time;
  if (x.mode == RequestMode::Continuous)     // B prefills per cycle, sharing
    prefillTime = B * pf.time / double(s.m); // the pipeline with m others
  double e2e = prefillTime + dec.time;
  st[GenStat::Ttft] = ttft;
  st[GenStat::PrefillTime] = prefillTime;
  st[GenStat::DecodeTime] = dec.time;
  st[GenStat::E2eTime] = e2e;
  st[GenStat::Tpot] = steps > 0 ? (e2e - ttft) / steps : 0;
  double rate = B * double(x.outputSize) / e2e;
  st[GenStat::OutputRate] = rate;
  st[GenStat::OutputRatePerProc] = rate / (s.t * double(s.p));
  st[GenStat::TotalOutputRate] = rate * double(x.dataPar);
  st[GenStat::NumProcs] = s.t * double(s.p) * double(x.dataPar);
  // A request is its prompt and its output: what serving benchmarks count
  // as total token throughput.
  double requests = B * double(x.dataPar) / e2e;
  st[GenStat::RequestRate] = requests;
  st[GenStat::TokenRate] =
      requests * double(x.promptSize + x.outputSize);
  st[GenStat::TokenRatePerProc] =
      st[GenStat::TokenRate] / st[GenStat::NumProcs];
  st[GenStat::PipelineMicrobatches] = double(s.m);
}

} // namespace

llvm::StringRef calc::cost::genStatKey(GenStat s) {
  return genStatKeys[static_cast<unsigned>(s)];
}

llvm::StringRef calc::cost::genStatUnit(GenStat s) {
  return genStatUnits[static_cast<unsigned>(s)];
}

EvalStatus calc::cost::evaluateGeneration(const Model &model, const System &sys,
                                          const Serving &x,
                                          GenerationStats &stats) {
  EvalStatus status = checkServing(model, sys, x);
  if (!status.ok())
    return status;
  Shape s;
  buildShape(model, x, s);
  Machine mc(sys, x);
  bool continuous = x.mode == RequestMode::Continuous;
  // Static: the batch's prefill; continuous: one prompt alone (a closed
  // loop of B clients keeps B in flight, so no request queues).
  Phase pf = continuous ? prefill(s, mc, 1, double(x.promptSize), 1)
                        : prefill(s, mc, s.b, double(x.promptSize), s.m);
  if (continuous) {
    pf.flops *= double(x.batchSize);
    pf.bytes *= double(x.batchSize);
  }
  Phase dec = decode(s, mc, x);

  stats = GenerationStats();
  putTimes(stats, s, x, pf, dec);
  putPhase(stats, pf, true);
  putPhase(stats, dec, false);
  MemoryPlan mem;
  planMemory(s, x, mem);
  stats[GenStat::WeightSpace] = mem.weights;
  stats[GenStat::KvCacheSpace] = double(x.batchSize) * mem.kvPerSeq;
  stats[GenStat::ActSpace] = mem.act(x.batchSize);
  double need = mem.need(x.batchSize);
  stats[GenStat::ProcMemTier1CapReq] = need;
  stats[GenStat::MaxBatchSize] = maxBatchSize(mem, sys.mem1.capacity);
  stats[GenStat::KvCachePerToken] = double(s.Lp) * s.kvTokenBytes;
  if (s.moe)
    stats[GenStat::DecodeExpertsTouched] =
        expectedExpertsTouched(s.experts, s.topK, s.b);

  if (mc.lookupFailed) {
    status.error = EvalError::EfficiencyLookup;
    status.a = int64_t(mc.lookupKind);
    status.x = mc.lookupValue;
    return status;
  }
  if (!std::isfinite(stats[GenStat::E2eTime]) || !std::isfinite(need))
    return EvalStatus::fail(EvalError::Sanity);
  if (need > sys.mem1.capacity) {
    status.error = EvalError::Mem1Capacity;
    status.x = need;
    status.y = sys.mem1.capacity;
  }
  return status;
}
