//===- ASTDump.h - The `--emit=ast` tree printer --------------------------===//
//
// An indented, stable rendering of the AST (two spaces per level, one node
// per line, children in source order) for lit tests and debugging. Reals
// print in shortest round-trip form; doc comments are shown.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_ASTDUMP_H
#define CALC_FRONTEND_ASTDUMP_H

#include "frontend/AST.h"

#include "llvm/Support/raw_ostream.h"

namespace calc::ast {

/// Writes \p file: its imports, declarations, then statements.
void dump(const File &file, llvm::raw_ostream &os);

/// Writes one expression tree, starting at \p indent levels.
void dump(const Expr &expr, llvm::raw_ostream &os, unsigned indent = 0);

/// The spelling of an operator: "+", "mod", "and", "<=".
llvm::StringRef spelling(BinaryExpr::Op op);
llvm::StringRef spelling(UnaryExpr::Op op);

} // namespace calc::ast

#endif
