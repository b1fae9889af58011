//===- TokenDump.h - The `--emit=tokens` listing --------------------------===//
//
// One token per line, `line:col KIND 'text'` with 1-based columns; doc
// comments are listed (they are kept), whitespace and other comments are
// not. Stable across runs, for lit tests. Internal to the parser files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_TOKENDUMP_H
#define CALC_FRONTEND_TOKENDUMP_H

#include "antlr4-runtime.h"

#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace calc {

/// Writes \p tokens (from the CalcLexer) to \p os.
void dumpTokenList(const std::vector<antlr4::Token *> &tokens,
                   const antlr4::dfa::Vocabulary &vocabulary, llvm::raw_ostream &os);

} // namespace calc

#endif
