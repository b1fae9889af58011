//===- AnalysisStatement.cpp - `evaluate r = <analysis> { … }` ------------===//
//
// One evaluation of any registered analysis: the inputs (already checked
// complete and meeting their `require` lines) are converted and checked,
// the analysis evaluates, and its statistics become the `<analysis>_result`
// record. A rejected plan is an error at the `evaluate` keyword naming the
// inputs (docs/language-reference.md §6); with `allow_overflow = true` a
// plan whose only fault is memory is evaluated, its `fits` false.
//
//===----------------------------------------------------------------------===//
#include "eval/Analysis.h"
#include "eval/Statements.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

/// Reports a rejected plan at the `evaluate` keyword.
static void reportRejection(const Stmt &stmt, Evaluator &ev,
                            const Analysis &analysis, const AnalysisRun &run,
                            const cost::EvalStatus &status,
                            llvm::ArrayRef<Instance *> entities) {
  auto diag = ev.diagnostics().error(
      stmt.loc,
      analysis.name().str() + " plan rejected: " +
          analysis.rejection(status, entities),
      {stmt.range});
  std::string inputs;
  for (size_t i = 0; i < entities.size(); ++i)
    inputs += (i ? ", " : "") + analysis.inputs()[i].name.str() + " '" +
              entities[i]->name + "'";
  diag.note(stmt.loc, inputs);
  // One note per line of advice.
  std::string text = run.advice(status);
  llvm::StringRef advice = text;
  while (!advice.empty()) {
    auto [line, rest] = advice.split('\n');
    diag.note(stmt.loc, line.str());
    advice = rest;
  }
  if (isOverflow(status))
    diag.note(stmt.loc, "add 'allow_overflow = true' to the " +
                            analysis.name().str() +
                            " block to see the plan's numbers anyway");
}

Value eval::runEvaluate(const Stmt &stmt, Evaluator &ev) {
  const Analysis *analysis = analysisOf(stmt);
  if (!analysis) {
    ev.diagnostics().error(stmt.loc, "analysis '" + stmt.analysis->schema->name +
                                         "' has no implementation",
                           {stmt.range});
    return Value::error();
  }
  Instance *inputs = ev.amend(nullptr, stmt.analysis->schema, stmt.analysis,
                              nullptr, stmt.name);
  llvm::SMRange use = stmt.range;
  FieldReader r(ev, use);
  llvm::SmallVector<Instance *, 4> entities;
  for (const AnalysisInput &in : analysis->inputs())
    entities.push_back(r.object(inputs, in.name));
  if (!r.ok || !ev.validate(inputs, use))
    return Value::error();
  std::unique_ptr<AnalysisRun> run = analysis->makeRun();
  cost::EvalStatus status;
  for (unsigned i = 0; i < entities.size(); ++i) {
    if (!run->convert(i, r, entities[i]))
      return Value::error();
    if (status.ok())
      status = run->checkInput(i);
  }
  if (status.ok())
    status = run->evaluate();
  bool fits = !isOverflow(status);
  if (!fits && r.boolean(inputs, AllowOverflowField))
    status = cost::EvalStatus();
  if (!r.ok)
    return Value::error();
  if (!status.ok()) {
    reportRejection(stmt, ev, *analysis, *run, status, entities);
    return Value::error();
  }
  const Schema *rs = stmt.resultSchema;
  std::vector<Value> values(rs->fields.size());
  run->fillResult(rs, values, /*exactTypes=*/true);
  run->fillRecords(ev, rs, values);
  fillFits(rs, values, fits);
  Instance *record = ev.makeRecord(rs, stmt.name, std::move(values));
  record->inputs = inputs;
  return Value::makeObject(record);
}
