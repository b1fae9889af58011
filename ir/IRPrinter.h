//===- IRPrinter.h - `--emit=ir`: a deterministic text form of the IR -----===//
//
// Prints the main file's entities and lets and every statement, each
// expression as an s-expression annotated with its type, so lit tests can
// check name resolution (`field^1 hidden` = one scope out), dimensions and
// lowering. Prelude schemas are not printed (they are the same in every
// test); entities of imported files are printed only when referenced.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_IRPRINTER_H
#define CALC_IR_IRPRINTER_H

#include "ir/IR.h"

#include "llvm/Support/raw_ostream.h"

namespace calc::ir {

/// Writes the main file's declarations and statements of \p module.
void printModule(const Module &module, llvm::raw_ostream &os);

/// Writes one expression (no newline).
void printExpr(const Expr *expr, llvm::raw_ostream &os);

/// Checks structural invariants of \p module (slots in range, types set,
/// operand counts). Returns an empty string if it is well formed, else a
/// description of the first problem (an internal error).
std::string verifyModule(const Module &module);

} // namespace calc::ir

#endif
