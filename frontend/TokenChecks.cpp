//===- TokenChecks.cpp - Lexical errors and nesting depth, before parsing -===//
#include "frontend/TokenChecks.h"

#include "CalcLexer.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using calc::grammar::CalcLexer;

namespace {

/// The message for an error token, or empty if \p token is fine.
std::string lexicalError(const antlr4::Token *token) {
  std::string text = token->getText();
  switch (token->getType()) {
  case CalcLexer::BAD_NUMBER:
    return "'" + text + "' is not a number: a '.' needs digits on both sides";
  case CalcLexer::BAD_ESCAPE:
    return text.size() < 2 ? "unterminated escape sequence at end of line"
                           : "unknown escape sequence '" + text +
                                 "' (use \\\" \\\\ \\n \\t or \\$)";
  case CalcLexer::UNTERMINATED_COMMENT:
    return "unterminated '/*' comment";
  case CalcLexer::BAD_CHAR: {
    unsigned char c = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    if (text.size() == 1 && c >= 0x20 && c < 0x7F)
      return "unexpected character '" + text + "'";
    std::string message;
    llvm::raw_string_ostream os(message);
    os << "unexpected character";
    if (text.size() == 1)
      os << " " << llvm::format_hex(c, 4);
    else
      os << " '" << text << "'";
    return os.str();
  }
  default:
    return {};
  }
}

bool opensNesting(size_t type) {
  return type == CalcLexer::LPAREN || type == CalcLexer::LBRACKET ||
         type == CalcLexer::LBRACE || type == CalcLexer::INTERP_OPEN;
}

bool closesNesting(size_t type) {
  return type == CalcLexer::RPAREN || type == CalcLexer::RBRACKET ||
         type == CalcLexer::RBRACE;
}

} // namespace

bool calc::checkTokens(const std::vector<antlr4::Token *> &tokens,
                       const SourceLocator &locator, DiagnosticEngine &diags,
                       unsigned maxNesting) {
  bool ok = true;
  size_t lastErrorLine = 0;
  auto report = [&](const antlr4::Token *at, const std::string &message) {
    ok = false;
    if (at->getLine() == lastErrorLine)
      return;
    lastErrorLine = at->getLine();
    diags.error(locator.start(at), message, {locator.range(at)});
  };

  // Open string quotes, innermost last (strings nest through `${`).
  std::vector<const antlr4::Token *> openStrings;
  unsigned depth = 0;
  for (const antlr4::Token *token : tokens) {
    size_t type = token->getType();
    std::string message = lexicalError(token);
    if (!message.empty())
      report(token, message);
    if (type == CalcLexer::STRING_OPEN)
      openStrings.push_back(token);
    else if (type == CalcLexer::STRING_CLOSE && !openStrings.empty())
      openStrings.pop_back();
    else if (type == CalcLexer::UNTERMINATED_STRING && !openStrings.empty()) {
      report(openStrings.back(), "unterminated string");
      openStrings.pop_back();
    }
    if (opensNesting(type) && ++depth > maxNesting) {
      diags.error(locator.start(token), "nesting too deep (the limit is " +
                                            std::to_string(maxNesting) +
                                            " levels of ( [ { and ${)",
                  {locator.range(token)});
      return false;
    }
    if (closesNesting(type) && depth > 0)
      --depth;
  }
  // The end of file inside a string: the lexer is still in string mode.
  if (!openStrings.empty())
    report(openStrings.back(), "unterminated string");
  return ok;
}
