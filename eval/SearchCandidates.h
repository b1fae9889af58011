//===- SearchCandidates.h - Evaluating `.calc` search candidates ----------===//
//
// The per-candidate half of the `search` statement (SearchStatement.cpp
// drives the enumeration): the reasons layout, the plan shared by all
// threads, CandidateRunner (domain lists, input `where`s, one candidate's
// evaluation with one Evaluator) and the per-thread Worker.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCHCANDIDATES_H
#define CALC_EVAL_SEARCHCANDIDATES_H

#include "eval/Analysis.h"
#include "eval/FieldReader.h"
#include "eval/Statements.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/SourceMgr.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::eval::searchimpl {

using ir::Expr;
using ir::Module;
using ir::Schema;
using ir::SearchInfo;
using ir::Stmt;
using ir::Value;

/// The checks a search counts as reasons: every EvalError but None.
constexpr unsigned numChecks = unsigned(cost::EvalError::NumEvalErrors) - 1;

/// The reasons of a search, in docs/language-reference.md §6 order.
struct ReasonLayout {
  std::vector<unsigned> whereReason; ///< Per `where`, in written order.
  unsigned require = 0, evalError = 0, firstCheck = 0, total = 0;
  std::vector<std::string> names;

  explicit ReasonLayout(const ir::SearchInfo &si);
  /// Whether \p reason is one of the analysis's plan checks.
  bool isCheck(unsigned reason) const {
    return reason >= firstCheck && reason < firstCheck + numPlanChecks;
  }
  unsigned numPlanChecks = 0;
  unsigned push(std::string name) {
    names.push_back(std::move(name));
    return total++;
  }
  void add(size_t where, std::string name) {
    whereReason[where] = push(std::move(name));
  }
};

/// An error diagnostic a worker's evaluator reported: what a candidate
/// rejected by "an evaluation error" or "a require line" failed on.
struct CapturedError {
  bool set = false;
  std::string message;
  llvm::SMLoc loc;
  llvm::SmallVector<llvm::SMRange, 2> ranges;
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
  /// The statement's analysis, and the slots of its inputs in the
  /// analysis schema (-1: none), in Analysis::inputs order.
  const Analysis *analysis = nullptr;
  llvm::SmallVector<int, 4> inputSlots;
  /// The slot of `allow_overflow` in the analysis schema (-1: none).
  int overflowSlot = -1;
  bool hasInputWheres = false;
  /// RunOptions::freshSearchCandidates.
  bool freshCandidates = false;
  /// Whether an accepted candidate needs its result record: result
  /// `where`s or objectives.
  bool needsRecord = false;
  /// Per objective, when it is a plain statistic (`maximize sample_rate`):
  /// its index in Analysis::statKeys, read without building the record.
  std::vector<int> directKeys;
  /// The results of earlier statements, fully evaluated (so workers only
  /// read their memos) for searches that read them.
  std::vector<Value> results;
};

/// Evaluates domain lists and candidates with one Evaluator.
class CandidateRunner {
public:
  CandidateRunner(const Plan &plan, Evaluator &ev)
      : plan(plan), ev(&ev), run(plan.analysis->makeRun()),
        inputCache(plan.analysis->inputs().size()) {}

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
                   int *reads = nullptr);

  /// Input `where` \p i with the first \p k domains chosen: 1 holds, 0
  /// fails, -1 undecided (it reads a later domain, or fails to evaluate).
  int inputWhere(size_t i, unsigned k, const Value *chosen);

  /// domainList and inputWhere on the reused candidate instance (see
  /// reuseInstances), with every domain set to \p chosen: \p changed names
  /// the domains whose choice changed since the instance was last used.
  /// The choices from the list's own domain (or \p known) on are stale, so
  /// an evaluation that reads one of them, or fails, is done again on a
  /// fresh instance, which gives the answer (or error) of domainList and
  /// inputWhere. \p readMask, if given, receives the domains the list read.
  Value domainListReusing(unsigned k, const Value *chosen, uint64_t changed,
                          int known = -1, uint64_t *readMask = nullptr);
  int inputWhereReusing(size_t i, unsigned k, const Value *chosen,
                        uint64_t changed);

  /// Evaluates the candidate \p chosen (all domains set). Returns true if
  /// feasible (keys set); otherwise \p reason says why. With \p row, also
  /// builds the result row (the statement's evaluator only).
  /// \p changed: the domains (domainBit) whose choice changed
  /// since the previous call; the others keep their memos.
  bool evaluate(const Value *chosen, unsigned &reason,
                llvm::SmallVectorImpl<double> &keys, Instance **row = nullptr,
                bool inputWheres = true, uint64_t changed = ~uint64_t(0));

  /// After evaluate rejected a candidate on a plan check: the message an
  /// `evaluate` of it gives ("network tier0 isn't big enough (16
  /// processors mapped to it, size 8)"), for the search's summary.
  std::string lastRejection();

  /// Forgets the cost structs and the candidate instance cached for the
  /// previous evaluator's instances.
  void clearCache() {
    for (InputCache &c : inputCache)
      c = InputCache();
    reused = scopeRecord = nullptr;
    pendingChanges = 0;
  }
  /// Evaluates candidates (not rows) on one instance of the analysis block
  /// whose domain-dependent memos are reset each time; the evaluator must
  /// track domain reads (DomainTracker::track).
  void reuseInstances() { reuse = true; }

private:
  /// domainList and inputWhere without tracking domain reads.
  Value computeDomainList(unsigned k, const Value *chosen, int known,
                          int *reads);
  int computeInputWhere(size_t i, unsigned k, const Value *chosen);
  /// After a successful evaluation: the result `where`s and the objective
  /// keys (building the result record only when needed, or for \p row).
  bool score(llvm::ArrayRef<Value> in, Instance *inputs, unsigned &reason,
             llvm::SmallVectorImpl<double> &keys, Instance **row);
  /// A record over \p schema with the inputs \p in set (results pending).
  Instance *record(const Schema *schema, llvm::ArrayRef<Value> in,
                   Instance *inputs);

  /// Converts the analysis inputs of \p inputs into `run`; an input that
  /// is the same instance as for the previous candidate and whose
  /// conversion read no domain is not converted again. Sets \p status to
  /// the first failed input check.
  bool costInputs(Instance *inputs, cost::EvalStatus &status);
  /// Converts the field-wise input \p i from \p e; on the reused candidate
  /// instance, re-reads only the fields whose memo was reset
  /// (domain-dependent).
  bool convertFields(unsigned i, FieldReader &r, Instance *e);

  /// The instance of the analysis block for the candidate: a fresh amend
  /// for a row (it outlives the candidate), else the reused one.
  Instance *candidateInstance(bool fresh, uint64_t changed);
  /// The reused instance with every domain set to \p chosen, reset for
  /// the changes noted so far.
  Instance *syncReused(const Value *chosen);
  /// The list of domain \p k on the analysis instance \p inst (Error if its
  /// block cannot be reached).
  Value listOn(Instance *inst, unsigned k);
  /// Reads the analysis fields of \p inputs (model, system, execution)
  /// into \p in; false if one fails.
  bool readInputs(Instance *inputs, llvm::SmallVectorImpl<Value> &in);
  /// A new record for input `where`s with the inputs of \p inputs (one
  /// that fails is left to the schema).
  Instance *freshScope(Instance *inputs);
  /// The same on the reused candidate: one record, refreshed with \p in,
  /// each input keeping the domains its value depends on.
  Instance *reusedScope(llvm::ArrayRef<Value> in, Instance *inputs);

  bool reuse = false;
  /// Whether the last evaluated plan fits memory (false only when
  /// allow_overflow let it through).
  bool lastFits = true;
  Instance *reused = nullptr, *scopeRecord = nullptr;
  /// Domains changed since the reused instance was last reset.
  uint64_t pendingChanges = 0;
  /// The last plan-check rejection and its candidate (see lastRejection);
  /// two copies on the rejecting path, nothing built until asked.
  cost::EvalStatus lastStatus;
  Instance *lastInputs = nullptr;
  /// What is known of each analysis input since its last conversion.
  struct InputCache {
    /// Whole inputs: the entity converted, while its conversion read no
    /// domain. Field-wise inputs: the entity last converted.
    Instance *entity = nullptr;
    cost::EvalStatus status; ///< AnalysisRun::checkInput after conversion
    /// Field-wise inputs: the schema the slots were resolved in, each
    /// field's slot, the domains the value copied from it read, and the
    /// domains changed since the last conversion.
    const Schema *schema = nullptr;
    std::vector<int> slots;
    std::vector<uint64_t> deps;
    uint64_t changedSince = 0;
  };

  static bool reject(unsigned &reason, unsigned r) {
    reason = r;
    return false;
  }
  bool holds(const Expr *cond, Instance *self, unsigned &reason, unsigned r);

  const Plan &plan;
  Evaluator *ev;
  std::unique_ptr<AnalysisRun> run;
  std::vector<InputCache> inputCache;
};

/// Per-thread state: a silent evaluator (restarted when its arena grows),
/// the domain lists and choices of the current prefix.
struct Worker {
  static constexpr size_t maxArena = 1 << 11;

  /// Creates the evaluator, or restarts it when its arena is large.
  void ensure(const Plan &p);

  std::unique_ptr<DiagnosticEngine> diags;
  std::unique_ptr<Evaluator> ev;
  std::unique_ptr<CandidateRunner> runner;
  int errorKind = -1; ///< See CandidateRunner::errorKind.
  /// The first error reported since `error.set` was cleared (see
  /// SearchCauses.h).
  CapturedError error;
  uint64_t unit = 0; ///< The unit being enumerated.
  std::vector<Value> lists, chosen;
  std::vector<uint32_t> picks;
  /// List caching in enumerate(): when each level's choice last changed,
  /// when each level's list was computed (0: not cached) and the highest
  /// domain it read.
  std::vector<uint64_t> stamp, listTime;
  std::vector<uint64_t> listReads; ///< Domains read (domainBit mask).
  uint64_t clock = 0;
  /// The domains (domainBit) chosen again since takeChanged.
  uint64_t changedSinceTaken = 0;
  /// Notes a new choice for domain \p k.
  void touch(size_t k) {
    stamp[k] = ++clock;
    changedSinceTaken |= domainBit(unsigned(k));
  }
  /// The domains whose choice changed since the last call (for
  /// CandidateRunner's *Reusing calls and evaluate).
  uint64_t takeChanged() {
    uint64_t changed = changedSinceTaken;
    changedSinceTaken = 0;
    return changed;
  }
  /// Counting a pruned subtree: its level, and per domain the size of its
  /// list when that reads only domains before the level (else UINT64_MAX).
  size_t countBase = 0;
  std::vector<uint64_t> countSizes;
  /// Per input `where`: the level at which it was found to hold for the
  /// current prefix, or -1.
  std::vector<int> whereLevel;
  size_t depth = 0; ///< Levels of lists/chosen currently valid.
};

} // namespace calc::eval::searchimpl

#endif
