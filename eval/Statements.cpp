//===- Statements.cpp - Running evaluate/output/assert/expect -------------===//
#include "eval/Statements.h"
#include "eval/output/OutputPath.h"

#include "llvm/ADT/StringMap.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

bool eval::checkStatements(const Module &module, DiagnosticEngine &diags) {
  bool ok = true;
  // Each file once per run: a second output to it would silently replace
  // the first. Paths are compared after normalization (`./a.csv` is `a.csv`).
  llvm::StringMap<const Stmt *> written;
  for (const Stmt &s : module.statements) {
    if (s.kind != StmtKind::Output || !s.hasPath())
      continue;
    if (auto problem = checkOutputPath(s.path)) {
      diags.error(s.pathRange.Start, *problem, {s.pathRange});
      ok = false;
      continue;
    }
    auto [it, first] = written.try_emplace(resolveOutputPath("", s.path), &s);
    if (first)
      continue;
    const Stmt &earlier = *it->second;
    diags
        .error(s.pathRange.Start,
               "output path '" + s.path +
                   "' is already written by an earlier output of this run",
               {s.pathRange})
        .note(earlier.pathRange.Start,
              "'" + earlier.path + "' is written here");
    ok = false;
  }
  return ok;
}

/// The source text of \p range (for test lines).
static llvm::StringRef textOf(llvm::SMRange range) {
  if (!range.isValid())
    return "";
  return llvm::StringRef(range.Start.getPointer(),
                         range.End.getPointer() - range.Start.getPointer());
}

/// "file:line" of \p loc.
static std::string where(DiagnosticEngine &diags, llvm::SMLoc loc) {
  llvm::SourceMgr &sm = diags.getSourceMgr();
  unsigned buffer = sm.FindBufferContainingLoc(loc);
  if (!buffer)
    return "<unknown>";
  return sm.getMemoryBuffer(buffer)->getBufferIdentifier().str() + ":" +
         std::to_string(sm.getLineAndColumn(loc, buffer).first);
}

/// Runs one assert/expect. Returns whether it passed; Error conditions (a
/// failed evaluate upstream) count as failures without a new diagnostic.
static bool runCheck(const Stmt &s, Evaluator &ev, const RunOptions &options,
                     llvm::raw_ostream &out, bool &reported) {
  bool isExpect = s.kind == StmtKind::Expect;
  ev.setStatement(s.loc, isExpect ? "this 'expect'" : "this 'assert'");
  Value v = ev.eval(s.cond, Context());
  ev.setStatement(llvm::SMLoc(), "");
  reported = v.isError();
  bool passed = !v.isError() && v.b;
  if (options.testMode)
    out << (passed ? "PASS " : "FAIL ") << where(ev.diagnostics(), s.loc) << ": "
        << textOf(s.range) << "\n";
  if (passed || reported)
    return passed;
  std::string msg = std::string(isExpect ? "expectation" : "assertion") +
                    " failed" + (s.message.empty() ? "" : ": " + s.message);
  auto diag = ev.diagnostics().error(s.loc, msg, {s.cond->range});
  const Expr *c = s.cond;
  if (c->kind >= ExprKind::Eq && c->kind <= ExprKind::Ge && c->ops.size() >= 2) {
    Context ctx;
    diag.note(c->ops[0]->range.Start, "left operand is " + ev.format(ev.eval(c->ops[0], ctx)));
    diag.note(c->ops[1]->range.Start, "right operand is " + ev.format(ev.eval(c->ops[1], ctx)));
    if (c->ops.size() == 3)
      diag.note(c->ops[2]->range.Start, "tolerance is " + ev.format(ev.eval(c->ops[2], ctx)));
  }
  return false;
}

bool eval::runStatements(const Module &module, Evaluator &ev,
                         const RunOptions &options, llvm::raw_ostream &out,
                         CheckCounts &counts) {
  DiagnosticEngine &diags = ev.diagnostics();
  unsigned errorsBefore = diags.errorCount();
  ev.setPrecision(options.precision);
  bool ok = true;
  std::vector<bool> needed;
  if (options.testMode)
    needed = resultsReadByChecks(module);
  for (const Stmt &s : module.statements) {
    // `calcc test` only checks: no outputs, no evaluation no check reads.
    if (options.testMode &&
        (s.kind == StmtKind::Output ||
         ((s.kind == StmtKind::Evaluate || s.kind == StmtKind::Search) &&
          !needed[s.resultIndex])))
      continue;
    switch (s.kind) {
    case StmtKind::Evaluate:
      ev.setStatement(s.loc, "'evaluate " + s.name + "'");
      ev.setResult(s.resultIndex, runEvaluate(s, ev));
      ev.setStatement(llvm::SMLoc(), "");
      reportResult(s, ev, options);
      break;
    case StmtKind::Search:
      ev.setStatement(s.loc, "'search " + s.name + "'");
      ev.setResult(s.resultIndex, runSearch(s, ev, options));
      ev.setStatement(llvm::SMLoc(), "");
      reportResult(s, ev, options);
      break;
    case StmtKind::Output:
      ev.setStatement(s.loc, "'output " + s.name + "'");
      ok &= runOutput(s, ev, options, out);
      ev.setStatement(llvm::SMLoc(), "");
      break;
    case StmtKind::Assert:
    case StmtKind::Expect: {
      bool reported = false;
      bool passed = runCheck(s, ev, options, out, reported);
      ++(passed ? counts.passed : counts.failed);
      ok &= passed;
      if (!passed && !options.testMode && s.kind == StmtKind::Assert && !reported)
        return false; // A failed assert stops the run.
      break;
    }
    }
  }
  out.flush();
  return ok && diags.errorCount() == errorsBefore;
}
