//===- SearchCandidates.cpp - Evaluating `.calc` search candidates --------===//
//
// See SearchCandidates.h. A candidate is built like an `evaluate` (a fresh
// amend of the analysis block, so late-bound fields see the chosen domain
// values), validated, converted to the cost structs (model and system
// reused while they are the same instance) and evaluated; every failure is
// a reason, never a diagnostic (the worker's diagnostics are discarded).
//
//===----------------------------------------------------------------------===//
#include "eval/SearchCandidates.h"
#include "eval/CostInputs.h"
#include "eval/search/EvalReasons.h"

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
    push(search::evalErrorName(cost::EvalError(c)).str());
  for (size_t i = 0; i < si.wheres.size(); ++i)
    if (si.wheres[i].readsResults)
      add(i, "where " + si.wheres[i].text);
}

Value CandidateRunner::domainList(unsigned k, const Value *chosen, int known,
                                  int *reads) {
  if (reads)
    *reads = -1;
  if (k < plan.constLists.size() && !plan.constLists[k].isError())
    return plan.constLists[k];
  ev->setDomains(chosen, !chosen ? 0 : known >= 0 ? unsigned(known) : k);
  const SearchDomain &d = plan.info->domains[k];
  Instance *inst = ev->amend(nullptr, plan.stmt->analysis->schema,
                             plan.stmt->analysis, nullptr, plan.stmt->name);
  for (const RouteStep &st : d.route) {
    Value v = ev->field(inst, st.slot, d.range);
    if (st.index >= 0 && v.kind == Value::List &&
        size_t(st.index) < v.elements().size())
      v = v.elements()[st.index];
    if (v.kind != Value::Object)
      return Value::error();
    inst = v.object;
  }
  for (unsigned li = 0; li < inst->layers.size(); ++li)
    if (inst->layers[li].block == d.block) {
      Value list = ev->eval(d.values, Context{inst, inst->layers[li].env, li});
      if (reads)
        *reads = ev->maxDomainRead();
      return list.kind == Value::List && ev->forwardDomainRead() < 0
                 ? list
                 : Value::error();
    }
  return Value::error();
}

int CandidateRunner::inputWhere(size_t i, unsigned k, const Value *chosen) {
  const Stmt &stmt = *plan.stmt;
  const SearchInfo &si = *plan.info;
  ev->setDomains(chosen, k);
  Instance *inputs = ev->amend(nullptr, stmt.analysis->schema, stmt.analysis,
                               nullptr, stmt.name);
  std::vector<Value> values(si.scope->fields.size());
  for (unsigned f = 0; f < stmt.analysis->schema->fields.size(); ++f)
    values[si.firstInput + f] = ev->field(inputs, f, stmt.range);
  Instance *scope = ev->makeRecord(si.scope, stmt.name, std::move(values));
  Value v = ev->eval(si.wheres[i].cond, Context{scope, nullptr, 0});
  if (ev->forwardDomainRead() >= 0 || v.kind != Value::Bool)
    return -1;
  return v.b ? 1 : 0;
}

bool CandidateRunner::evaluate(const Value *chosen, unsigned &reason,
                               llvm::SmallVectorImpl<double> &keys,
                               Instance **row, bool inputWheres) {
  const SearchInfo &si = *plan.info;
  const ReasonLayout &rl = *plan.reasons;
  const Stmt &stmt = *plan.stmt;
  ev->setDomains(chosen, si.domains.size());
  Instance *inputs = ev->amend(nullptr, stmt.analysis->schema, stmt.analysis,
                               nullptr, stmt.name);
  const Schema *analysis = stmt.analysis->schema;
  llvm::SmallVector<Value, 4> in(analysis->fields.size());
  for (unsigned i = 0; i < analysis->fields.size(); ++i) {
    in[i] = ev->field(inputs, i, stmt.range);
    if (in[i].isError())
      return reject(reason, rl.evalError);
  }
  if (inputWheres && plan.hasInputWheres) {
    Instance *scope = record(si.scope, in, inputs);
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
  if (!costInputs(inputs))
    return reject(reason, rl.evalError);
  cost::EvalStatus status = systemStatus;
  if (status.ok())
    status = cost::evaluateTraining(model, system, exe, ws, stats);
  if (!status.ok())
    return reject(reason, rl.firstCheck + unsigned(status.error) - 1);
  return score(in, inputs, reason, keys, row);
}

bool CandidateRunner::score(llvm::ArrayRef<Value> in, Instance *inputs,
                            unsigned &reason,
                            llvm::SmallVectorImpl<double> &keys,
                            Instance **row) {
  const SearchInfo &si = *plan.info;
  const ReasonLayout &rl = *plan.reasons;
  keys.clear();
  if (!row && !plan.needsRecord) { // Objectives that are plain stats.
    for (int stat : plan.directKeys) {
      cost::Stat st = cost::Stat(stat);
      bool null = st == cost::Stat::ActCheckpointSizeWithOffload &&
                  stats.checkpointWithOffloadIsNull;
      keys.push_back(null ? 0.0 : double(stats[st]));
    }
    return true;
  }
  cost::StatTypes types;
  if (row)
    cost::statTypes(model, system, exe, ws, types);
  Instance *rec = record(row ? si.row : si.scope, in, inputs);
  trainingResultValues(plan.stmt->resultSchema, stats, row ? &types : nullptr,
                       rec->memo);
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

bool CandidateRunner::costInputs(Instance *inputs) {
  Instance *objs[3] = {nullptr, nullptr, nullptr};
  for (unsigned i = 0; i < 3; ++i) {
    int slot = plan.inputSlots[i];
    Value v = slot < 0 ? Value()
                       : ev->field(inputs, unsigned(slot), plan.stmt->range);
    if (v.kind != Value::Object)
      return false;
    objs[i] = v.object;
  }
  FieldReader r(*ev, plan.stmt->range);
  if (objs[0] != cachedModel) {
    cachedModel = nullptr;
    model = toCostModel(r, objs[0]);
    if (!r.ok)
      return false;
    cachedModel = objs[0];
  }
  if (objs[1] != cachedSystem) {
    cachedSystem = nullptr;
    system = toCostSystem(r, objs[1]);
    if (!r.ok)
      return false;
    systemStatus = cost::checkSystem(system);
    cachedSystem = objs[1];
  }
  exe = toCostExecution(r, objs[2]);
  return r.ok;
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
  diags->setConsumer([this](const Diagnostic &d) {
    if (errorKind < 0 && d.severity == Severity::Error)
      errorKind =
          llvm::StringRef(d.message).startswith("requirement of") ? 1 : 0;
  });
  ev = std::make_unique<Evaluator>(*p.module, *diags);
  for (size_t i = 0; i < p.results.size(); ++i)
    ev->setResult(unsigned(i), p.results[i]);
  if (!runner)
    runner = std::make_unique<CandidateRunner>(p, *ev);
  runner->setEvaluator(*ev);
  runner->clearCache();
  runner->errorKind = &errorKind;
  size_t n = p.info->domains.size();
  lists.resize(n);
  // Cached lists may hold objects of the old arena.
  listTime.assign(n, 0);
  listReads.resize(n, -1);
  stamp.resize(n, 0);
  whereLevel.resize(p.info->wheres.size(), -1);
  chosen.resize(n);
  picks.resize(n);
  if (restart) // Objects in the lists lived in the old arena: replay.
    for (size_t k = 0; k < depth; ++k) {
      lists[k] = runner->domainList(k, chosen.data());
      chosen[k] = lists[k].elements()[picks[k]];
    }
}
