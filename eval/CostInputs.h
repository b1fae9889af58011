//===- CostInputs.h - Language entities -> cost library structs -----------===//
//
// The one conversion from evaluated `model`, `execution` and `system` entities
// (prelude schemas, docs/language-reference.md §4.1) to cost::Model, Execution
// and System in SI units. `evaluate r = training {…}` (TrainingAnalysis.cpp)
// and the `.calc` inputs of the Calculon commands (tools/driver/CalcInputs.cpp)
// both use it, so a plan costs the same whichever way it is given.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COSTINPUTS_H
#define CALC_EVAL_COSTINPUTS_H

#include "eval/FieldReader.h"
#include "eval/cost/Execution.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

namespace calc::eval {

/// The datatype spelled \p name ("float8", …; the prelude's enum values).
cost::DataType dataTypeNamed(llvm::StringRef name);

/// An int field's value (a real holding an integer is truncated).
int64_t intValue(const ir::Value &v);

/// Converts a model entity. Failed reads leave `r.ok` false (reported).
cost::Model toCostModel(FieldReader &r, Instance *model);

/// Converts an execution entity.
cost::Execution toCostExecution(FieldReader &r, Instance *exe);

/// One field of the execution conversion: its name and its table entry
/// (eval/cost/ExecutionFields.def).
struct ExecutionField {
  const char *name;
  const cost::ExecutionFieldInfo *info;
  /// Sets the cost::Execution member from the field's value.
  void set(cost::Execution &x, const ir::Value &v) const;
};

/// The fields toCostExecution reads, in its order.
llvm::ArrayRef<ExecutionField> executionFields();

/// Converts a system entity. Does not run cost::checkSystem.
cost::System toCostSystem(FieldReader &r, Instance *system);

} // namespace calc::eval

#endif
