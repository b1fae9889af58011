//===- SearchCauses.cpp - Finding and showing the first cause of a reason -===//
#include "eval/SearchCauses.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::eval::searchimpl;
using ir::Value;

void FirstCauses::explain(const Plan &plan) {
  for (First &f : firsts) {
    if (!f.noted)
      continue;
    Worker w;
    w.ensure(plan);
    size_t level = f.picks.size();
    bool replayed = true;
    for (size_t k = 0; k < level && replayed; ++k) {
      Value list = w.runner->domainList(unsigned(k), w.chosen.data());
      replayed = !list.isError() && f.picks[k] < list.size();
      if (replayed)
        w.chosen[k] = list.at(f.picks[k]);
    }
    if (!replayed)
      continue; // Cannot happen: evaluation is deterministic.
    w.error.set = false;
    if (f.listFailed) {
      w.runner->domainList(unsigned(level), w.chosen.data());
    } else {
      unsigned reason = 0;
      llvm::SmallVector<double, 4> keys;
      bool feasible = w.runner->evaluate(w.chosen.data(), reason, keys);
      // A plan check reports no diagnostic: its message is the one an
      // `evaluate` of the candidate would give, at the search.
      if (!feasible && plan.reasons->isCheck(reason) && !w.error.set)
        w.error =
            CapturedError{true, w.runner->lastRejection(), plan.stmt->loc, {}};
    }
    f.error = w.error;
  }
}

void FirstCauses::print(llvm::raw_ostream &os, const llvm::SourceMgr &sm,
                        const ReasonLayout &reasons) const {
  for (unsigned r = 0; r < reasons.total; ++r) {
    const CapturedError *cause = first(r);
    if (!cause)
      continue;
    os << "  first rejected by " << reasons.names[r] << ": ";
    // A plan check's cause is at the search itself: no location to add.
    if (cause->loc.isValid() && !reasons.isCheck(r)) {
      unsigned buffer = sm.FindBufferContainingLoc(cause->loc);
      auto [line, col] = sm.getLineAndColumn(cause->loc, buffer);
      os << sm.getMemoryBuffer(buffer)->getBufferIdentifier() << ":" << line
         << ":" << col << ": ";
    }
    os << cause->message << "\n";
  }
}
