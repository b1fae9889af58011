//===- SearchCauses.cpp - Finding and showing the first cause of a reason -===//
#include "eval/SearchCauses.h"
#include "eval/search/Bytes.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::eval::searchimpl;
using ir::Value;

void FirstCauses::shareAcrossRanks(search::SearchTransport &t) {
  if (t.size() <= 1)
    return;
  auto encode = [&](std::string &out) {
    search::ByteWriter w(out);
    for (unsigned r = 0; r < firsts.size(); ++r) {
      w.put<uint64_t>(units[r].load(std::memory_order_relaxed));
      w.put<uint8_t>(firsts[r].listFailed);
      w.put<uint32_t>(uint32_t(firsts[r].picks.size()));
      for (uint32_t p : firsts[r].picks)
        w.put(p);
    }
  };
  // Adopts a rank's notes where they come first (all ranks enumerate the
  // same units, so the lowest unit is the single process's first).
  auto merge = [&](llvm::StringRef bytes) {
    search::ByteReader rd(bytes);
    for (unsigned r = 0; r < firsts.size(); ++r) {
      uint64_t unit;
      uint8_t listFailed;
      uint32_t n;
      if (!rd.get(unit) || !rd.get(listFailed) || !rd.get(n))
        return;
      llvm::SmallVector<uint32_t, 12> picks(n);
      for (uint32_t &p : picks)
        if (!rd.get(p))
          return;
      if (unit == UINT64_MAX ||
          unit >= units[r].load(std::memory_order_relaxed))
        continue;
      units[r].store(unit, std::memory_order_relaxed);
      firsts[r].noted = true;
      firsts[r].listFailed = listFailed;
      firsts[r].picks = std::move(picks);
    }
  };
  std::string mine, merged;
  encode(mine);
  std::vector<std::string> all;
  t.gather(mine, all);
  if (t.isRoot()) {
    for (const std::string &bytes : all)
      merge(bytes);
    encode(merged);
  }
  t.broadcast(merged);
  merge(merged);
}

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
