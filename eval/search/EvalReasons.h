//===- EvalReasons.h - Calculon checks as search rejection reasons --------===//
//
// The Calculon searches count rejected candidates by cost::EvalError (the
// failed check of calculon-model.md §2.4); this names each check briefly for
// the per-reason summary and for "nothing fits" errors.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_EVALREASONS_H
#define CALC_EVAL_SEARCH_EVALREASONS_H

#include "eval/cost/EvalStatus.h"

#include "llvm/ADT/StringRef.h"

namespace calc::search {

/// Number of cost::EvalError values (None included, never counted).
constexpr unsigned NumEvalErrors = unsigned(cost::LastEvalError) + 1;

/// A short lowercase name of the check, e.g. "mem1 capacity".
llvm::StringRef evalErrorName(cost::EvalError e);

} // namespace calc::search

#endif
