//===- TokenChecks.h - Lexical errors and nesting depth, before parsing ---===//
//
// The lexer never fails: what it cannot match becomes an error token. This pass
// turns those tokens into clear diagnostics and enforces the nesting limit of
// docs/language-reference.md §2 on the flat token stream, so the recursive
// descent parser never sees input deep enough to overflow the stack. Internal
// to the parser files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_TOKENCHECKS_H
#define CALC_FRONTEND_TOKENCHECKS_H

#include "frontend/Diagnostics.h"
#include "frontend/SourceLocator.h"

#include "antlr4-runtime.h"

#include <vector>

namespace calc {

/// Whether a token of type \p type opens a nesting level (`(` `[` `{`
/// `${`), or closes one (`)` `]` `}`).
bool opensNesting(size_t type);
bool closesNesting(size_t type);

/// What checkTokens found.
enum class TokenCheck {
  Clean,     ///< Nothing reported.
  Recovered, ///< Only errors whose tokens were repaired (a micro sign for
             ///< `u`, with a fix-it): parsing and checking may go on, so
             ///< the file's other errors are reported too.
  Failed,    ///< Errors that stop before parsing.
};

/// Reports every lexical error of \p tokens (all channels, in order; at most
/// one per line), the first place bracket nesting exceeds \p maxNesting and
/// the first expression chaining more than \p maxExpressionDepth operators
/// (a bound on tree depth, so no later phase can overflow the stack).
/// Repairs the tokens it can (MICRO_WORD becomes the ID its fix-it spells).
TokenCheck checkTokens(const std::vector<antlr4::Token *> &tokens,
                       const SourceLocator &locator, DiagnosticEngine &diags,
                       unsigned maxNesting, unsigned maxExpressionDepth);

} // namespace calc

#endif
