//===- DomainTracker.h - What each memo of a search candidate read --------===//
//
// A `.calc` search (docs/language-reference.md §6) evaluates its candidates
// on one reused instance per worker rather than a fresh amend each: between
// two candidates only the memos and validations that read a domain whose
// choice changed are forgotten. The Evaluator owns one DomainTracker and
// reports to it what it evaluates (a domain read, a memo stored or reused, a
// validation, an error); the search (SearchCandidates.cpp) chooses the domain
// values, switches tracking on, and resets between candidates.
//
// Reads are collected as a bit mask per evaluation in progress (domainBit),
// so the per-candidate path is a few inline bit operations: no allocation
// once the lists of dependent memos have grown, no virtual calls.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_DOMAINTRACKER_H
#define CALC_EVAL_DOMAINTRACKER_H

#include "eval/Instance.h"
#include "ir/Value.h"

#include "llvm/ADT/ArrayRef.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace calc::eval {

/// The dependence bit of domain \p k; domains from 63 on, and errors, share
/// the last bit, which every reset includes.
constexpr uint64_t domainBit(unsigned k) {
  return uint64_t(1) << (k < 63 ? k : 63);
}

class DomainTracker {
public:
  //===--- What the search sets and asks ---------------------------------===//

  /// The values the search enumeration chose for its first \p count domains
  /// (read by Domain expressions); \p values must outlive their use.
  void choose(const ir::Value *values, unsigned count) {
    domainValues = values;
    numDomains = count;
    forwardDomain = -1;
    forwardVia.clear();
    maxDomain = -1;
  }
  /// Makes memos and validations that read a domain (directly or through
  /// another such memo), or reported an error, resettable by resetMemos: a
  /// search worker then reuses one candidate instance instead of a fresh
  /// amend per candidate.
  void track(bool on) { tracking = on; }
  bool isTracking() const { return tracking; }
  /// Forgets the memos and validations that depend on a domain in
  /// \p changed (domainBit masks), so they are evaluated again for the next
  /// candidate; the others keep their values.
  void resetMemos(uint64_t changed);
  /// Starts watching whether the evaluations that follow read a
  /// domain-dependent memo, a domain, or fail; pass the result to endWatch.
  uint64_t beginWatch() {
    uint64_t outer = dirty;
    dirty = 0;
    return outer;
  }
  /// Whether anything read since the matching beginWatch depends on the
  /// chosen domains (always false for memo hits unless tracking).
  bool endWatch(uint64_t outer) { return endWatchMask(outer) != 0; }
  /// endWatch, giving the domains read (domainBit mask; the last bit also
  /// stands for errors).
  uint64_t endWatchMask(uint64_t outer) {
    uint64_t read = dirty;
    dirty |= outer;
    return read;
  }
  /// The highest domain read since choose, or -1.
  int maxRead() const { return maxDomain; }
  /// The domain read before it was chosen since choose, or -1.
  int forwardRead() const { return forwardDomain; }
  /// The fields being evaluated when that domain was read, outermost
  /// first, without the domain's own field (`num_procs` for a domain
  /// reading `num_procs / tensor_par`, whose default reads tensor_par).
  llvm::ArrayRef<std::string> forwardReadVia() const { return forwardVia; }

  //===--- What the evaluator reports ------------------------------------===//

  /// A Domain expression reads domain \p k: its chosen value, or null when
  /// it is not chosen yet (then call noteForwardRead and report).
  const ir::Value *read(unsigned k) {
    dirty |= domainBit(k);
    maxDomain = std::max(maxDomain, int(k));
    return k < numDomains ? &domainValues[k] : nullptr;
  }
  /// Domain \p k was read before it was chosen, while evaluating the fields
  /// \p active (outermost first, the domain's own field last).
  void noteForwardRead(unsigned k,
                       llvm::ArrayRef<std::pair<Instance *, unsigned>> active);
  /// An error was reported: what read it is evaluated again per candidate.
  void noteError() { dirty |= domainBit(63); }
  /// Adds \p reads (a kept result's dependences) to the evaluation watched.
  void addReads(uint64_t reads) { dirty |= reads; }
  /// Field \p slot of \p inst was read from its memo.
  void readMemo(const Instance *inst, unsigned slot) {
    if (tracking && !inst->domainDeps.empty())
      dirty |= inst->domainDeps[slot];
  }
  /// Field \p slot of \p inst was evaluated (\p failed: to an error) and
  /// memoized, inside beginWatch's \p outer.
  void storeMemo(Instance *inst, unsigned slot, bool failed, uint64_t outer) {
    if (failed) // Errors are evaluated (and reported) again.
      dirty |= domainBit(63);
    if (tracking && dirty)
      listMemo(inst, slot);
    dirty |= outer;
  }
  /// Whether `require` line \p line of \p inst passed and read nothing reset
  /// since, so it need not be checked again (its reads are added).
  bool keepsRequire(Instance *inst, unsigned line) {
    if (!tracking)
      return false;
    if (inst->requireDeps.size() <= line)
      inst->requireDeps.resize(line + 1, domainBit(63));
    if (inst->requireDeps[line] & domainBit(63))
      return false;
    dirty |= inst->requireDeps[line]; // What the kept check read.
    return true;
  }
  /// `require` line \p line of \p inst passed, reading \p reads.
  void storeRequire(Instance *inst, unsigned line, uint64_t reads) {
    if (tracking)
      inst->requireDeps[line] = reads;
  }
  /// \p inst was validated (\p ok: it passed), inside beginWatch's
  /// \p outer.
  void storeValidation(Instance *inst, bool ok, uint64_t outer);

private:
  /// Lists a memo found dependent, for resetMemos.
  void listMemo(Instance *inst, unsigned slot);

  const ir::Value *domainValues = nullptr;
  unsigned numDomains = 0;
  int forwardDomain = -1;
  std::vector<std::string> forwardVia;
  int maxDomain = -1;
  /// `dirty` collects the domains read (domainBit; errors set the last bit)
  /// inside the innermost field or validation being evaluated; when
  /// tracking, the memos and validations found dependent are listed.
  bool tracking = false;
  uint64_t dirty = 0;
  std::vector<std::pair<Instance *, unsigned>> volatileMemos;
  std::vector<Instance *> volatileValidations;
  /// A memo that is a domain's value as is (`tensor_par in [1, 2]`): reset
  /// by storing the newly chosen value rather than by evaluating it again,
  /// since most of a search's per-candidate changes are such fields.
  struct DirectMemo {
    Instance *inst;
    unsigned slot;
    unsigned domain;
  };
  std::vector<DirectMemo> directMemos;
};

} // namespace calc::eval

#endif
