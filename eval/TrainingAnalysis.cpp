//===- TrainingAnalysis.cpp - `evaluate r = training { … }` -> eval/cost ---===//
//
// The bridge between the language and the cost library (docs/architecture.md,
// Pipeline): converts the model, system and execution entities (already checked
// complete and meeting their `require` lines) into cost::Model, System and
// Execution in SI units, runs cost::evaluateTraining, and binds Calculon's 96
// statistics as a `training_result` record. A rejected plan is an error at
// the `evaluate` keyword with the values as notes
// (docs/language-reference.md §6).
//
//===----------------------------------------------------------------------===//
#include "eval/CostInputs.h"
#include "eval/Statements.h"
#include "eval/cost/Training.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

/// Reports a rejected plan at the `evaluate` keyword.
static void reportRejection(const Stmt &stmt, Evaluator &ev,
                            const cost::EvalStatus &status, Instance *system,
                            Instance *model, Instance *exe) {
  std::string text;
  llvm::raw_string_ostream os(text);
  bool memory = status.error == cost::EvalError::Mem1Capacity ||
                status.error == cost::EvalError::Mem2Capacity;
  if (memory) {
    auto gib = parseUnit("GiB");
    os << (status.error == cost::EvalError::Mem1Capacity ? "mem1" : "mem2")
       << " needs " << formatInUnit(status.x, *gib, 6) << " but '"
       << system->name << "' has " << formatInUnit(status.y, *gib, 6);
  } else {
    cost::renderStatus(status, os);
  }
  os.flush();
  // The cost library keeps Calculon's wording ("Network tier0 isn't big
  // enough"), which `calcc llm` must print verbatim; a diagnostic continues in
  // lowercase (docs/language-reference.md §8). Acronyms ("TP ...") stay as they
  // are.
  if (text.size() > 1 && llvm::isAlpha(text[1]) &&
      text[1] == llvm::toLower(text[1]))
    text[0] = llvm::toLower(text[0]);
  auto diag = ev.diagnostics().error(stmt.loc, "training plan rejected: " + text,
                                     {stmt.range});
  diag.note(stmt.loc, "model '" + model->name + "', system '" + system->name +
                          "', execution '" + exe->name + "'");
}

Value eval::runTraining(const Stmt &stmt, Evaluator &ev) {
  Instance *inputs = ev.amend(nullptr, stmt.analysis->schema, stmt.analysis,
                              nullptr, stmt.name);
  llvm::SMRange use = stmt.range;
  FieldReader r(ev, use);
  Instance *model = r.object(inputs, "model");
  Instance *system = r.object(inputs, "system");
  Instance *exe = r.object(inputs, "execution");
  if (!r.ok || !ev.validate(inputs, use))
    return Value::error();
  cost::Model m = toCostModel(r, model);
  cost::System s = toCostSystem(r, system);
  cost::Execution x = toCostExecution(r, exe);
  if (!r.ok)
    return Value::error();
  cost::EvalStatus status = cost::checkSystem(s);
  cost::Workspace ws;
  cost::Stats stats;
  if (status.ok())
    status = cost::evaluateTraining(m, s, x, ws, stats);
  if (!status.ok()) {
    reportRejection(stmt, ev, status, system, model, exe);
    return Value::error();
  }
  // Statistics Calculon computes with integers only stay integers.
  cost::StatTypes types;
  cost::statTypes(m, s, x, ws, types);
  const Schema *rs = stmt.resultSchema;
  std::vector<Value> values(rs->fields.size());
  trainingResultValues(rs, stats, &types, values);
  Instance *record = ev.makeRecord(rs, stmt.name, std::move(values));
  record->inputs = inputs;
  return Value::makeObject(record);
}

void eval::trainingResultValues(const Schema *rs, const cost::Stats &stats,
                                const cost::StatTypes *types,
                                llvm::MutableArrayRef<Value> values) {
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    cost::Stat st = cost::Stat(i);
    int slot = rs->lookup(cost::statKey(st));
    if (slot < 0 || unsigned(slot) >= values.size())
      continue;
    double v = stats[st];
    Dimension dim = rs->fields[slot].type.dim;
    if (st == cost::Stat::ActCheckpointSizeWithOffload &&
        stats.checkpointWithOffloadIsNull)
      v = 0;
    auto exact = types && types->isInt[i] ? exactInt(v) : llvm::None;
    values[slot] = exact ? Value::integer(*exact, dim) : Value::real(v, dim);
    // A count unit (`sample/s`) is how the stat reads; base units (`B`, `s`)
    // are left to the automatic display (GiB, ms…).
    const Unit &declared = rs->fields[slot].unit;
    if (declared.scale == 1 && declared.text != baseUnitFor(dim).text)
      values[slot].unit = declared;
  }
}
