//===- SearchCandidates.cpp - Evaluating `.calc` search candidates --------===//
//
// See SearchCandidates.h. A candidate is built like an `evaluate` (an amend
// of the analysis block, so late-bound fields see the chosen domain values),
// validated, converted to the cost structs and evaluated; every failure is
// a reason, never a diagnostic (the worker's diagnostics are discarded).
// A worker evaluates all its candidates on one amend: its evaluator records
// which domains each memo and validation read (DomainTracker::track)
// and only those reading a domain whose choice changed are evaluated again,
// which gives the same values as a fresh amend since evaluation is
// deterministic. Dependent domain lists and input `where`s are evaluated on
// that amend too, with the choices not yet made left stale: one that reads
// such a choice (or fails) is evaluated again on a fresh amend, which gives
// the forward-read error or "undecided" of the reference path
// (--search-fresh-candidates evaluates everything fresh; the tests compare
// the two). Model and system cost structs are kept while their conversion
// read no domain; `exe` is patched field by field.
//
//===----------------------------------------------------------------------===//
#include "eval/SearchCandidates.h"
#include "eval/Limits.h"
#include "eval/cost/EvalReasons.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::eval::searchimpl;
using namespace calc::ir;

ReasonLayout::ReasonLayout(const SearchInfo &si) {
  whereReason.resize(si.wheres.size());
  for (size_t i = 0; i < si.wheres.size(); ++i)
    if (!si.wheres[i].readsResults)
      add(i, "where " + si.wheres[i].text);
  require = push("a require line");
  evalError = push("an evaluation error");
  firstCheck = total;
  for (unsigned c = 1; c <= numChecks; ++c)
    push(cost::evalErrorName(cost::EvalError(c)).str());
  numPlanChecks = numChecks;
  for (size_t i = 0; i < si.wheres.size(); ++i)
    if (si.wheres[i].readsResults)
      add(i, "where " + si.wheres[i].text);
}

Value CandidateRunner::domainList(unsigned k, const Value *chosen, int known,
                                  int *reads) {
  // Lists are computed on fresh instances: nothing to reset per candidate.
  bool track = ev->domains().isTracking();
  ev->domains().track(false);
  Value list = computeDomainList(k, chosen, known, reads);
  ev->domains().track(track);
  return list;
}

Value CandidateRunner::computeDomainList(unsigned k, const Value *chosen,
                                         int known, int *reads) {
  if (reads)
    *reads = -1;
  if (k < plan.constLists.size() && !plan.constLists[k].isError())
    return plan.constLists[k];
  ev->domains().choose(chosen, !chosen ? 0 : known >= 0 ? unsigned(known) : k);
  Instance *inst = ev->amend(nullptr, plan.stmt->analysis->schema,
                             plan.stmt->analysis, nullptr, plan.stmt->name);
  Value list = listOn(inst, k);
  if (reads)
    *reads = ev->domains().maxRead();
  return list.kind == Value::List && ev->domains().forwardRead() < 0
             ? list
             : Value::error();
}

Value CandidateRunner::listOn(Instance *inst, unsigned k) {
  const SearchDomain &d = plan.info->domains[k];
  for (const RouteStep &st : d.route) {
    Value v = ev->field(inst, st.slot, d.range);
    if (st.index >= 0 && v.kind == Value::List &&
        uint64_t(st.index) < v.size())
      v = v.at(uint64_t(st.index));
    if (v.kind != Value::Object)
      return Value::error();
    inst = v.object;
  }
  for (unsigned li = 0; li < inst->layers.size(); ++li) {
    if (inst->layers[li].block != d.block)
      continue;
    Value list = ev->eval(d.values, Context{inst, inst->layers[li].env, li});
    if (list.kind == Value::List && list.size() > limits::maxDomainSize) {
      ev->error(d.values->range,
                "domain '" + d.path + "' has " + std::to_string(list.size()) +
                    " values; a domain has at most " +
                    std::to_string(limits::maxDomainSize));
      return Value::error();
    }
    return list;
  }
  return Value::error();
}

/// The domains a reused evaluation may read when the choices from \p limit
/// on are stale (errors set the last bit, never allowed).
static uint64_t allowedDomains(int limit) {
  return limit >= 63 ? ~domainBit(63) : domainBit(unsigned(limit)) - 1;
}

Value CandidateRunner::domainListReusing(unsigned k, const Value *chosen,
                                         uint64_t changed, int known,
                                         uint64_t *readMask) {
  pendingChanges |= changed; // Even when the instance is not used now.
  if (readMask)
    *readMask = 0;
  if (k < plan.constLists.size() && !plan.constLists[k].isError())
    return plan.constLists[k];
  if (reuse) {
    Instance *inst = syncReused(chosen);
    uint64_t outer = ev->domains().beginWatch();
    Value list = listOn(inst, k);
    uint64_t read = ev->domains().endWatchMask(outer);
    if (list.kind == Value::List &&
        !(read & ~allowedDomains(known >= 0 ? known : int(k)))) {
      if (readMask)
        *readMask = read;
      return list;
    }
  }
  int reads = -1;
  Value list = domainList(k, chosen, known, &reads);
  if (readMask && reads >= 0) // Conservatively, every domain up to it.
    *readMask = reads >= 63 ? ~uint64_t(0) : (uint64_t(2) << reads) - 1;
  return list;
}

int CandidateRunner::inputWhere(size_t i, unsigned k, const Value *chosen) {
  bool track = ev->domains().isTracking(); // Fresh instances, as for lists.
  ev->domains().track(false);
  int holds = computeInputWhere(i, k, chosen);
  ev->domains().track(track);
  return holds;
}

int CandidateRunner::computeInputWhere(size_t i, unsigned k,
                                       const Value *chosen) {
  const Stmt &stmt = *plan.stmt;
  ev->domains().choose(chosen, k);
  Instance *inputs = ev->amend(nullptr, stmt.analysis->schema, stmt.analysis,
                               nullptr, stmt.name);
  Value v =
      ev->eval(plan.info->wheres[i].cond, Context{freshScope(inputs), nullptr, 0});
  if (ev->domains().forwardRead() >= 0 || v.kind != Value::Bool)
    return -1;
  return v.b ? 1 : 0;
}

int CandidateRunner::inputWhereReusing(size_t i, unsigned k,
                                       const Value *chosen, uint64_t changed) {
  pendingChanges |= changed;
  if (reuse) {
    Instance *inputs = syncReused(chosen);
    uint64_t outer = ev->domains().beginWatch();
    llvm::SmallVector<Value, 4> in;
    Value v = readInputs(inputs, in)
                  ? ev->eval(plan.info->wheres[i].cond,
                             Context{reusedScope(in, inputs), nullptr, 0})
                  : Value::error();
    uint64_t read = ev->domains().endWatchMask(outer);
    if (v.kind == Value::Bool && !(read & ~allowedDomains(int(k))))
      return v.b ? 1 : 0;
  }
  return inputWhere(i, k, chosen);
}

bool CandidateRunner::readInputs(Instance *inputs,
                                 llvm::SmallVectorImpl<Value> &in) {
  const Schema *analysis = plan.stmt->analysis->schema;
  in.resize(analysis->fields.size());
  for (unsigned f = 0; f < analysis->fields.size(); ++f) {
    in[f] = ev->field(inputs, f, plan.stmt->range);
    if (in[f].isError())
      return false;
  }
  return true;
}

Instance *CandidateRunner::freshScope(Instance *inputs) {
  const SearchInfo &si = *plan.info;
  const Schema *analysis = plan.stmt->analysis->schema;
  std::vector<Value> values(si.scope->fields.size());
  for (unsigned f = 0; f < analysis->fields.size(); ++f)
    values[si.firstInput + f] = ev->field(inputs, f, plan.stmt->range);
  return ev->makeRecord(si.scope, plan.stmt->name, std::move(values));
}

Instance *CandidateRunner::reusedScope(llvm::ArrayRef<Value> in,
                                      Instance *inputs) {
  const SearchInfo &si = *plan.info;
  if (!scopeRecord) {
    scopeRecord =
        ev->amend(nullptr, si.scope, nullptr, nullptr, plan.stmt->name);
    scopeRecord->validated = true;
    scopeRecord->domainDeps.resize(scopeRecord->memo.size());
  }
  scopeRecord->inputs = inputs;
  for (unsigned f = 0; f < in.size(); ++f) {
    unsigned slot = si.firstInput + f;
    scopeRecord->memo[slot] = in[f];
    scopeRecord->state[slot] = FieldState::Done;
    // Read through the record, an input still names the domains it read.
    scopeRecord->domainDeps[slot] =
        inputs->domainDeps.empty() ? 0 : inputs->domainDeps[f];
  }
  return scopeRecord;
}

bool CandidateRunner::evaluate(const Value *chosen, unsigned &reason,
                               llvm::SmallVectorImpl<double> &keys,
                               Instance **row, bool inputWheres,
                               uint64_t changed) {
  const SearchInfo &si = *plan.info;
  const ReasonLayout &rl = *plan.reasons;
  const Stmt &stmt = *plan.stmt;
  ev->domains().choose(chosen, si.domains.size());
  Instance *inputs = candidateInstance(row != nullptr, changed);
  llvm::SmallVector<Value, 4> in;
  if (!readInputs(inputs, in))
    return reject(reason, rl.evalError);
  if (inputWheres && plan.hasInputWheres) {
    Instance *scope = reuse && !row ? reusedScope(in, inputs)
                                    : record(si.scope, in, inputs);
    for (size_t i = 0; i < si.wheres.size(); ++i)
      if (!si.wheres[i].readsResults &&
          !holds(si.wheres[i].cond, scope, reason, rl.whereReason[i]))
        return false;
  }
  if (errorKind)
    *errorKind = -1;
  if (!ev->validate(inputs, stmt.range)) // A require, or an error under it.
    return reject(reason,
                  !errorKind || *errorKind == 1 ? rl.require : rl.evalError);
  cost::EvalStatus status;
  if (!costInputs(inputs, status))
    return reject(reason, rl.evalError);
  if (status.ok())
    status = run->evaluate();
  lastFits = !isOverflow(status);
  if (!lastFits && plan.overflowSlot >= 0) {
    // `allow_overflow = true`: a plan that does not fit is a candidate,
    // its `fits` false (a `where fits` drops it again).
    Value allow = ev->field(inputs, unsigned(plan.overflowSlot), stmt.range);
    if (allow.isError())
      return reject(reason, rl.evalError);
    if (allow.b)
      status = cost::EvalStatus();
  }
  if (!status.ok()) {
    lastStatus = status;
    lastInputs = inputs;
    return reject(reason, rl.firstCheck + unsigned(status.error) - 1);
  }
  return score(in, inputs, reason, keys, row);
}

std::string CandidateRunner::lastRejection() {
  llvm::SmallVector<Value, 4> in;
  llvm::SmallVector<Instance *, 4> entities;
  if (lastInputs && readInputs(lastInputs, in))
    for (const Value &v : in)
      entities.push_back(v.kind == Value::Object ? v.object : nullptr);
  return plan.analysis->rejection(lastStatus, entities);
}

Instance *CandidateRunner::syncReused(const Value *chosen) {
  ev->domains().choose(chosen, unsigned(plan.info->domains.size()));
  return candidateInstance(false, 0);
}

Instance *CandidateRunner::candidateInstance(bool fresh, uint64_t changed) {
  const Stmt &stmt = *plan.stmt;
  if (fresh || !reuse)
    return ev->amend(nullptr, stmt.analysis->schema, stmt.analysis, nullptr,
                     stmt.name);
  changed |= pendingChanges;
  pendingChanges = 0;
  if (reused) // Only what read a changed domain (or failed) is evaluated again.
    ev->domains().resetMemos(changed);
  else
    reused = ev->amend(nullptr, stmt.analysis->schema, stmt.analysis, nullptr,
                       stmt.name);
  for (InputCache &c : inputCache)
    c.changedSince |= changed;
  return reused;
}

bool CandidateRunner::score(llvm::ArrayRef<Value> in, Instance *inputs,
                            unsigned &reason,
                            llvm::SmallVectorImpl<double> &keys,
                            Instance **row) {
  const SearchInfo &si = *plan.info;
  const ReasonLayout &rl = *plan.reasons;
  keys.clear();
  if (!row && !plan.needsRecord) { // Objectives that are plain stats.
    for (int stat : plan.directKeys)
      keys.push_back(run->stat(unsigned(stat)));
    return true;
  }
  Instance *rec = record(row ? si.row : si.scope, in, inputs);
  run->fillResult(plan.stmt->resultSchema, rec->memo, row != nullptr);
  if (row) // A kept row: its records too (never for every candidate).
    run->fillRecords(*ev, plan.stmt->resultSchema, rec->memo);
  fillFits(plan.stmt->resultSchema, rec->memo, lastFits);
  for (unsigned i = 0; i < si.firstInput; ++i)
    if (!rec->memo[i].isError())
      rec->state[i] = FieldState::Done;
  for (size_t i = 0; i < si.wheres.size(); ++i)
    if (si.wheres[i].readsResults &&
        !holds(si.wheres[i].cond, rec, reason, rl.whereReason[i]))
      return false;
  for (const SearchObjective &o : si.objectives) {
    Value v = ev->eval(o.value, Context{rec, nullptr, 0});
    if (!v.isNumber())
      return reject(reason, rl.evalError);
    keys.push_back(v.asDouble());
  }
  if (row)
    *row = rec;
  return true;
}

Instance *CandidateRunner::record(const Schema *schema,
                                  llvm::ArrayRef<Value> in, Instance *inputs) {
  Instance *rec = ev->amend(nullptr, schema, nullptr, nullptr, plan.stmt->name);
  for (size_t i = 0; i < in.size(); ++i) {
    rec->memo[plan.info->firstInput + i] = in[i];
    rec->state[plan.info->firstInput + i] = FieldState::Done;
  }
  rec->validated = true;
  rec->inputs = inputs;
  return rec;
}

bool CandidateRunner::costInputs(Instance *inputs, cost::EvalStatus &status) {
  FieldReader r(*ev, plan.stmt->range);
  llvm::ArrayRef<AnalysisInput> specs = plan.analysis->inputs();
  for (unsigned i = 0; i < specs.size(); ++i) {
    int slot = plan.inputSlots[i];
    Value v = slot < 0 ? Value()
                       : ev->field(inputs, unsigned(slot), plan.stmt->range);
    if (v.kind != Value::Object)
      return false;
    Instance *obj = v.object;
    InputCache &c = inputCache[i];
    if (!specs[i].fields.empty()) {
      if (!convertFields(i, r, obj))
        return false;
      c.status = run->checkInput(i);
    } else if (obj != c.entity) {
      // Cached only when the conversion read nothing that depends on the
      // domains: a reused instance (`model = m { seq_size in … }`) keeps
      // its pointer while its domain-dependent fields change.
      c.entity = nullptr;
      uint64_t outer = ev->domains().beginWatch();
      bool converted = run->convert(i, r, obj);
      bool dependent = ev->domains().endWatch(outer);
      if (!converted)
        return false;
      c.status = run->checkInput(i);
      if (!dependent)
        c.entity = obj;
    }
    if (status.ok())
      status = c.status;
  }
  return true;
}

bool CandidateRunner::convertFields(unsigned i, FieldReader &r, Instance *e) {
  llvm::ArrayRef<const char *> fields = plan.analysis->inputs()[i].fields;
  InputCache &c = inputCache[i];
  if (!reuse || e->schema != c.schema) { // Resolve the slots once.
    c.entity = nullptr;
    c.schema = nullptr;
    c.slots.clear();
    for (const char *f : fields)
      c.slots.push_back(e->schema->lookup(f));
    if (llvm::is_contained(c.slots, -1) || !reuse)
      return run->convert(i, r, e); // Reports the missing field.
    c.schema = e->schema;
  }
  // On the entity of the previous candidate, a field whose memo read none
  // of the domains changed since holds the value already copied: a memo is
  // evaluated again (or, for a domain's field, set to the new choice)
  // exactly when it read a domain that changed. deps[f] is what the copied
  // value read (all bits: not copied from this instance).
  if (e != c.entity)
    c.deps.assign(fields.size(), ~uint64_t(0));
  c.entity = nullptr;
  uint64_t changed = c.changedSince | domainBit(63);
  for (unsigned f = 0; f < fields.size(); ++f) {
    if (!(c.deps[f] & changed))
      continue;
    unsigned slot = unsigned(c.slots[f]);
    Value v = ev->field(e, slot, plan.stmt->range);
    if (v.isError())
      return false;
    run->setField(i, f, v);
    c.deps[f] = e->domainDeps.empty() ? 0 : e->domainDeps[slot];
  }
  c.entity = e;
  c.changedSince = 0;
  return true;
}

bool CandidateRunner::holds(const Expr *cond, Instance *self, unsigned &reason,
                            unsigned r) {
  Value v = ev->eval(cond, Context{self, nullptr, 0});
  if (v.kind == Value::Bool && v.b)
    return true;
  reason = v.isError() ? plan.reasons->evalError : r;
  return false;
}

void Worker::ensure(const Plan &p) {
  if (runner && ev->arenaSize() < maxArena)
    return;
  bool restart = runner != nullptr;
  ev.reset(); // Before its diagnostics engine.
  diags = std::make_unique<DiagnosticEngine>(*p.sourceMgr, llvm::nulls());
  diags->setConsumer([this, requireNote = false](const Diagnostic &d) mutable {
    if (d.severity != Severity::Error) {
      // A failed require is reported at its use; its line is the note.
      if (requireNote && d.severity == Severity::Note) {
        error.loc = d.loc;
        error.ranges.assign(d.ranges.begin(), d.ranges.end());
      }
      requireNote = false;
      return;
    }
    bool isRequire = llvm::StringRef(d.message).startswith("requirement of");
    if (errorKind < 0)
      errorKind = isRequire ? 1 : 0;
    requireNote = false;
    if (!error.set) {
      error = CapturedError{true, d.message, d.loc, d.ranges};
      requireNote = isRequire;
    }
  });
  ev = std::make_unique<Evaluator>(*p.module, *diags);
  for (size_t i = 0; i < p.results.size(); ++i)
    ev->setResult(unsigned(i), p.results[i]);
  if (!runner)
    runner = std::make_unique<CandidateRunner>(p, *ev);
  ev->domains().track(!p.freshCandidates);
  runner->setEvaluator(*ev);
  if (!p.freshCandidates)
    runner->reuseInstances();
  runner->clearCache();
  runner->errorKind = &errorKind;
  size_t n = p.info->domains.size();
  lists.resize(n);
  // Cached lists may hold objects of the old arena.
  listTime.assign(n, 0);
  listReads.resize(n, 0);
  stamp.resize(n, 0);
  whereLevel.resize(p.info->wheres.size(), -1);
  chosen.resize(n);
  picks.resize(n);
  if (restart) // Objects in the lists lived in the old arena: replay.
    for (size_t k = 0; k < depth; ++k) {
      lists[k] = runner->domainList(k, chosen.data());
      chosen[k] = lists[k].at(picks[k]);
    }
}
