//===- TokenChecks.cpp - Lexical errors and nesting depth, before parsing -===//
#include "frontend/TokenChecks.h"

#include "CalcLexer.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using calc::grammar::CalcLexer;

bool calc::opensNesting(size_t type) {
  return type == CalcLexer::LPAREN || type == CalcLexer::LBRACKET ||
         type == CalcLexer::LBRACE || type == CalcLexer::INTERP_OPEN;
}

bool calc::closesNesting(size_t type) {
  return type == CalcLexer::RPAREN || type == CalcLexer::RBRACKET ||
         type == CalcLexer::RBRACE;
}

namespace {

/// The message for an error token, or empty if \p token is fine.
std::string lexicalError(const antlr4::Token *token) {
  std::string text = token->getText();
  switch (token->getType()) {
  case CalcLexer::BAD_NUMBER:
    if (llvm::StringRef(text).endswith("_"))
      return "'" + text + "' is not a number: '_' may only separate digits";
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

/// Tokens that deepen the expression tree: operators, `.` and postfix
/// `(`/`[` (counted before the bracket opens its own level).
bool deepensExpression(size_t type) {
  switch (type) {
  case CalcLexer::PLUS: case CalcLexer::MINUS: case CalcLexer::STAR:
  case CalcLexer::SLASH: case CalcLexer::MOD: case CalcLexer::PERCENT:
  case CalcLexer::CARET: case CalcLexer::AND: case CalcLexer::OR:
  case CalcLexer::NOT: case CalcLexer::EQEQ: case CalcLexer::NEQ:
  case CalcLexer::LT: case CalcLexer::LE: case CalcLexer::GT: case CalcLexer::GE:
  case CalcLexer::DOTDOT: case CalcLexer::BY: case CalcLexer::AS:
  case CalcLexer::WITHIN: case CalcLexer::IF: case CalcLexer::DOT:
  case CalcLexer::LPAREN: case CalcLexer::LBRACKET:
    return true;
  default:
    return false;
  }
}

/// Tokens after which a new, unrelated expression starts.
bool separatesExpressions(size_t type) {
  switch (type) {
  case CalcLexer::COMMA: case CalcLexer::SEMI: case CalcLexer::ASSIGN:
  case CalcLexer::COLON: case CalcLexer::IN: case CalcLexer::LET:
  case CalcLexer::IMPORT: case CalcLexer::EVALUATE: case CalcLexer::SEARCH:
  case CalcLexer::OUTPUT: case CalcLexer::ASSERT: case CalcLexer::EXPECT:
  case CalcLexer::WHERE: case CalcLexer::KEEP: case CalcLexer::REQUIRE:
  case CalcLexer::MAXIMIZE: case CalcLexer::MINIMIZE:
    return true;
  default:
    return false;
  }
}

/// Bounds the depth of expression trees, which brackets alone do not: a
/// chain like `1+1+…+1` or `- - - 1` parses iteratively or shallowly but
/// yields a tree as deep as it is long, and every later phase recurses on
/// it. Operators are counted per bracket level since the last separator;
/// the sum over the open levels bounds the depth of the tree being built.
class ExpressionDepth {
public:
  /// Returns false when the limit is exceeded.
  bool step(size_t type, unsigned limit) {
    if (separatesExpressions(type)) {
      total -= levels.back();
      levels.back() = 0;
    }
    if (deepensExpression(type)) {
      ++levels.back();
      if (++total > limit)
        return false;
    }
    if (opensNesting(type))
      levels.push_back(0);
    else if (closesNesting(type) && levels.size() > 1) {
      total -= levels.back();
      levels.pop_back();
    }
    return true;
  }

private:
  std::vector<unsigned> levels{0};
  unsigned total = 0;
};

/// `µs` (micro sign or Greek mu, then a word): reported with the fix-it
/// `us`, and the token becomes that ID, so parsing sees what the user meant
/// and goes on to report the file's other errors.
void repairMicroWord(antlr4::Token *token, const SourceLocator &locator,
                     DiagnosticEngine &diags) {
  std::string text = token->getText();
  // Both signs are two bytes in UTF-8.
  std::string fixed = "u" + text.substr(2);
  llvm::SMRange range = locator.range(token);
  diags.error(range.Start,
              "'" + text + "' uses a micro sign; write '" + fixed +
                  "' (micro is 'u')",
              {range}, FixIt{range, fixed});
  if (auto *writable = dynamic_cast<antlr4::WritableToken *>(token)) {
    writable->setType(CalcLexer::ID);
    writable->setText(fixed);
  }
}

} // namespace

TokenCheck calc::checkTokens(const std::vector<antlr4::Token *> &tokens,
                             const SourceLocator &locator,
                             DiagnosticEngine &diags, unsigned maxNesting,
                             unsigned maxExpressionDepth) {
  bool ok = true, repaired = false;
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
  ExpressionDepth expressionDepth;
  for (antlr4::Token *token : tokens) {
    if (token->getType() == CalcLexer::MICRO_WORD) {
      repairMicroWord(token, locator, diags);
      repaired = true;
    }
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
      return TokenCheck::Failed;
    }
    if (closesNesting(type) && depth > 0)
      --depth;
    if (!expressionDepth.step(type, maxExpressionDepth)) {
      diags.error(locator.start(token),
                  "expression too deep (more than " +
                      std::to_string(maxExpressionDepth) +
                      " chained operators); split it with 'let'",
                  {locator.range(token)});
      return TokenCheck::Failed;
    }
  }
  // The end of file inside a string: the lexer is still in string mode.
  if (!openStrings.empty())
    report(openStrings.back(), "unterminated string");
  if (!ok)
    return TokenCheck::Failed;
  return repaired ? TokenCheck::Recovered : TokenCheck::Clean;
}
