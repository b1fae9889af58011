//===- EvalReasons.h - Calculon checks as search rejection reasons --------===//
//
// The searches count rejected candidates by cost::EvalError (the
// failed check of docs/calculon-model.md §2.4); this names each check briefly
// for the per-reason summary and for "nothing fits" errors.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_EVALREASONS_H
#define CALC_EVAL_COST_EVALREASONS_H

#include "eval/cost/EvalStatus.h"

#include "llvm/ADT/StringRef.h"

namespace calc::cost {

/// Number of cost::EvalError values (None included, never counted).
constexpr unsigned NumEvalErrors = unsigned(cost::EvalError::NumEvalErrors);

/// A short lowercase name of the check, e.g. "mem1 capacity".
llvm::StringRef evalErrorName(cost::EvalError e);

} // namespace calc::cost

#endif
