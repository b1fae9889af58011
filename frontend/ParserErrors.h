//===- ParserErrors.h - ANTLR syntax errors as clang-style diagnostics ----===//
//
// Replaces ANTLR's recovery with "report once, then bail": the first
// syntax error of a top-level item becomes one diagnostic ("expected X,
// found Y"), and parsing of that item stops (ParseCancellationException,
// caught by Parser.cpp, which resumes at the next declaration). That is how
// we get at most one error per declaration and no cascades.
// Internal to the parser files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_PARSERERRORS_H
#define CALC_FRONTEND_PARSERERRORS_H

#include "frontend/Diagnostics.h"
#include "frontend/SourceLocator.h"

#include "antlr4-runtime.h"

#include <string>

namespace calc {

/// The error strategy installed on the generated parser.
class SyntaxErrorStrategy : public antlr4::DefaultErrorStrategy {
public:
  SyntaxErrorStrategy(const SourceLocator &locator, DiagnosticEngine &diags)
      : locator(locator), diags(diags) {}

  void reportError(antlr4::Parser *parser,
                   const antlr4::RecognitionException &e) override;
  void recover(antlr4::Parser *parser, std::exception_ptr e) override;
  antlr4::Token *recoverInline(antlr4::Parser *parser) override;
  void sync(antlr4::Parser *parser) override;

private:
  /// The first error seen, before it is turned into a message.
  struct Found {
    antlr4::Token *offending = nullptr;
    antlr4::misc::IntervalSet expected;
    bool after = false; ///< Prediction failed inside a construct.
  };

  /// Reports \p error, or only records it in a re-parsing strategy.
  void found(antlr4::Parser *parser, Found error);
  void report(antlr4::Parser *parser, antlr4::Token *offending,
              const antlr4::misc::IntervalSet &expected);
  /// "unexpected 'd' after 'execution'", when prediction failed inside a
  /// construct and the expected set would describe its start instead.
  void reportAfter(antlr4::Parser *parser, antlr4::Token *offending);
  /// ANTLR's prediction backs out of a broken continuation (`a + (1 2)`,
  /// `f(1 2)`) to before its first token. Re-parses the continuation from
  /// \p token with a recording strategy to find the real error.
  bool reparse(antlr4::Parser *parser, antlr4::Token *token, Found &inner);

  const SourceLocator &locator;
  DiagnosticEngine &diags;
  bool recordOnly = false;
  Found first;
};

/// "expected a name or '}', found 'in'" for \p offending given the token
/// types the parser could accept.
std::string describeSyntaxError(const antlr4::dfa::Vocabulary &vocab,
                                const antlr4::Token *offending,
                                const antlr4::misc::IntervalSet &expected);

/// A token as shown in messages: `'}'`, `end of file`, `keyword 'in'`.
std::string describeToken(const antlr4::Token *token);

/// Reserved keywords that begin a top-level statement (`import`, `let`,
/// `evaluate`, `search`, `output`, `assert`, `expect`).
bool startsStatement(size_t tokenType);

/// The keyword of \p keywords that \p word is a typo of (edit distance as
/// for names, or two swapped neighbours: `evaulate`, `modle`), if any.
llvm::Optional<llvm::StringRef>
misspeltKeyword(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> keywords);

/// The words that begin a top-level item: declarations and statements.
llvm::ArrayRef<llvm::StringRef> itemKeywords();

} // namespace calc

#endif
