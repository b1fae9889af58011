//===- CheckDependencies.cpp - The statements `calcc test` must run -------===//
//
// `calcc test` only checks: it runs the `evaluate` and `search` statements
// whose results the `assert`/`expect` lines read, directly or through other
// statements (a search reading `plans[0]`), and nothing else. Results are
// read only through ResultRef expressions of statements (declarations cannot
// read them), so a walk of the statements' expressions and blocks finds them.
//
//===----------------------------------------------------------------------===//
#include "eval/Statements.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

void markReads(const Block *block, std::vector<bool> &needed);

/// Marks the results \p e reads.
void markReads(const Expr *e, std::vector<bool> &needed) {
  if (!e)
    return;
  if (e->kind == ExprKind::ResultRef && e->slot < needed.size())
    needed[e->slot] = true;
  for (const Expr *op : e->ops)
    markReads(op, needed);
  if (e->block)
    markReads(e->block, needed);
}

void markReads(const Block *block, std::vector<bool> &needed) {
  if (!block)
    return;
  for (const Member &m : block->members) {
    markReads(m.value, needed);
    markReads(m.index, needed);
    markReads(m.block, needed);
  }
  for (const Require &r : block->requires)
    markReads(r.cond, needed);
}

/// Marks the results statement \p s reads.
void markStatementReads(const Stmt &s, std::vector<bool> &needed) {
  markReads(s.analysis, needed);
  markReads(s.cond, needed);
  markReads(s.target, needed);
  for (const OutputColumn &c : s.columns)
    markReads(c.value, needed);
  if (!s.search)
    return;
  for (const SearchDomain &d : s.search->domains)
    markReads(d.values, needed);
  for (const SearchWhere &w : s.search->wheres)
    markReads(w.cond, needed);
  for (const SearchObjective &o : s.search->objectives)
    markReads(o.value, needed);
}

} // namespace

std::vector<bool> eval::resultsReadByChecks(const Module &module) {
  std::vector<bool> needed(module.numResults, false);
  for (const Stmt &s : module.statements)
    if (s.kind == StmtKind::Assert || s.kind == StmtKind::Expect)
      markStatementReads(s, needed);
  // A statement reads only earlier results: one backward pass closes the set.
  for (auto it = module.statements.rbegin(); it != module.statements.rend();
       ++it)
    if ((it->kind == StmtKind::Evaluate || it->kind == StmtKind::Search) &&
        it->resultIndex < needed.size() && needed[it->resultIndex])
      markStatementReads(*it, needed);
  return needed;
}
