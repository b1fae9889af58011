//===- SearchSize.h - How many candidates a `.calc` search has ------------===//
//
// Printed before a search starts and checked against --max-candidates
// (docs/cli.md), so a search too large to finish is refused before any
// work. The count is the one the summary line ends with: every combination
// of the domains' values, including those an input `where` prunes (they are
// counted as rejected). Constant domains multiply; a domain whose list reads
// earlier domains is walked, its lists computed without evaluating any
// candidate. The walk stops after a fixed number of lists: the count is then
// a lower bound (what was walked), which still justifies a refusal.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCHSIZE_H
#define CALC_EVAL_SEARCHSIZE_H

#include "eval/SearchCandidates.h"

#include <cstdint>

namespace calc::eval::searchimpl {

struct SearchSize {
  uint64_t candidates = 0; ///< saturates at UINT64_MAX
  bool exact = true;       ///< false: `candidates` is a lower bound
};

/// Counts the candidates of \p plan's search, computing at most \p maxLists
/// domain lists. Needs Plan::constLists (findConstantDomains).
SearchSize countCandidates(const Plan &plan, unsigned maxLists = 1 << 14);

} // namespace calc::eval::searchimpl

#endif
