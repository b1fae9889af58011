//===- ReasonCounts.h - Why candidates were rejected, counted -------------===//
//
// Every search counts its candidates by outcome: accepted, or the first reason
// that rejected it (a reason is a small integer the search defines:
// cost::EvalError for the Calculon searches; input `where`s, `require`s,
// Calculon checks and result `where`s for a `.calc` search,
// docs/language-reference.md §6). Counting is one increment: no strings, no
// maps on the hot path.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_REASONCOUNTS_H
#define CALC_EVAL_SEARCH_REASONCOUNTS_H

#include <cstddef>
#include <cstdint>
#include <vector>

namespace calc::search {

/// Candidate outcomes of (part of) a search.
class ReasonCounts {
public:
  explicit ReasonCounts(unsigned numReasons = 0) : counts(numReasons, 0) {}

  /// Zeroes every count and sets the number of reasons.
  void reset(unsigned numReasons) {
    counts.assign(numReasons, 0);
    accepted = 0;
  }
  void accept(uint64_t n = 1) { accepted += n; }
  void reject(unsigned reason, uint64_t n = 1) { counts[reason] += n; }
  /// Adds another part's counts (same number of reasons).
  void add(const ReasonCounts &other);

  uint64_t numAccepted() const { return accepted; }
  uint64_t numRejected(unsigned reason) const { return counts[reason]; }
  uint64_t numRejected() const;
  uint64_t total() const { return accepted + numRejected(); }
  unsigned numReasons() const { return unsigned(counts.size()); }
  /// The reason that rejected most candidates (the first on ties), or
  /// numReasons() if none was rejected.
  unsigned mostFrequent() const;

private:
  std::vector<uint64_t> counts;
  uint64_t accepted = 0;
};

} // namespace calc::search

#endif
