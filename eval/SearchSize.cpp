//===- SearchSize.cpp - Counting a search's candidates before it runs -----===//
#include "eval/SearchSize.h"

#include <limits>

using namespace calc;
using namespace calc::eval;
using namespace calc::eval::searchimpl;

namespace {

uint64_t saturatingAdd(uint64_t a, uint64_t b) {
  return a > std::numeric_limits<uint64_t>::max() - b
             ? std::numeric_limits<uint64_t>::max()
             : a + b;
}

uint64_t saturatingMul(uint64_t a, uint64_t b) {
  if (a && b > std::numeric_limits<uint64_t>::max() / a)
    return std::numeric_limits<uint64_t>::max();
  return a * b;
}

class Counter {
public:
  Counter(const Plan &plan, unsigned maxLists)
      : plan(plan), n(plan.info->domains.size()), listsLeft(maxLists),
        constTail(n + 1, 0) {
    // constTail[k]: the product of the lists from k on when all of them are
    // constant, else 0 (the empty product of no domain is 1).
    constTail[n] = 1;
    for (size_t k = n; k-- > 0;) {
      const Value &list = plan.constLists[k];
      if (list.kind != Value::List)
        break;
      constTail[k] = saturatingMul(constTail[k + 1], list.elements().size());
      if (constTail[k] == 0)
        break; // An empty constant list: nothing below, but not "unknown".
    }
  }

  SearchSize run() {
    worker.ensure(plan);
    SearchSize size;
    size.candidates = below(0);
    size.exact = exact;
    return size;
  }

private:
  /// The candidates below a prefix of \p k choices (in worker.chosen).
  uint64_t below(size_t k) {
    if (constTail[k] || k == n)
      return constTail[k];
    if (listsLeft == 0) {
      exact = false;
      return 0;
    }
    --listsLeft;
    Value list = worker.runner->domainList(unsigned(k), worker.chosen.data());
    if (list.isError())
      return 1; // The search counts it as one evaluation error.
    uint64_t total = 0;
    for (const Value &v : list.elements()) {
      worker.chosen[k] = v;
      total = saturatingAdd(total, below(k + 1));
      if (!exact)
        break;
    }
    return total;
  }

  const Plan &plan;
  size_t n;
  unsigned listsLeft;
  std::vector<uint64_t> constTail;
  bool exact = true;
  Worker worker;
};

} // namespace

SearchSize searchimpl::countCandidates(const Plan &plan, unsigned maxLists) {
  return Counter(plan, maxLists).run();
}
