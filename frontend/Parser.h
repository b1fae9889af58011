//===- Parser.h - Source text to AST, behind a wall that never throws -----===//
//
// The only entry point into ANTLR (cel-cpp style): callers hand in a buffer
// of the SourceMgr and get an AST or diagnostics, never an exception. Every
// syntax problem is reported as a clang-style error: invalid UTF-8, lexical
// errors, nesting deeper than 256 (checked on the tokens, before the
// recursive-descent parser could exhaust the stack), then at most one
// syntax error per top-level declaration (docs/language-reference.md §2, §8).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_PARSER_H
#define CALC_FRONTEND_PARSER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include "llvm/Support/raw_ostream.h"

#include <memory>

namespace calc {

/// Parses buffers of one SourceMgr, reporting to one DiagnosticEngine.
class Parser {
public:
  explicit Parser(DiagnosticEngine &diags) : diags(diags) {}

  /// Parses a whole file. Returns null if any error was reported (the
  /// declarations that did parse are not handed on: no cascades into Sema),
  /// except lexical errors repaired with a fix-it (`µs` read as `us`): the
  /// AST is then the fixed program, so later phases report the file's other
  /// errors, and Compilation::lower fails because errors were reported.
  std::unique_ptr<ast::File> parseFile(unsigned bufferId);

  /// Parses a buffer holding exactly one expression (`-D path=EXPR`).
  /// Returns null after reporting an error.
  ast::ExprPtr parseExpression(unsigned bufferId);

  /// Writes the token stream of a buffer (`--emit=tokens`): one token per
  /// line, `line:col KIND 'text'`, doc comments included, other comments and
  /// whitespace left out. Returns false if lexical errors were reported.
  bool dumpTokens(unsigned bufferId, llvm::raw_ostream &os);

  /// The deepest nesting of ( [ { and ${ accepted (docs/language-reference.md
  /// §2).
  static constexpr unsigned maxNesting = 256;
  /// The most operators (including `.`, postfix `(` and `[`) an expression
  /// may chain across its open brackets: bounds the depth of the AST.
  static constexpr unsigned maxExpressionDepth = 1024;

private:
  DiagnosticEngine &diags;
};

} // namespace calc

#endif
