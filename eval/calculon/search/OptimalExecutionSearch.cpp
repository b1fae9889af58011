//===- OptimalExecutionSearch.cpp - Calculon's `loe` on the engine --------===//
//
// `loe` as a SearchEngine problem: units are the groups of the
// ExecutionSpace, the objective is the sample rate (ties: first enumerated
// wins), reasons are cost::EvalError (docs/calculon-model.md §11.2).
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/CalculonSearch.h"

#include "eval/cost/EvalReasons.h"
#include "eval/cost/Training.h"

#include <chrono>

using namespace calc;
using namespace calc::calculon;

namespace {

class OptimalProblem {
public:
  /// A kept candidate, ranked by sample rate.
  struct Candidate {
    double rate = 0;
    cost::Execution exe;
    cost::Stats stats;
  };
  /// What one worker thread reuses for every candidate.
  struct Worker {
    cost::Workspace ws;
    Candidate probe; ///< the candidate being evaluated; copied if it ranks
    SpaceGroup group;
  };

  OptimalProblem(const cost::Model &model, const cost::System &system,
                 const ExecutionSpace &space, const OptimalOptions &options)
      : model(model), system(system), space(space), options(options) {}

  uint64_t numUnits() const { return space.numGroups(); }
  uint64_t unitsPerChunk() const { return groupsPerChunk(space); }
  unsigned numReasons() const { return cost::NumEvalErrors; }
  bool better(const Candidate &a, const Candidate &b) const {
    return a.rate > b.rate;
  }

  /// One group: microbatch sizes ascending, then the network tiers.
  template <class Sink>
  void runUnit(uint64_t unit, Worker &w, Sink &sink) const {
    space.group(unit, w.group);
    cost::Execution &x = w.group.exe;
    for (int64_t b : w.group.microbatches) {
      x.microbatchSize = b;
      uint64_t goodBefore = sink.numAccepted();
      if (options.debug) {
        for (uint64_t i = 0, e = w.group.netCombinations(); i < e; ++i)
          sink.counted();
      } else {
        runNets(w, sink);
      }
      // -m: a microbatch size with no success ends this group (§11.2).
      if (options.mbsBreak && sink.numAccepted() == goodBefore)
        break;
    }
  }

private:
  template <class Sink> void runNets(Worker &w, Sink &sink) const {
    cost::Execution &x = w.group.exe;
    for (int tn = 0; tn < w.group.numTpNets; ++tn)
      for (int pn = 0; pn < w.group.numPpNets; ++pn)
        for (int dn = 0; dn < w.group.numDpNets; ++dn)
          for (int en = 0; en < w.group.numEpNets; ++en) {
            x.tensorParNet = tn;
            x.pipelineParNet = pn;
            x.dataParNet = dn;
            x.expertParNet = en;
            cost::EvalStatus st =
                cost::evaluateTraining(model, system, x, w.ws, w.probe.stats);
            if (!st.ok()) {
              sink.reject(unsigned(st.error));
              continue;
            }
            w.probe.rate = w.probe.stats[cost::Stat::SampleRate];
            if (sink.wouldKeep(w.probe))
              w.probe.exe = x;
            sink.accepted(w.probe);
          }
  }

  const cost::Model &model;
  const cost::System &system;
  const ExecutionSpace &space;
  const OptimalOptions &options;
};

} // namespace

uint64_t calc::calculon::groupsPerChunk(const ExecutionSpace &space) {
  constexpr uint64_t TargetCandidates = 1024;
  if (space.numGroups() == 0 || space.numCandidates() == 0)
    return 1;
  uint64_t perGroup = (space.numCandidates() + space.numGroups() - 1) /
                      space.numGroups();
  return std::max<uint64_t>(1, TargetCandidates / perGroup);
}

void calc::calculon::findOptimalExecutions(const cost::Model &model,
                                           const cost::System &system,
                                           const ExecutionSpace &space,
                                           const OptimalOptions &options,
                                           search::ProgressFn progress,
                                           std::vector<RankedExecution> &best,
                                           SearchSummary &summary) {
  auto start = std::chrono::steady_clock::now();
  OptimalProblem problem(model, system, space, options);
  search::EngineCounts counts;
  std::vector<OptimalProblem::Candidate> kept = search::searchTopK(
      problem, options.topN, options.threads, progress, counts);
  summary.counts = counts.counts;
  summary.total = counts.total;
  summary.seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - start)
                        .count();

  best.clear();
  cost::Workspace ws;
  for (const OptimalProblem::Candidate &c : kept) {
    // Re-evaluate the few kept plans for their int/float types and layers,
    // so the hot loop never does either.
    RankedExecution r;
    r.exe = c.exe;
    cost::evaluateTraining(model, system, c.exe, ws, r.stats);
    cost::statTypes(model, system, c.exe, ws, r.types);
    if (options.layers)
      cost::layerStats(ws, r.layers);
    best.push_back(std::move(r));
  }
}
