//===- SearchCauses.h - What the first rejected candidates failed on ------===//
//
// "12 rejected by an evaluation error" says how many, not why. For the reasons
// that come from a diagnostic (an evaluation error, a failed `require`), the
// search notes the first candidate in enumeration order that each rejected
// (its choices, and the level whose list failed if one did), then evaluates it
// again on a fresh evaluator to get its first diagnostic, which is shown,
// located, after the counts and with "found no feasible candidate". Workers
// note a candidate with the unit they were enumerating; the lowest unit wins,
// and within a unit (enumerated by one worker, in order) the first, so what is
// shown never depends on the number of threads or on memo reuse (a memoized
// error is not reported twice, so a worker's own diagnostics cannot be used).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCHCAUSES_H
#define CALC_EVAL_SEARCHCAUSES_H

#include "eval/SearchCandidates.h"
#include "eval/search/SearchTransport.h"

#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <memory>
#include <mutex>

namespace calc::eval::searchimpl {

class FirstCauses {
public:
  explicit FirstCauses(unsigned numReasons)
      : units(new std::atomic<uint64_t>[numReasons]), firsts(numReasons) {
    for (unsigned r = 0; r < numReasons; ++r)
      units[r].store(UINT64_MAX, std::memory_order_relaxed);
  }

  /// Notes the candidate of \p unit rejected for \p reason: its first
  /// \p level choices \p picks, and whether it failed at the list of domain
  /// \p level (else it was evaluated), if it comes first.
  void note(unsigned reason, uint64_t unit, llvm::ArrayRef<uint32_t> picks,
            bool listFailed) {
    if (unit >= units[reason].load(std::memory_order_relaxed))
      return;
    std::lock_guard<std::mutex> guard(lock);
    if (unit >= units[reason].load(std::memory_order_relaxed))
      return;
    units[reason].store(unit, std::memory_order_relaxed);
    firsts[reason].noted = true;
    firsts[reason].picks.assign(picks.begin(), picks.end());
    firsts[reason].listFailed = listFailed;
  }

  /// Over several ranks (a distributed search): keeps, per reason, the
  /// lowest unit any rank noted, on every rank. Collective.
  void shareAcrossRanks(search::SearchTransport &t);

  /// Evaluates each noted candidate again on a fresh worker for its first
  /// error (after the search, single-threaded).
  void explain(const Plan &plan);

  /// The first error of \p reason, or null.
  const CapturedError *first(unsigned reason) const {
    return firsts[reason].error.set ? &firsts[reason].error : nullptr;
  }

  /// "  first rejected by an evaluation error: file.calc:12:5: division by
  /// zero", one line per reason with a cause, for the summary on stderr.
  void print(llvm::raw_ostream &os, const llvm::SourceMgr &sm,
             const ReasonLayout &reasons) const;

private:
  struct First {
    bool noted = false, listFailed = false;
    llvm::SmallVector<uint32_t, 12> picks;
    CapturedError error;
  };
  std::unique_ptr<std::atomic<uint64_t>[]> units;
  std::vector<First> firsts;
  std::mutex lock;
};

} // namespace calc::eval::searchimpl

#endif
