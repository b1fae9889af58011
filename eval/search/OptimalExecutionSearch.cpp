//===- OptimalExecutionSearch.cpp - Calculon's `loe` on the engine --------===//
//
// Each chunk keeps its own top-N (ties: first enumerated wins) and counts;
// chunks are merged in enumeration order (calculon-model.md §11.2).
//
//===----------------------------------------------------------------------===//
#include "eval/search/CalculonSearch.h"

#include "eval/cost/Training.h"
#include "eval/search/ChunkRunner.h"
#include "eval/search/EvalReasons.h"
#include "eval/search/StableTopK.h"

#include <chrono>

using namespace calc;
using namespace calc::search;

namespace {

/// A kept candidate, ranked by sample rate.
struct Scored {
  double rate = 0;
  cost::Execution exe;
  cost::Stats stats;
};
struct HigherRate {
  bool operator()(const Scored &a, const Scored &b) const {
    return a.rate > b.rate;
  }
};
using TopList = StableTopK<Scored, HigherRate>;

struct ChunkResult {
  TopList top;
  ReasonCounts counts;
  uint64_t total = 0;
};

/// What one worker thread reuses for every candidate.
struct Worker {
  cost::Workspace ws;
  Scored probe; ///< the candidate being evaluated; copied only if kept
  SpaceGroup group;
};

class OptimalRun {
public:
  OptimalRun(const cost::Model &model, const cost::System &system,
             const ExecutionSpace &space, const OptimalOptions &options)
      : model(model), system(system), space(space), options(options) {}

  /// Runs groups [begin, end) into `out`.
  void runChunk(uint64_t begin, uint64_t end, Worker &w, ChunkResult &out) {
    out.top.reset(options.topN);
    out.counts.reset(NumEvalErrors);
    out.total = 0;
    for (uint64_t g = begin; g < end; ++g) {
      space.group(g, w.group);
      runGroup(w, out);
    }
  }

private:
  void runGroup(Worker &w, ChunkResult &out) {
    cost::Execution &x = w.group.exe;
    for (int64_t b : w.group.microbatches) {
      x.microbatchSize = b;
      uint64_t goodBefore = out.counts.numAccepted();
      if (options.debug)
        out.total += w.group.netCombinations();
      else
        runNets(w, out);
      // -m: a microbatch size with no success ends this group (§11.2).
      if (options.mbsBreak && out.counts.numAccepted() == goodBefore)
        break;
    }
  }

  void runNets(Worker &w, ChunkResult &out) {
    cost::Execution &x = w.group.exe;
    for (int tn = 0; tn < w.group.numTpNets; ++tn)
      for (int pn = 0; pn < w.group.numPpNets; ++pn)
        for (int dn = 0; dn < w.group.numDpNets; ++dn) {
          x.tensorParNet = tn;
          x.pipelineParNet = pn;
          x.dataParNet = dn;
          ++out.total;
          cost::EvalStatus st =
              cost::evaluateTraining(model, system, x, w.ws, w.probe.stats);
          if (!st.ok()) {
            out.counts.reject(unsigned(st.error));
            continue;
          }
          out.counts.accept();
          w.probe.rate = w.probe.stats[cost::Stat::SampleRate];
          if (out.top.wouldKeep(w.probe)) {
            w.probe.exe = x;
            out.top.insert(w.probe);
          }
        }
  }

  const cost::Model &model;
  const cost::System &system;
  const ExecutionSpace &space;
  const OptimalOptions &options;
};

} // namespace

uint64_t calc::search::groupsPerChunk(const ExecutionSpace &space) {
  constexpr uint64_t TargetCandidates = 1024;
  if (space.numGroups() == 0 || space.numCandidates() == 0)
    return 1;
  uint64_t perGroup = (space.numCandidates() + space.numGroups() - 1) /
                      space.numGroups();
  return std::max<uint64_t>(1, TargetCandidates / perGroup);
}

void calc::search::findOptimalExecutions(
    const cost::Model &model, const cost::System &system,
    const ExecutionSpace &space, const OptimalOptions &options,
    ProgressFn progress, std::vector<RankedExecution> &best,
    SearchSummary &summary) {
  auto start = std::chrono::steady_clock::now();
  OptimalRun run(model, system, space, options);
  unsigned threads = resolveThreadCount(options.threads);
  std::vector<Worker> workers(threads);
  uint64_t perChunk = groupsPerChunk(space);
  uint64_t numChunks = (space.numGroups() + perChunk - 1) / perChunk;

  TopList merged(options.topN);
  summary.counts.reset(NumEvalErrors);
  summary.total = 0;
  runChunksInOrder<ChunkResult>(
      numChunks, threads,
      [&](size_t chunk, unsigned worker, ChunkResult &out) {
        uint64_t begin = chunk * perChunk;
        uint64_t end = std::min(space.numGroups(), begin + perChunk);
        run.runChunk(begin, end, workers[worker], out);
      },
      [&](size_t chunk, ChunkResult &out) {
        merged.mergeLater(out.top);
        summary.counts.add(out.counts);
        summary.total += out.total;
        if (progress)
          progress(std::min(space.numGroups(), (chunk + 1) * perChunk),
                   summary.total);
        return true;
      });
  summary.seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - start)
                        .count();

  best.clear();
  cost::Workspace ws;
  for (const Scored &s : merged.items()) {
    // Re-evaluate the few kept plans for their int/float types and layers,
    // so the hot loop never does either.
    RankedExecution r;
    r.exe = s.exe;
    cost::evaluateTraining(model, system, s.exe, ws, r.stats);
    cost::statTypes(model, system, s.exe, ws, r.types);
    if (options.layers)
      cost::layerStats(ws, r.layers);
    best.push_back(std::move(r));
  }
}
