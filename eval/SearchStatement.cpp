//===- SearchStatement.cpp - Running `search n = training { … }` ----------===//
//
// docs/language-reference.md §6 on the language-independent engine
// (SearchEngine.h). The units are prefixes of choices (the first domains, deep
// enough to give threads work); inside a unit the remaining domains are nested
// loops, each domain's list computed in its own block with the domains before
// it chosen (dependent domains) and kept while the domains it read keep their
// values. An input `where` is tried on every prefix and rejects the whole
// subtree, counted, when it already fails. Candidates are evaluated by
// per-thread CandidateRunners (SearchCandidates.h). A kept candidate is its
// choices (indices into the domain lists) and objective keys; the kept ones are
// replayed on the statement's evaluator to build the result rows, so the rows
// never point into a worker's arena.
//
//===----------------------------------------------------------------------===//
#include "eval/SearchCandidates.h"
#include "eval/SearchCauses.h"
#include "eval/SearchSize.h"
#include "eval/cost/EvalReasons.h"
#include "eval/search/ProgressBar.h"
#include "eval/search/SearchEngine.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using namespace calc::eval::searchimpl;

namespace {

class SearchProblem {
public:
  using Candidate = searchimpl::Candidate;
  using Worker = searchimpl::Worker;

  SearchProblem(const Plan &plan, const std::vector<Prefix> &prefixes,
                FirstCauses &causes)
      : plan(plan), prefixes(prefixes), causes(causes) {}

  uint64_t numUnits() const { return prefixes.size(); }
  uint64_t unitsPerChunk() const { return 1; }
  unsigned numReasons() const { return plan.reasons->total; }

  /// A kept candidate between ranks (a distributed search).
  void encode(const Candidate &c, search::ByteWriter &w) const {
    w.put<uint32_t>(uint32_t(c.picks.size()));
    for (uint32_t p : c.picks)
      w.put(p);
    w.put<uint32_t>(uint32_t(c.keys.size()));
    for (double k : c.keys)
      w.put(k);
  }
  bool decode(search::ByteReader &r, Candidate &c) const {
    uint32_t n;
    if (!r.get(n))
      return false;
    c.picks.resize(n);
    for (uint32_t &p : c.picks)
      if (!r.get(p))
        return false;
    if (!r.get(n))
      return false;
    c.keys.resize(n);
    for (double &k : c.keys)
      if (!r.get(k))
        return false;
    return true;
  }

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
  template <class Sink>
  void runUnit(uint64_t unit, Worker &w, Sink &sink) const {
    w.ensure(plan);
    w.depth = 0;
    w.unit = unit;
    const Prefix &prefix = prefixes[unit];
    if (prefix.failed) {
      causes.note(plan.reasons->evalError, unit, prefix.picks, true);
      return sink.reject(plan.reasons->evalError);
    }
    for (size_t k = 0; k < prefix.picks.size(); ++k) {
      Value list = w.runner->domainListReusing(unsigned(k), w.chosen.data(),
                                               w.takeChanged());
      if (list.isError() || prefix.picks[k] >= list.size())
        return sink.reject(plan.reasons->evalError); // Cannot happen.
      w.lists[k] = list;
      w.picks[k] = prefix.picks[k];
      w.chosen[k] = list.at(prefix.picks[k]);
      w.touch(k);
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
      int holds = w.runner->inputWhereReusing(i, unsigned(k), w.chosen.data(),
                                              w.takeChanged());
      if (holds == 1)
        w.whereLevel[i] = int(k);
      if (holds != 0)
        continue;
      unsigned reason = plan.reasons->whereReason[i];
      w.countBase = k;
      w.countSizes.assign(si.domains.size(), UINT64_MAX);
      sink.rejectMany(reason, subtree(k, w));
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
      uint64_t size = w.countSizes[j];
      if (size == UINT64_MAX) {
        uint64_t reads = 0;
        Value list = w.runner->domainListReusing(
            unsigned(j), w.chosen.data(), w.takeChanged(), int(k), &reads);
        if (list.isError()) {
          product = 0;
          break;
        }
        size = list.size();
        // A list reading only the pruned prefix is the same in the whole
        // count.
        if (w.countBase >= 63 ? !(reads & domainBit(63))
                              : !(reads >> w.countBase))
          w.countSizes[j] = size;
      }
      if (size == 0)
        return 0;
      product = product > UINT64_MAX / size ? UINT64_MAX : product * size;
    }
    if (product)
      return product;
    Value list = w.runner->domainListReusing(unsigned(k), w.chosen.data(),
                                             w.takeChanged());
    if (list.isError())
      return 1;
    uint64_t total = 0;
    for (uint64_t i = 0, n = list.size(); i < n; ++i) {
      w.chosen[k] = list.at(i);
      w.touch(k);
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
    for (size_t j = 0; fresh && j < k; ++j)
      fresh = !(w.listReads[k] & domainBit(unsigned(j))) ||
              w.stamp[j] < w.listTime[k];
    if (!fresh) {
      uint64_t reads = 0;
      Value list = w.runner->domainListReusing(unsigned(k), w.chosen.data(),
                                               w.takeChanged(), -1, &reads);
      if (list.isError()) {
        causes.note(plan.reasons->evalError, w.unit,
                    llvm::makeArrayRef(w.picks).take_front(k), true);
        return sink.reject(plan.reasons->evalError);
      }
      w.lists[k] = list;
      w.listReads[k] = reads;
      w.listTime[k] = ++w.clock;
    }
    for (uint64_t i = 0, n = w.lists[k].size(); i < n; ++i) {
      w.picks[k] = uint32_t(i);
      w.chosen[k] = w.lists[k].at(i);
      w.touch(k);
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
    if (!w.runner->evaluate(w.chosen.data(), reason, c.keys, nullptr,
                            undecided, w.takeChanged())) {
      if (reason == plan.reasons->evalError ||
          reason == plan.reasons->require || plan.reasons->isCheck(reason))
        causes.note(reason, w.unit, w.picks, false);
      return sink.reject(reason);
    }
    c.picks.assign(w.picks.begin(), w.picks.end());
    sink.accepted(c);
  }

  const Plan &plan;
  const std::vector<Prefix> &prefixes;
  FirstCauses &causes;
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
  for (uint64_t i = 0, n = list.size(); i < n; ++i) {
    w.chosen[k] = list.at(i);
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

/// "domain of 'a' reads 'b', whose domain is declared later; declare 'b'
/// first", or, when the list reads its own field through another (a default
/// such as `num_procs = tensor_par * pipeline_par * data_par`), that chain.
void reportForwardRead(Evaluator &main, const SearchInfo &si, unsigned k,
                       unsigned read, llvm::ArrayRef<std::string> via) {
  const SearchDomain &d = si.domains[k], &r = si.domains[read];
  std::string through;
  for (const std::string &f : via)
    through += (through.empty() ? " through '" : "' and '") + f;
  if (!through.empty())
    through += "'";
  if (read == k) {
    auto diag = main.diagnostics().error(
        d.range.Start,
        "the domain of '" + d.path + "' reads '" + d.path + "' itself" +
            through,
        {d.values->range});
    if (!via.empty())
      diag.note(d.range.Start,
                "'" + via.front() + "' is computed from '" + d.path +
                    "'; set '" + via.front() +
                    "' in the search block, or write the domain without it");
    return;
  }
  main.diagnostics()
      .error(d.range.Start,
             "the domain of '" + d.path + "' reads '" + r.path + "'" +
                 through + ", whose domain is declared later; declare '" +
                 r.path + "' first",
             {d.values->range})
      .note(r.range.Start, "'" + r.path + "' is declared here");
}

/// The domain that a forward read names, checked along the first choices.
bool checkForwardDomains(const Plan &plan, Evaluator &main) {
  Worker w;
  w.ensure(plan);
  const SearchInfo &si = *plan.info;
  for (size_t k = 0; k < si.domains.size(); ++k) {
    Value list = w.runner->domainList(k, w.chosen.data());
    int read = w.ev->domains().forwardRead();
    if (read >= int(k)) {
      reportForwardRead(main, si, k, unsigned(read),
                        w.ev->domains().forwardReadVia());
      return false;
    }
    if (list.isError() || list.size() == 0)
      return true;
    w.chosen[k] = list.at(0);
  }
  return true;
}

/// Whether \p e (or a block it amends) reads a result that failed.
bool readsFailedResult(const Expr *e, Evaluator &ev);

bool readsFailedResult(const Block *b, Evaluator &ev) {
  for (const Member &m : b->members) {
    if (m.value && readsFailedResult(m.value, ev))
      return true;
    if (m.index && readsFailedResult(m.index, ev))
      return true;
    if (m.block && readsFailedResult(m.block, ev))
      return true;
  }
  return false;
}

bool readsFailedResult(const Expr *e, Evaluator &ev) {
  if (e->kind == ExprKind::ResultRef && ev.result(e->slot).isError())
    return true;
  if (e->kind == ExprKind::Amend && e->block && readsFailedResult(e->block, ev))
    return true;
  for (const Expr *op : e->ops)
    if (readsFailedResult(op, ev))
      return true;
  return false;
}

/// Whether search \p si reads a failed `evaluate` or `search` anywhere (it is
/// then skipped without a second diagnostic, docs/language-reference.md §6).
bool readsFailedResult(const Stmt &stmt, Evaluator &ev) {
  const SearchInfo &si = *stmt.search;
  if (readsFailedResult(stmt.analysis, ev))
    return true;
  for (const SearchDomain &d : si.domains)
    if (readsFailedResult(d.values, ev))
      return true;
  for (const SearchWhere &w : si.wheres)
    if (readsFailedResult(w.cond, ev))
      return true;
  for (const SearchObjective &o : si.objectives)
    if (readsFailedResult(o.value, ev))
      return true;
  return false;
}

/// Evaluates every field of \p v, deeply, so later reads only read memos.
void warm(Evaluator &ev, const Value &v,
          llvm::SmallPtrSetImpl<Instance *> &seen) {
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
    for (const AmendLayer &l : inst->layers)
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
    if (w.ev->domains().forwardRead() >= 0 || list.isError())
      continue;
    bool plain = true; // A range holds numbers.
    for (uint64_t i = 0, n = list.isRange() ? 0 : list.size(); i < n; ++i)
      plain &= list.at(i).kind != Value::Object;
    if (plain) // Objects live in an evaluator's arena: never shared.
      lists[k] = list;
  }
  plan.constLists = std::move(lists);
  uint64_t product = 1;
  for (size_t k = n; k-- > 0;) {
    if (plan.constLists[k].isError())
      break;
    // Saturating: three domains of 1..10000000 overflow 64 bits.
    uint64_t size = plan.constLists[k].size();
    product = size && product > UINT64_MAX / size ? UINT64_MAX
                                                  : product * size;
    plan.constProduct[k] = product;
  }
  for (Value &v : plan.constLists)
    if (v.kind != Value::List)
      v = Value::error();
}

} // namespace

/// "N candidates, M feasible; rejected: …" for stderr.
static void printSummary(const Stmt &stmt, const ReasonLayout &rl,
                         const search::EngineCounts &counts,
                         const FirstCauses &causes,
                         const llvm::SourceMgr &sm) {
  llvm::raw_ostream &os = llvm::errs();
  os << "search '" << stmt.name << "': " << countOf(counts.total, "candidate")
     << ", " << counts.counts.numAccepted() << " feasible";
  for (unsigned r = 0; r < rl.total; ++r)
    if (uint64_t n = counts.counts.numRejected(r))
      os << "; " << n << " rejected by " << rl.names[r];
  os << "\n";
  causes.print(os, sm, rl);
}

/// Prints the size of the search (with the summary line) and refuses one
/// larger than RunOptions::maxCandidates, before any candidate is evaluated.
static bool checkSearchSize(const Stmt &stmt, Evaluator &ev,
                            const RunOptions &options, const SearchSize &size) {
  std::string count = (size.exact ? "" : "at least ") +
                      ir::countOf(size.candidates, "candidate");
  if (options.searchSummary)
    llvm::errs() << "search '" << stmt.name << "': " << count << " to try\n";
  if (!options.maxCandidates || size.candidates <= options.maxCandidates)
    return true;
  ev.error(stmt.range, "search '" + stmt.name + "' has " + count +
                           ", more than the limit of " +
                           std::to_string(options.maxCandidates))
      .note(stmt.loc, "raise the limit with --max-candidates=N, or "
                      "--max-candidates=0 for none");
  return false;
}

/// Fills what \p plan derives from the statement: input slots, whether
/// records are needed, plain-statistic objectives, earlier results.
static void preparePlan(Plan &plan, const Stmt &stmt, Evaluator &ev) {
  const SearchInfo &si = *stmt.search;
  plan.stmt = &stmt;
  plan.info = &si;
  plan.module = &ev.getModule();
  plan.sourceMgr = &ev.diagnostics().getSourceMgr();
  plan.analysis = analysisOf(stmt);
  for (const AnalysisInput &in : plan.analysis->inputs())
    plan.inputSlots.push_back(stmt.analysis->schema->lookup(in.name));
  plan.overflowSlot = stmt.analysis->schema->lookup(AllowOverflowField);
  for (const SearchWhere &w : si.wheres) {
    plan.hasInputWheres |= !w.readsResults;
    plan.needsRecord |= w.readsResults;
  }
  for (const SearchObjective &o : si.objectives) {
    const Expr *e = o.value;
    int stat = -1;
    if (e->kind == ExprKind::Field && e->depth == 0 && e->slot < si.firstInput)
      for (unsigned i = 0; i < plan.analysis->statKeys().size(); ++i)
        if (plan.analysis->statKeys()[i] == si.scope->fields[e->slot].name)
          stat = int(i);
    plan.needsRecord |= stat < 0;
    plan.directKeys.push_back(stat);
  }
  llvm::SmallPtrSet<Instance *, 32> seen;
  for (unsigned i = 0; i < stmt.resultIndex; ++i) {
    plan.results.push_back(ev.result(i));
    warm(ev, plan.results.back(), seen);
  }
}

/// "search 'x' found no feasible candidate", naming the main reason.
static void reportNothingFeasible(const Stmt &stmt, Evaluator &ev,
                                  const ReasonLayout &reasons,
                                  const search::EngineCounts &counts,
                                  const FirstCauses &causes) {
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
  if (const CapturedError *cause =
          most < reasons.total ? causes.first(most) : nullptr)
    diag.note(cause->loc, "the first: " + cause->message, cause->ranges);
}

/// Replays the kept candidates on the statement's evaluator: the rows.
static Value buildRows(const Plan &plan, Evaluator &ev,
                       llvm::ArrayRef<Candidate> kept) {
  const SearchInfo &si = *plan.info;
  CandidateRunner runner(plan, ev);
  ValueList rows;
  std::vector<Value> chosen(si.domains.size());
  for (size_t i = 0; i < kept.size(); ++i) {
    for (size_t k = 0; k < si.domains.size(); ++k) {
      Value list = runner.domainList(unsigned(k), chosen.data());
      if (list.kind != Value::List || kept[i].picks[k] >= list.size())
        return Value::error(); // Cannot happen: evaluation is deterministic.
      chosen[k] = list.at(kept[i].picks[k]);
    }
    unsigned reason = 0;
    llvm::SmallVector<double, 4> keys;
    Instance *row = nullptr;
    if (!runner.evaluate(chosen.data(), reason, keys, &row))
      return Value::error(); // Cannot happen either.
    row->memo[si.rankSlot] = Value::integer(int64_t(i + 1));
    row->state[si.rankSlot] = FieldState::Done;
    row->name = plan.stmt->name + "[" + std::to_string(i) + "]";
    rows.push_back(Value::makeObject(row));
  }
  ev.domains().choose(nullptr, 0);
  return Value::makeList(std::move(rows));
}

Value eval::runSearch(const Stmt &stmt, Evaluator &ev,
                      const RunOptions &options) {
  const SearchInfo &si = *stmt.search;
  if (readsFailedResult(stmt, ev))
    return Value::error();
  if (!analysisOf(stmt)) {
    ev.error(stmt.range, "analysis '" + stmt.analysis->schema->name +
                             "' has no implementation");
    return Value::error();
  }
  ReasonLayout reasons(si);
  Plan plan;
  plan.reasons = &reasons;
  preparePlan(plan, stmt, ev);
  plan.freshCandidates = options.freshSearchCandidates;
  if (!checkForwardDomains(plan, ev))
    return Value::error();
  findConstantDomains(plan);
  SearchSize size = countCandidates(plan);
  if (!checkSearchSize(stmt, ev, options, size))
    return Value::error();
  std::vector<Prefix> units = searchUnits(plan);
  FirstCauses causes(reasons.total);
  SearchProblem problem(plan, units, causes);
  search::EngineCounts counts;
  search::ProgressLog log;
  log.label = "search '" + stmt.name + "'";
  log.total = size.candidates;
  log.exactTotal = size.exact;
  log.intervalSeconds = options.progressInterval;
  search::ProgressBar bar(llvm::errs(), options.progressBar, units.size(), log);
  std::vector<Candidate> kept = search::searchTopK(
      problem, si.keep, options.threads,
      [&](uint64_t unitsDone, uint64_t n, uint64_t feasible) {
        bar.update(unitsDone, n, feasible);
      },
      counts);
  bar.finish();
  causes.shareAcrossRanks(search::transport());
  causes.explain(plan);
  if (options.searchSummary)
    printSummary(stmt, reasons, counts, causes,
                 ev.diagnostics().getSourceMgr());
  if (options.searchTotals) {
    options.searchTotals->candidates += counts.total;
    options.searchTotals->feasible += counts.counts.numAccepted();
  }
  if (kept.empty()) {
    reportNothingFeasible(stmt, ev, reasons, counts, causes);
    return Value::error();
  }
  return buildRows(plan, ev, kept);
}
