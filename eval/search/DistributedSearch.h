//===- DistributedSearch.h - One search over several ranks ----------------===//
//
// What SearchEngine.h and `lae` do when the transport has more than one rank
// (SearchTransport.h). Every rank runs its threads on chunks it asks the
// transport for, one at a time (dynamic load balance: pruned chunks are
// cheap, so ranks do unequal numbers of them). Results stay exact because
// the chunks are the same fixed ones as in one process:
//
//  * top-k: each kept candidate is tagged with its chunk; ties (neither is
//    better) rank the earlier chunk first. That is a total order in which a
//    chunk's own list keeps its enumeration order, so merging lists in any
//    order (a rank's chunks as they finish, then the ranks' lists on the
//    root) gives exactly the single pass's top-k. The root broadcasts the
//    result and the summed reason counts, so every rank continues the
//    program with the same values;
//  * rows (`lae`): a chunk's payload is sent to the root, which consumes the
//    chunks in order; handouts stay within a window ahead of it, so the
//    root buffers a bounded number of chunks.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_DISTRIBUTEDSEARCH_H
#define CALC_EVAL_SEARCH_DISTRIBUTEDSEARCH_H

#include "eval/search/Bytes.h"
#include "eval/search/ReasonCounts.h"
#include "eval/search/SearchTransport.h"
#include "eval/search/StableTopK.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace calc::search {

/// Runs this rank's share of a loop over \p numChunks chunks on \p threads
/// threads: `work(chunk, worker, done)` for each chunk the transport hands
/// this rank (\p done: what the chunk did, for the root's progress). On the
/// root, \p rootLoop (if any) runs on the calling thread meanwhile; it gets
/// a function telling whether the workers have all finished.
void runRankChunks(
    SearchTransport &t, uint64_t numChunks, uint64_t window, unsigned threads,
    llvm::function_ref<void(uint64_t, unsigned, ChunkProgress &)> work,
    llvm::function_ref<void(llvm::function_ref<bool()>)> rootLoop);

/// The root's loop for a top-k search: reports the progress of every rank
/// until its workers are done and all \p totalUnits are counted.
void pollProgress(SearchTransport &t, uint64_t totalUnits,
                  llvm::function_ref<void(const ChunkProgress &)> report,
                  llvm::function_ref<bool()> finished);

/// Reason counts to bytes and back (same number of reasons on every rank).
void encodeCounts(ByteWriter &w, const ReasonCounts &c);
bool decodeCounts(ByteReader &r, ReasonCounts &c);

namespace detail {

/// A kept candidate with the chunk it came from.
template <class Problem> struct Tagged {
  typename Problem::Candidate c;
  uint64_t chunk = 0;
};

/// The problem's order, ties broken by chunk: a total order between chunks.
template <class Problem> struct TaggedBetter {
  const Problem *problem = nullptr;
  bool operator()(const Tagged<Problem> &a, const Tagged<Problem> &b) const {
    if (problem->better(a.c, b.c))
      return true;
    if (problem->better(b.c, a.c))
      return false;
    return a.chunk < b.chunk;
  }
};

template <class P, class C>
auto encodeCandidate(const P &p, const C &c, ByteWriter &w, int)
    -> decltype(p.encode(c, w), void()) {
  p.encode(c, w);
}
template <class P, class C>
void encodeCandidate(const P &, const C &c, ByteWriter &w, long) {
  static_assert(std::is_trivially_copyable<C>::value,
                "a Problem whose Candidate is not plain needs encode/decode");
  w.put(c);
}
template <class P, class C>
auto decodeCandidate(const P &p, C &c, ByteReader &r, int)
    -> decltype(p.decode(r, c), bool()) {
  return p.decode(r, c);
}
template <class P, class C>
bool decodeCandidate(const P &, C &c, ByteReader &r, long) {
  return r.get(c);
}

} // namespace detail

/// searchTopK (SearchEngine.h) over the ranks of \p t: same arguments, same
/// result on every rank. `Sink` is the engine's chunk sink.
template <class Problem, class Sink, class Candidate>
std::vector<Candidate> searchTopKDistributed(
    const Problem &problem, size_t keep, unsigned threads,
    llvm::function_ref<void(uint64_t, uint64_t, uint64_t)> progress,
    ReasonCounts &outCounts, uint64_t &outTotal, SearchTransport &t) {
  using TaggedC = detail::Tagged<Problem>;
  using Better = detail::TaggedBetter<Problem>;
  using TaggedTop = StableTopK<TaggedC, Better>;
  const Better better{&problem};
  std::vector<typename Problem::Worker> workers(threads);
  std::vector<Sink> sinks(threads);
  std::vector<TaggedTop> scratch(threads, TaggedTop(keep, better));
  const uint64_t units = problem.numUnits();
  const uint64_t perChunk = std::max<uint64_t>(1, problem.unitsPerChunk());
  const uint64_t numChunks = (units + perChunk - 1) / perChunk;

  // This rank's part: its chunks' lists merged as they finish.
  TaggedTop rankTop(keep, better);
  ReasonCounts rankCounts(problem.numReasons());
  uint64_t rankTotal = 0;
  std::mutex merge;
  runRankChunks(
      t, numChunks, /*window=*/0, threads,
      [&](uint64_t chunk, unsigned worker, ChunkProgress &done) {
        Sink &sink = sinks[worker];
        sink.reset(problem, keep);
        uint64_t begin = chunk * perChunk,
                 end = std::min(units, begin + perChunk);
        for (uint64_t u = begin; u < end; ++u)
          problem.runUnit(u, workers[worker], sink);
        TaggedTop &tagged = scratch[worker];
        tagged.reset(keep);
        for (size_t i = 0; i < sink.top.size(); ++i)
          tagged.insert(TaggedC{sink.top.at(i), chunk});
        done =
            ChunkProgress{end - begin, sink.total, sink.counts.numAccepted()};
        std::lock_guard<std::mutex> lock(merge);
        rankTop.mergeLater(tagged);
        rankCounts.add(sink.counts);
        rankTotal += sink.total;
      },
      [&](llvm::function_ref<bool()> finished) {
        pollProgress(
            t, units,
            [&](const ChunkProgress &p) {
              if (progress)
                progress(p.units, p.candidates, p.feasible);
            },
            finished);
      });

  // Every rank's list and counts to the root, which merges them in any
  // order (the tags make it exact) and sends the result back.
  std::string mine;
  ByteWriter w(mine);
  w.put<uint64_t>(rankTotal);
  encodeCounts(w, rankCounts);
  w.put<uint64_t>(rankTop.size());
  for (size_t i = 0; i < rankTop.size(); ++i) {
    w.put<uint64_t>(rankTop.at(i).chunk);
    detail::encodeCandidate(problem, rankTop.at(i).c, w, 0);
  }
  std::vector<std::string> all;
  t.gather(mine, all);
  std::string result;
  if (t.isRoot()) {
    TaggedTop merged(keep, better), part(keep, better);
    ReasonCounts counts(problem.numReasons()), partCounts;
    uint64_t total = 0;
    bool ok = true;
    for (const std::string &bytes : all) {
      ByteReader r(bytes);
      uint64_t partTotal = 0, n = 0;
      ok = ok && r.get(partTotal) && decodeCounts(r, partCounts) && r.get(n);
      part.reset(keep);
      TaggedC entry;
      for (uint64_t i = 0; ok && i < n; ++i) {
        ok = r.get(entry.chunk) &&
             detail::decodeCandidate(problem, entry.c, r, 0);
        if (ok)
          part.insert(entry);
      }
      if (!ok)
        break;
      merged.mergeLater(part);
      counts.add(partCounts);
      total += partTotal;
    }
    ByteWriter out(result);
    out.put<uint64_t>(total);
    encodeCounts(out, counts);
    out.put<uint64_t>(merged.size());
    for (size_t i = 0; i < merged.size(); ++i)
      detail::encodeCandidate(problem, merged.at(i).c, out, 0);
  }
  t.broadcast(result);
  ByteReader r(result);
  uint64_t n = 0;
  std::vector<Candidate> kept;
  if (!r.get(outTotal) || !decodeCounts(r, outCounts) || !r.get(n))
    return kept; // Cannot happen: every rank runs the same binary.
  kept.resize(n);
  for (uint64_t i = 0; i < n; ++i)
    if (!detail::decodeCandidate(problem, kept[i], r, 0)) {
      kept.resize(i);
      break;
    }
  return kept;
}

/// The rows of a distributed search: `work(chunk, worker, payload)` on every
/// rank's threads, each payload sent to the root, where `consume(chunk,
/// payload)` sees every chunk in order (false: stop). \p window bounds the
/// chunks the root holds. Returns, on the root, whether every chunk was
/// consumed; true on the other ranks.
bool runChunksToRoot(
    SearchTransport &t, uint64_t numChunks, uint64_t window, unsigned threads,
    llvm::function_ref<void(uint64_t, unsigned, std::string &)> work,
    llvm::function_ref<bool(uint64_t, llvm::StringRef)> consume);

} // namespace calc::search

#endif
