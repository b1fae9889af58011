//===- ResultDump.h - `--emit=result`: every value of the main file -------===//
//
// The evaluation stage dump (docs/architecture.md, Tests: every stage is
// testable): lets, entities with all their fields, and the results of
// `evaluate`.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_RESULTDUMP_H
#define CALC_EVAL_RESULTDUMP_H

#include "eval/Evaluator.h"
#include "ir/IR.h"

#include "llvm/Support/raw_ostream.h"

namespace calc::eval {

/// Writes the main file's lets, entities and evaluate results of \p module.
/// Returns false if evaluating them reported errors.
bool dumpResults(const ir::Module &module, Evaluator &evaluator,
                 llvm::raw_ostream &os);

} // namespace calc::eval

#endif
