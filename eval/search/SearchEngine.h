//===- SearchEngine.h - The language-independent search engine ------------===//
//
// One engine serves Calculon's `loe`/`lae` (eval/calculon/search/) and the
// `.calc` `search` statement (docs/language-reference.md §6); it knows
// neither. A search is a Problem (below)
// whose candidates are enumerated in a fixed order, unit by unit; the engine
// runs fixed-size chunks of units on worker threads (ChunkRunner), each chunk
// keeping its own StableTopK and ReasonCounts, and merges them in chunk order,
// so the result is byte-identical for any thread count.
//
// The Problem concept (a class with these members):
//
//   using Candidate = ...;   // what a kept result holds (copyable): e.g. the
//                            // decoded inputs and the objective values
//   using Worker = ...;      // per-thread scratch, default-constructible:
//                            // cost::Workspace, cost::Stats, a decoded probe
//   uint64_t numUnits() const;       // enumeration units, in order
//   uint64_t unitsPerChunk() const;  // a function of the space only
//   unsigned numReasons() const;     // rejection reasons, see below
//   bool better(const Candidate &a, const Candidate &b) const;
//                                    // strict: a ranks before b
//   template <class Sink>
//   void runUnit(uint64_t unit, Worker &w, Sink &sink) const;
//
// runUnit enumerates the unit's candidates in order and reports each to the
// sink exactly once: `sink.reject(reason)` (`sink.rejectMany(reason, n)` for
// n at once), or `sink.accepted(candidate)` after a successful evaluation.
// `sink.wouldKeep(candidate)` tells whether an accepted candidate can still
// rank (only its objective fields need to be set), so the hot path copies a
// full candidate only when it ranks; `sink.numAccepted()` lets a unit cut its
// own enumeration short (`-m`); `sink.counted()` reports a candidate enumerated
// but not evaluated (`-d`). The hot path must not allocate: decode from the
// unit index, reuse Worker.
//
// How the `.calc` search maps onto it:
//   * units: the outer domains' product (decoded mixed-radix from the unit
//     index, recomputing `=` fields between domains); the innermost
//     domains are nested loops inside runUnit;
//   * reasons, in docs/language-reference.md §6 order: input `where`s as
//     written (checked in runUnit before evaluating: pruning), `require`s,
//     the Calculon checks (cost::EvalError order), result `where`s;
//   * better(): the `maximize|minimize … then …` keys lexicographically;
//     without an objective better() is always false, so `keep N` keeps the
//     first N feasible candidates (StableTopK keeps insertion order);
//     ties fall back to enumeration order by construction;
//   * keep N: the `keep` argument of searchTopK (all: SIZE_MAX, with a
//     streaming consumer like `lae` instead when the result is huge).
//
// Over several ranks (transport().size() > 1, e.g. under mpirun) the same
// chunks are spread over the ranks (DistributedSearch.h) and every rank gets
// the one-process result. A Candidate that is not trivially copyable needs
//   void encode(const Candidate &, ByteWriter &) const;
//   bool decode(ByteReader &, Candidate &) const;
// in the Problem (Bytes.h).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_SEARCHENGINE_H
#define CALC_EVAL_SEARCH_SEARCHENGINE_H

#include "eval/search/ChunkRunner.h"
#include "eval/search/DistributedSearch.h"
#include "eval/search/ReasonCounts.h"
#include "eval/search/StableTopK.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace calc::search {

/// Called on the calling thread after each chunk, in order: the units and
/// candidates done so far, and how many candidates were feasible.
using ProgressFn = llvm::function_ref<void(uint64_t unitsDone,
                                           uint64_t candidates,
                                           uint64_t feasible)>;

/// The outcome of searchTopK besides the kept candidates.
struct EngineCounts {
  ReasonCounts counts; ///< accepted, and rejected by reason
  uint64_t total = 0;  ///< candidates reported to the sink
};

namespace detail {

template <class Problem> struct ProblemBetter {
  const Problem *problem = nullptr;
  bool operator()(const typename Problem::Candidate &a,
                  const typename Problem::Candidate &b) const {
    return problem->better(a, b);
  }
};

/// What runUnit reports to: one chunk's top-k and counts.
template <class Problem> class ChunkSink {
public:
  using Candidate = typename Problem::Candidate;
  using Top = StableTopK<Candidate, ProblemBetter<Problem>>;

  void reset(const Problem &p, size_t keep) {
    top.reset(keep, ProblemBetter<Problem>{&p});
    counts.reset(p.numReasons());
    total = 0;
  }
  /// A candidate enumerated but not evaluated (a dry run, `-d`).
  void counted() { ++total; }
  void reject(unsigned reason) {
    counts.reject(reason);
    ++total;
  }
  /// \p n candidates rejected for \p reason at once (a pruned subtree).
  void rejectMany(unsigned reason, uint64_t n) {
    counts.reject(reason, n);
    total += n;
  }
  bool wouldKeep(const Candidate &c) const { return top.wouldKeep(c); }
  void accepted(const Candidate &c) {
    counts.accept();
    ++total;
    top.insert(c);
  }
  uint64_t numAccepted() const { return counts.numAccepted(); }

  Top top;
  ReasonCounts counts;
  uint64_t total = 0;
};

} // namespace detail

/// Runs `problem` on `threads` threads (0: one per core) and returns its
/// `keep` best candidates, best first, ties in enumeration order.
template <class Problem>
std::vector<typename Problem::Candidate>
searchTopK(const Problem &problem, size_t keep, unsigned threads,
           ProgressFn progress, EngineCounts &out) {
  using Sink = detail::ChunkSink<Problem>;
  threads = resolveThreadCount(threads);
  if (transport().size() > 1)
    return searchTopKDistributed<Problem, Sink, typename Problem::Candidate>(
        problem, keep, threads, progress, out.counts, out.total, transport());
  std::vector<typename Problem::Worker> workers(threads);
  const uint64_t units = problem.numUnits();
  const uint64_t perChunk = std::max<uint64_t>(1, problem.unitsPerChunk());
  const uint64_t numChunks = (units + perChunk - 1) / perChunk;
  typename Sink::Top merged(keep, detail::ProblemBetter<Problem>{&problem});
  out.counts.reset(problem.numReasons());
  out.total = 0;
  runChunksInOrder<Sink>(
      numChunks, threads,
      [&](size_t chunk, unsigned worker, Sink &sink) {
        sink.reset(problem, keep);
        uint64_t end = std::min(units, (chunk + 1) * perChunk);
        for (uint64_t u = chunk * perChunk; u < end; ++u)
          problem.runUnit(u, workers[worker], sink);
      },
      [&](size_t chunk, Sink &sink) {
        merged.mergeLater(sink.top);
        out.counts.add(sink.counts);
        out.total += sink.total;
        if (progress)
          progress(std::min(units, (chunk + 1) * perChunk), out.total,
                   out.counts.numAccepted());
        return true;
      });
  return merged.items();
}

} // namespace calc::search

#endif
