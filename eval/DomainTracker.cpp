//===- DomainTracker.cpp - Listing and resetting domain-dependent memos ---===//
#include "eval/DomainTracker.h"

#include "eval/Evaluator.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

/// The domain whose value field \p slot of \p inst is, as it is (its
/// most-derived definition is `slot in …`), or -1.
static int directDomainOf(const Instance *inst, unsigned slot) {
  for (const AmendLayer &l : inst->layers)
    if (const Member *m = l.block ? l.block->find(slot) : nullptr)
      return m->kind == MemberKind::Assign && m->value->kind == ExprKind::Domain
                 ? int(m->value->slot)
                 : -1;
  return -1;
}

void DomainTracker::listMemo(Instance *inst, unsigned slot) {
  if (inst->domainDeps.empty())
    inst->domainDeps.resize(inst->memo.size());
  inst->domainDeps[slot] = dirty;
  int direct = directDomainOf(inst, slot);
  if (direct >= 0 && direct < 63 && dirty == domainBit(unsigned(direct)))
    directMemos.push_back(DirectMemo{inst, slot, unsigned(direct)});
  else
    volatileMemos.emplace_back(inst, slot);
}

void DomainTracker::noteForwardRead(
    unsigned k, llvm::ArrayRef<std::pair<Instance *, unsigned>> active) {
  if (forwardDomain < 0) {
    forwardVia.clear();
    // The last active field is the domain's own; the others lead to it.
    for (size_t i = 0; i + 1 < active.size(); ++i)
      forwardVia.push_back(
          active[i].first->schema->fields[active[i].second].name);
  }
  forwardDomain = int(k);
}

void DomainTracker::storeValidation(Instance *inst, bool ok, uint64_t outer) {
  // Kept `require` results are forgotten with the validation that read
  // them; one that failed, or will never be reset, keeps none.
  if (!ok || !dirty)
    inst->requireDeps.clear();
  if (ok && tracking && dirty)
    inst->validationDeps = dirty;
  // Listed (once) while a piece of its state depends on a domain, also
  // after a failure (its completeness may be kept).
  if (tracking && dirty && !inst->validationTracked) {
    inst->validationTracked = true;
    volatileValidations.push_back(inst);
  }
  dirty |= outer;
}

void DomainTracker::resetMemos(uint64_t changed) {
  changed |= domainBit(63);
  size_t kept = 0;
  // A domain's field takes the new choice directly, as field() would store
  // it (a value coerce() accepts as it is only gains the field's unit); one
  // whose new value coerce() would reject is evaluated again, so the error
  // is reported where it is read. Their order does not matter.
  for (size_t i = 0; i < directMemos.size();) {
    const DirectMemo &d = directMemos[i];
    if (!(domainBit(d.domain) & changed)) {
      ++i;
      continue;
    }
    const FieldDecl &decl = d.inst->schema->fields[d.slot];
    if (d.domain < numDomains &&
        Evaluator::coercesSilently(decl, domainValues[d.domain])) {
      Value &memo = d.inst->memo[d.slot];
      memo = domainValues[d.domain];
      if (memo.isNumber() && memo.unit.isNone())
        memo.unit = decl.unit;
      ++i;
      continue;
    }
    d.inst->state[d.slot] = FieldState::Pending;
    d.inst->memo[d.slot] = Value();
    d.inst->domainDeps[d.slot] = 0;
    directMemos[i] = directMemos.back();
    directMemos.pop_back();
  }
  for (const auto &entry : volatileMemos) {
    auto [inst, slot] = entry;
    if (!(inst->domainDeps[slot] & changed)) {
      volatileMemos[kept++] = entry;
      continue;
    }
    inst->state[slot] = FieldState::Pending;
    inst->memo[slot] = Value();
    inst->domainDeps[slot] = 0;
  }
  volatileMemos.resize(kept);
  // A validation state is reset piecewise (the verdict, completeness, each
  // `require` line), and kept listed while some piece may still be reset
  // by a later change: several resets can come between two validations.
  kept = 0;
  for (Instance *inst : volatileValidations) {
    if (inst->validationDeps & changed) {
      inst->validated = false;
      inst->validationDeps = 0;
    }
    if (inst->completenessDeps & changed)
      inst->complete = false;
    bool keptLines = false;
    for (uint64_t &deps : inst->requireDeps) {
      if (deps & changed)
        deps = domainBit(63);
      keptLines |= !(deps & domainBit(63));
    }
    if (inst->validated || (inst->complete && inst->completenessDeps) ||
        keptLines)
      volatileValidations[kept++] = inst;
    else
      inst->validationTracked = false;
  }
  volatileValidations.resize(kept);
}
