//===- SearchStatement.cpp - Running `search n = training { … }` ----------===//
//
// LANGUAGE.md §6 on the language-independent engine (SearchEngine.h): the
// units are the values of the first domain; inside a unit the remaining
// domains are nested loops, each domain's list computed in its own block
// with the domains before it chosen (dependent domains). Each candidate is
// evaluated by a per-thread Evaluator whose diagnostics are discarded: any
// evaluation error, failed `require`, or Calculon check makes the candidate
// infeasible and is counted by reason, in the order input `where`s,
// `require`, evaluation errors, Calculon checks, result `where`s. A kept
// candidate is its choices (indices into the domain lists) and objective
// keys; the kept ones are replayed on the statement's evaluator to build
// the result rows, so the rows never point into a worker's arena.
//
//===----------------------------------------------------------------------===//
#include "eval/Statements.h"
#include "eval/search/EvalReasons.h"
#include "eval/search/SearchEngine.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

constexpr unsigned numChecks = unsigned(cost::EvalError::EfficiencyLookup);

/// The reasons of a search, in LANGUAGE.md §6 order.
struct ReasonLayout {
  std::vector<unsigned> whereReason; ///< Per `where`, in written order.
  unsigned require = 0, evalError = 0, firstCheck = 0, total = 0;
  std::vector<std::string> names;

  explicit ReasonLayout(const SearchInfo &si) {
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
  unsigned push(std::string name) {
    names.push_back(std::move(name));
    return total++;
  }
  void add(size_t where, std::string name) { whereReason[where] = push(std::move(name)); }
};

/// A unit of the search: the choices of its first domains. `failed`: the
/// list after them could not be computed.
struct Prefix {
  llvm::SmallVector<uint32_t, 4> picks;
  bool failed = false;
};

/// A feasible point: the index chosen in each domain's list, and the
/// objective values.
struct Candidate {
  llvm::SmallVector<uint32_t, 12> picks;
  llvm::SmallVector<double, 4> keys;
};

/// What the statement's evaluator and every worker share.
struct Plan {
  const Stmt *stmt = nullptr;
  const SearchInfo *info = nullptr;
  const Module *module = nullptr;
  llvm::SourceMgr *sourceMgr = nullptr;
  const ReasonLayout *reasons = nullptr;
  /// Per domain: its list when it reads no other domain (computed once),
  /// else Error.
  std::vector<Value> constLists;
  /// Per level k: the number of candidates below a prefix of k choices
  /// when every domain from k on is constant, else 0.
  std::vector<uint64_t> constProduct;
  /// Slots of model, system, execution in the analysis schema (-1: none).
  int inputSlots[3] = {-1, -1, -1};
  bool hasInputWheres = false;
  /// Whether an accepted candidate needs its result record: result
  /// `where`s or objectives.
  bool needsRecord = false;
  /// Per objective, when it is a plain statistic (`maximize sample_rate`):
  /// its cost::Stat, read without building the record.
  std::vector<int> directKeys;
  /// The results of earlier statements, fully evaluated (so workers only
  /// read their memos) for searches that read them.
  std::vector<Value> results;
};

/// Evaluates domain lists and candidates with one Evaluator.
class CandidateRunner {
public:
  CandidateRunner(const Plan &plan, Evaluator &ev) : plan(plan), ev(&ev) {}

  void setEvaluator(Evaluator &e) { ev = &e; }
  /// Where the worker's diagnostic consumer records the kind of the first
  /// error since it was reset to -1: 1 a failed `require`, 0 anything else.
  int *errorKind = nullptr;

  /// The list of domain \p k with the first k domains set to \p chosen
  /// (none when \p chosen is null).
  /// With \p known < k, only that many are set: the list is Error if it
  /// reads a later one.
  /// \p reads, if given, receives the highest domain the list read (-1:
  /// none).
  Value domainList(unsigned k, const Value *chosen, int known = -1,
                   int *reads = nullptr) {
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

  /// Input `where` \p i with the first \p k domains chosen: 1 holds, 0
  /// fails, -1 undecided (it reads a later domain, or fails to evaluate).
  int inputWhere(size_t i, unsigned k, const Value *chosen) {
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

  /// Evaluates the candidate \p chosen (all domains set). Returns true if
  /// feasible (keys set); otherwise \p reason says why. With \p row, also
  /// builds the result row (the statement's evaluator only).
  bool evaluate(const Value *chosen, unsigned &reason,
                llvm::SmallVectorImpl<double> &keys, Instance **row = nullptr,
                bool inputWheres = true) {
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
      return reject(reason, !errorKind || *errorKind == 1 ? rl.require
                                                          : rl.evalError);
    if (!costInputs(inputs))
      return reject(reason, rl.evalError);
    cost::EvalStatus status = systemStatus;
    if (status.ok())
      status = cost::evaluateTraining(model, system, exe, ws, stats);
    if (!status.ok())
      return reject(reason, rl.firstCheck + unsigned(status.error) - 1);
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
    trainingResultValues(stmt.resultSchema, stats, row ? &types : nullptr, rec->memo);
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

  /// Forgets the cost structs cached for the previous evaluator's instances.
  void clearCache() { cachedModel = cachedSystem = nullptr; }

private:
  /// A record over \p schema with the inputs \p in set (results pending).
  Instance *record(const Schema *schema, llvm::ArrayRef<Value> in,
                   Instance *inputs) {
    Instance *rec = ev->amend(nullptr, schema, nullptr, nullptr, plan.stmt->name);
    for (size_t i = 0; i < in.size(); ++i) {
      rec->memo[plan.info->firstInput + i] = in[i];
      rec->state[plan.info->firstInput + i] = FieldState::Done;
    }
    rec->validated = true;
    rec->inputs = inputs;
    return rec;
  }

  /// Fills model, system and exe; a model or system that is the same
  /// instance as for the previous candidate (an entity, not an amend over a
  /// domain) is not converted again.
  bool costInputs(Instance *inputs) {
    Instance *objs[3] = {nullptr, nullptr, nullptr};
    for (unsigned i = 0; i < 3; ++i) {
      int slot = plan.inputSlots[i];
      Value v = slot < 0 ? Value() : ev->field(inputs, unsigned(slot), plan.stmt->range);
      if (v.kind != Value::Object)
        return false;
      objs[i] = v.object;
    }
    llvm::SMRange use = plan.stmt->range;
    if (objs[0] != cachedModel) {
      cachedModel = nullptr;
      if (!toCostModel(*ev, objs[0], use, model))
        return false;
      cachedModel = objs[0];
    }
    if (objs[1] != cachedSystem) {
      cachedSystem = nullptr;
      if (!toCostSystem(*ev, objs[1], use, system))
        return false;
      systemStatus = cost::checkSystem(system);
      cachedSystem = objs[1];
    }
    return toCostExecution(*ev, objs[2], use, exe);
  }

  Instance *cachedModel = nullptr, *cachedSystem = nullptr;
  cost::EvalStatus systemStatus;

  static bool reject(unsigned &reason, unsigned r) {
    reason = r;
    return false;
  }
  bool holds(const Expr *cond, Instance *self, unsigned &reason, unsigned r) {
    Value v = ev->eval(cond, Context{self, nullptr, 0});
    if (v.kind == Value::Bool && v.b)
      return true;
    reason = v.isError() ? plan.reasons->evalError : r;
    return false;
  }

  const Plan &plan;
  Evaluator *ev;
  cost::Model model;
  cost::System system;
  cost::Execution exe;
  cost::Workspace ws;
  cost::Stats stats;
};

/// Per-thread state: a silent evaluator (restarted when its arena grows),
/// the domain lists and choices of the current prefix.
struct Worker {
  static constexpr size_t maxArena = 1 << 14;

  void ensure(const Plan &p) {
    if (runner && ev->arenaSize() < maxArena)
      return;
    bool restart = runner != nullptr;
    diags = std::make_unique<DiagnosticEngine>(*p.sourceMgr, llvm::nulls());
    diags->setConsumer([this](const Diagnostic &d) {
      if (errorKind < 0 && d.severity == Severity::Error)
        errorKind = llvm::StringRef(d.message).startswith("requirement of") ? 1 : 0;
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

  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<Evaluator> ev;
  std::unique_ptr<CandidateRunner> runner;
  int errorKind = -1; ///< See CandidateRunner::errorKind.
  std::vector<Value> lists, chosen;
  std::vector<uint32_t> picks;
  /// List caching in enumerate(): when each level's choice last changed,
  /// when each level's list was computed (0: not cached) and the highest
  /// domain it read.
  std::vector<uint64_t> stamp, listTime;
  std::vector<int> listReads;
  uint64_t clock = 0;
  /// Per input `where`: the level at which it was found to hold for the
  /// current prefix, or -1.
  std::vector<int> whereLevel;
  size_t depth = 0; ///< Levels of lists/chosen currently valid.
};

class SearchProblem {
public:
  using Candidate = ::Candidate;
  using Worker = ::Worker;

  SearchProblem(const Plan &plan, const std::vector<Prefix> &prefixes)
      : plan(plan), prefixes(prefixes) {}

  uint64_t numUnits() const { return prefixes.size(); }
  uint64_t unitsPerChunk() const { return 1; }
  unsigned numReasons() const { return plan.reasons->total; }

  bool better(const Candidate &a, const Candidate &b) const {
    const auto &objs = plan.info->objectives;
    for (size_t i = 0; i < objs.size(); ++i) {
      if (a.keys[i] == b.keys[i])
        continue;
      return objs[i].maximize ? a.keys[i] > b.keys[i] : a.keys[i] < b.keys[i];
    }
    return false;
  }

  /// A unit is a prefix of choices: replay it, then enumerate below it. An
  /// input `where` that fails on the prefix counts only this unit's part.
  template <class Sink> void runUnit(uint64_t unit, Worker &w, Sink &sink) const {
    w.ensure(plan);
    w.depth = 0;
    const Prefix &prefix = prefixes[unit];
    if (prefix.failed)
      return sink.reject(plan.reasons->evalError);
    for (size_t k = 0; k < prefix.picks.size(); ++k) {
      Value list = w.runner->domainList(unsigned(k), w.chosen.data());
      if (list.isError() || prefix.picks[k] >= list.elements().size())
        return sink.reject(plan.reasons->evalError); // Cannot happen.
      w.lists[k] = list;
      w.picks[k] = prefix.picks[k];
      w.chosen[k] = list.elements()[prefix.picks[k]];
      w.stamp[k] = ++w.clock;
      w.depth = k + 1;
    }
    descend(prefix.picks.size(), w, sink);
  }

private:
  /// Prunes the prefix of \p k choices when an input `where` already fails
  /// on it, counting every candidate below it.
  template <class Sink> bool pruned(size_t k, Worker &w, Sink &sink) const {
    const SearchInfo &si = *plan.info;
    for (size_t i = 0; i < si.wheres.size(); ++i) {
      if (si.wheres[i].readsResults || w.whereLevel[i] >= 0)
        continue;
      int holds = w.runner->inputWhere(i, unsigned(k), w.chosen.data());
      if (holds == 1)
        w.whereLevel[i] = int(k);
      if (holds != 0)
        continue;
      unsigned reason = plan.reasons->whereReason[i];
      for (uint64_t n = subtree(k, w); n; --n)
        sink.reject(reason);
      return true;
    }
    return false;
  }

  /// The number of candidates below the current prefix of \p k choices.
  uint64_t subtree(size_t k, Worker &w) const {
    if (k == plan.info->domains.size())
      return 1;
    if (plan.constProduct[k])
      return plan.constProduct[k];
    // Usually the remaining lists depend only on the prefix: multiply.
    uint64_t product = 1;
    size_t n = plan.info->domains.size();
    for (size_t j = k; j < n && product; ++j) {
      Value list = w.runner->domainList(unsigned(j), w.chosen.data(), int(k));
      if (list.isError()) {
        product = 0;
        break;
      }
      product *= list.elements().size();
      if (list.elements().empty())
        return 0;
    }
    if (product)
      return product;
    Value list = w.runner->domainList(unsigned(k), w.chosen.data());
    if (list.isError())
      return 1;
    uint64_t total = 0;
    for (const Value &v : list.elements()) {
      w.chosen[k] = v;
      w.stamp[k] = ++w.clock;
      total += subtree(k + 1, w);
    }
    return total;
  }

  template <class Sink> void descend(size_t k, Worker &w, Sink &sink) const {
    w.ensure(plan);
    bool prunedHere = pruned(k, w, sink);
    if (!prunedHere)
      enumerate(k, w, sink);
    for (int &level : w.whereLevel)
      if (level == int(k))
        level = -1;
  }

  template <class Sink> void enumerate(size_t k, Worker &w, Sink &sink) const {
    if (k == plan.info->domains.size())
      return leaf(w, sink);
    // The list is kept while the domains it read keep their choices.
    bool fresh = w.listTime[k] != 0;
    for (int j = 0; fresh && j <= w.listReads[k]; ++j)
      fresh = w.stamp[j] < w.listTime[k];
    if (!fresh) {
      int reads = -1;
      Value list = w.runner->domainList(unsigned(k), w.chosen.data(), -1, &reads);
      if (list.isError())
        return sink.reject(plan.reasons->evalError);
      w.lists[k] = list;
      w.listReads[k] = reads;
      w.listTime[k] = ++w.clock;
    }
    for (size_t i = 0; i < w.lists[k].elements().size(); ++i) {
      w.picks[k] = uint32_t(i);
      w.chosen[k] = w.lists[k].elements()[i];
      w.stamp[k] = ++w.clock;
      w.depth = k + 1;
      descend(k + 1, w, sink);
    }
    w.depth = k;
  }

  template <class Sink> void leaf(Worker &w, Sink &sink) const {
    w.ensure(plan);
    unsigned reason = 0;
    Candidate c;
    bool undecided = false;
    for (size_t i = 0; i < plan.info->wheres.size(); ++i)
      undecided |= !plan.info->wheres[i].readsResults && w.whereLevel[i] < 0;
    if (!w.runner->evaluate(w.chosen.data(), reason, c.keys, nullptr, undecided))
      return sink.reject(reason);
    c.picks.assign(w.picks.begin(), w.picks.end());
    sink.accepted(c);
  }

  const Plan &plan;
  const std::vector<Prefix> &prefixes;
};

/// Appends the prefixes of \p depth choices below the current one (\p k
/// chosen) to \p out; false once there are more than \p limit.
bool collectPrefixes(Worker &w, size_t k, size_t depth, Prefix &cur,
                     std::vector<Prefix> &out, size_t limit) {
  if (k == depth) {
    out.push_back(cur);
    return out.size() <= limit;
  }
  Value list = w.runner->domainList(unsigned(k), w.chosen.data());
  if (list.isError()) { // Reported per unit, as one evaluation error.
    Prefix failed = cur;
    failed.failed = true;
    out.push_back(std::move(failed));
    return out.size() <= limit;
  }
  for (size_t i = 0; i < list.elements().size(); ++i) {
    w.chosen[k] = list.elements()[i];
    cur.picks.push_back(uint32_t(i));
    bool ok = collectPrefixes(w, k + 1, depth, cur, out, limit);
    cur.picks.pop_back();
    if (!ok)
      return false;
  }
  return true;
}

/// The units of a search: prefixes of the shallowest depth giving at least
/// 64 of them (so threads share the work), at most 65,536.
std::vector<Prefix> searchUnits(const Plan &plan) {
  size_t n = plan.info->domains.size();
  std::vector<Prefix> best(1);
  Worker w;
  for (size_t depth = 1; depth <= n && best.size() < 64; ++depth) {
    w.ensure(plan);
    std::vector<Prefix> units;
    Prefix cur;
    if (!collectPrefixes(w, 0, depth, cur, units, 1 << 16))
      break;
    best = std::move(units);
  }
  return best;
}

/// The domain that a forward read names, checked along the first choices.
bool checkForwardDomains(const Plan &plan, Evaluator &main) {
  Worker w;
  w.ensure(plan);
  const SearchInfo &si = *plan.info;
  for (size_t k = 0; k < si.domains.size(); ++k) {
    Value list = w.runner->domainList(k, w.chosen.data());
    int read = w.ev->forwardDomainRead();
    if (read >= int(k)) {
      main.diagnostics()
          .error(si.domains[k].range.Start,
                 "domain '" + si.domains[k].path + "' depends on domain '" +
                     si.domains[read].path + "', which is written after it",
                 {si.domains[k].range})
          .note(si.domains[read].range.Start,
                "a domain may depend only on domains written before it");
      return false;
    }
    if (list.isError() || list.elements().empty())
      return true;
    w.chosen[k] = list.elements()[0];
  }
  return true;
}

/// Evaluates every field of \p v, deeply, so later reads only read memos.
void warm(Evaluator &ev, const Value &v, llvm::SmallPtrSetImpl<Instance *> &seen) {
  if (v.kind == Value::List) {
    for (const Value &x : v.elements())
      warm(ev, x, seen);
    return;
  }
  if (v.kind != Value::Object || !seen.insert(v.object).second)
    return;
  Instance *inst = v.object;
  for (unsigned slot = 0; slot < inst->schema->fields.size(); ++slot) {
    const FieldDecl &f = inst->schema->fields[slot];
    bool present = !f.optional || inst->state[slot] == FieldState::Done;
    for (const Layer &l : inst->layers)
      present |= l.block && l.block->find(slot);
    if (present)
      warm(ev, ev.field(inst, slot, llvm::SMRange()), seen);
  }
  if (inst->inputs)
    warm(ev, Value::makeObject(inst->inputs), seen);
}

/// Computes the lists of the domains that read no other domain once.
void findConstantDomains(Plan &plan) {
  const SearchInfo &si = *plan.info;
  size_t n = si.domains.size();
  plan.constLists.assign(n, Value::error());
  plan.constProduct.assign(n + 1, 0);
  Worker w;
  w.ensure(plan);
  std::vector<Value> lists(n);
  for (size_t k = 0; k < n; ++k) {
    Value list = w.runner->domainList(unsigned(k), nullptr);
    if (w.ev->forwardDomainRead() >= 0 || list.isError())
      continue;
    bool plain = true;
    for (const Value &v : list.elements())
      plain &= v.kind != Value::Object;
    if (plain) // Objects live in an evaluator's arena: never shared.
      lists[k] = list;
  }
  plan.constLists = std::move(lists);
  uint64_t product = 1;
  for (size_t k = n; k-- > 0;) {
    if (plan.constLists[k].isError())
      break;
    product *= plan.constLists[k].elements().size();
    plan.constProduct[k] = product;
  }
  for (Value &v : plan.constLists)
    if (v.kind != Value::List)
      v = Value::error();
}

} // namespace

/// "N candidates, M feasible; rejected: …" for stderr.
static void printSummary(const Stmt &stmt, const ReasonLayout &rl,
                         const search::EngineCounts &counts) {
  llvm::raw_ostream &os = llvm::errs();
  os << "search '" << stmt.name << "': " << counts.total << " candidates, "
     << counts.counts.numAccepted() << " feasible";
  for (unsigned r = 0; r < rl.total; ++r)
    if (uint64_t n = counts.counts.numRejected(r))
      os << "; " << n << " rejected by " << rl.names[r];
  os << "\n";
}

Value eval::runSearch(const Stmt &stmt, Evaluator &ev, const RunOptions &options) {
  const SearchInfo &si = *stmt.search;
  ReasonLayout reasons(si);
  Plan plan;
  plan.stmt = &stmt;
  plan.info = &si;
  plan.module = &ev.getModule();
  plan.sourceMgr = &ev.diagnostics().getSourceMgr();
  plan.reasons = &reasons;
  static const char *const inputNames[3] = {"model", "system", "execution"};
  for (unsigned i = 0; i < 3; ++i)
    plan.inputSlots[i] = stmt.analysis->schema->lookup(inputNames[i]);
  for (const SearchWhere &w : si.wheres) {
    plan.hasInputWheres |= !w.readsResults;
    plan.needsRecord |= w.readsResults;
  }
  for (const SearchObjective &o : si.objectives) {
    const Expr *e = o.value;
    int stat = -1;
    if (e->kind == ExprKind::Field && e->depth == 0 && e->slot < si.firstInput)
      for (unsigned i = 0; i < cost::NumStats; ++i)
        if (cost::statKey(cost::Stat(i)) == si.scope->fields[e->slot].name)
          stat = int(i);
    plan.needsRecord |= stat < 0;
    plan.directKeys.push_back(stat);
  }
  llvm::SmallPtrSet<Instance *, 32> seen;
  for (unsigned i = 0; i < stmt.resultIndex; ++i) {
    plan.results.push_back(ev.result(i));
    warm(ev, plan.results.back(), seen);
  }
  if (!checkForwardDomains(plan, ev))
    return Value::error();
  findConstantDomains(plan);
  std::vector<Prefix> units = searchUnits(plan);
  SearchProblem problem(plan, units);
  search::EngineCounts counts;
  std::vector<Candidate> kept =
      search::searchTopK(problem, si.keep, options.threads, nullptr, counts);
  if (options.searchSummary)
    printSummary(stmt, reasons, counts);
  if (options.searchTotals) {
    options.searchTotals->candidates += counts.total;
    options.searchTotals->feasible += counts.counts.numAccepted();
  }
  if (kept.empty()) {
    auto diag = ev.error(stmt.range, "search '" + stmt.name +
                                         "' found no feasible candidate");
    unsigned most = counts.counts.mostFrequent();
    if (counts.total == 0 || most >= reasons.total)
      diag.note(stmt.loc, "the search space is empty");
    else
      diag.note(stmt.loc, "most candidates (" +
                              std::to_string(counts.counts.numRejected(most)) +
                              " of " + std::to_string(counts.total) +
                              ") were rejected by " + reasons.names[most]);
    return Value::error();
  }
  // Replay the kept candidates on this evaluator to build the rows.
  CandidateRunner runner(plan, ev);
  ValueList rows;
  std::vector<Value> chosen(si.domains.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    for (size_t k = 0; k < si.domains.size(); ++k)
      chosen[k] = runner.domainList(k, chosen.data()).elements()[kept[i].picks[k]];
    unsigned reason = 0;
    llvm::SmallVector<double, 4> keys;
    Instance *row = nullptr;
    if (!runner.evaluate(chosen.data(), reason, keys, &row))
      return Value::error(); // Cannot happen: evaluation is deterministic.
    row->memo[si.rankSlot] = Value::integer(int64_t(i + 1));
    row->state[si.rankSlot] = FieldState::Done;
    row->name = stmt.name + "[" + std::to_string(i) + "]";
    rows.push_back(Value::makeObject(row));
  }
  ev.setDomains(nullptr, 0);
  return Value::makeList(std::move(rows));
}
