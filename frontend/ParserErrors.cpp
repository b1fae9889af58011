//===- ParserErrors.cpp - ANTLR syntax errors as clang-style diagnostics --===//
#include "frontend/ParserErrors.h"

#include "CalcLexer.h"
#include "CalcParser.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace calc;
using calc::grammar::CalcLexer;

namespace {

bool isNameToken(size_t type) {
  switch (type) {
  case CalcLexer::ID:
  case CalcLexer::MODEL:
  case CalcLexer::SYSTEM:
  case CalcLexer::EXECUTION:
  case CalcLexer::SERVING:
  case CalcLexer::SCHEMA:
  case CalcLexer::DERIVED:
  case CalcLexer::TABLE:
  case CalcLexer::CSV:
  case CalcLexer::JSON:
  case CalcLexer::PLOT:
  case CalcLexer::TO:
    return true;
  default:
    return false;
  }
}

/// Tokens that can begin an expression (collapsed to "an expression").
bool startsExpression(size_t type) {
  switch (type) {
  case CalcLexer::INT:
  case CalcLexer::REAL:
  case CalcLexer::LPAREN:
  case CalcLexer::LBRACKET:
  case CalcLexer::STRING_OPEN:
  case CalcLexer::TRUE:
  case CalcLexer::FALSE:
  case CalcLexer::SUPER:
  case CalcLexer::STEPS:
  case CalcLexer::MINUS:
  case CalcLexer::PLUS:
  case CalcLexer::NOT:
  case CalcLexer::IF:
    return true;
  default:
    return isNameToken(type);
  }
}

/// Tokens that can begin a block member (collapsed to "a member").
bool startsMember(size_t type) {
  switch (type) {
  case CalcLexer::REQUIRE:
  case CalcLexer::WHERE:
  case CalcLexer::MAXIMIZE:
  case CalcLexer::MINIMIZE:
  case CalcLexer::KEEP:
    return true;
  default:
    return isNameToken(type);
  }
}

/// Operators that need a right operand: an error right after one is
/// really a missing operand.
bool isBinaryOperator(size_t type) {
  switch (type) {
  case CalcLexer::PLUS:
  case CalcLexer::MINUS:
  case CalcLexer::STAR:
  case CalcLexer::SLASH:
  case CalcLexer::MOD:
  case CalcLexer::CARET:
  case CalcLexer::AND:
  case CalcLexer::OR:
  case CalcLexer::EQEQ:
  case CalcLexer::NEQ:
  case CalcLexer::LT:
  case CalcLexer::LE:
  case CalcLexer::GT:
  case CalcLexer::GE:
  case CalcLexer::DOTDOT:
  case CalcLexer::BY:
  case CalcLexer::WITHIN:
    return true;
  default:
    return false;
  }
}

bool isReservedKeyword(size_t type) {
  return type >= CalcLexer::AND && type <= CalcLexer::WITHIN;
}

std::string literalName(const antlr4::dfa::Vocabulary &vocab, size_t type) {
  std::string literal = vocab.getLiteralName(type);
  if (!literal.empty())
    return literal; // Already quoted: '}'.
  switch (type) {
  case CalcLexer::INT:
  case CalcLexer::REAL:
    return "a number";
  case CalcLexer::STRING_OPEN:
    return "a string";
  case antlr4::Token::EOF:
    return "end of file";
  default:
    return vocab.getDisplayName(type);
  }
}

std::string joinAlternatives(llvm::ArrayRef<std::string> items) {
  std::string result;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      result += i + 1 == items.size() ? " or " : ", ";
    result += items[i];
  }
  return result;
}

} // namespace

/// The keywords among \p expected (the words a typo may have meant).
static std::vector<llvm::StringRef>
expectedKeywords(const antlr4::dfa::Vocabulary &vocab,
                 const antlr4::misc::IntervalSet &expected,
                 std::vector<std::string> &storage) {
  for (ssize_t t : expected.toList()) {
    std::string literal = vocab.getLiteralName(static_cast<size_t>(t));
    if (literal.size() > 2 && llvm::isAlpha(literal[1]))
      storage.push_back(literal.substr(1, literal.size() - 2)); // 'x' -> x
  }
  return std::vector<llvm::StringRef>(storage.begin(), storage.end());
}

std::string calc::describeToken(const antlr4::Token *token) {
  size_t type = token->getType();
  if (type == antlr4::Token::EOF)
    return "end of file";
  if (type == CalcLexer::STRING_OPEN)
    return "a string";
  std::string text = token->getText();
  if (isReservedKeyword(type))
    return "keyword '" + text + "'";
  return "'" + text + "'";
}

std::string calc::describeSyntaxError(const antlr4::dfa::Vocabulary &vocab,
                                      const antlr4::Token *offending,
                                      const antlr4::misc::IntervalSet &expected) {
  std::vector<ssize_t> types = expected.toList();
  auto has = [&](size_t t) { return llvm::is_contained(types, ssize_t(t)); };
  std::string found = describeToken(offending);
  if (has(CalcLexer::IMPORT) && has(CalcLexer::EVALUATE))
    return "expected a declaration or a statement, found " + found;

  bool expression = has(CalcLexer::INT) && has(CalcLexer::LPAREN) && has(CalcLexer::ID);
  bool member = has(CalcLexer::WHERE) && has(CalcLexer::KEEP) && has(CalcLexer::ID);
  bool name = !expression && !member && has(CalcLexer::ID);
  llvm::SmallVector<std::string, 8> items;
  if (member)
    items.push_back("a member");
  if (expression)
    items.push_back("an expression");
  if (name)
    items.push_back("a name");
  bool sawNumber = false;
  for (ssize_t t : types) {
    size_t type = static_cast<size_t>(t);
    if ((member && startsMember(type)) || (expression && startsExpression(type)) ||
        (name && isNameToken(type)))
      continue;
    // ';' is always optional, so offering it is noise.
    if (type == CalcLexer::SEMI && types.size() > 1)
      continue;
    if (type == CalcLexer::INT || type == CalcLexer::REAL) {
      if (sawNumber)
        continue;
      sawNumber = true;
    }
    items.push_back(literalName(vocab, type));
  }
  std::string message;
  if (items.empty() || items.size() > 6)
    message = "unexpected " + found;
  else
    message = "expected " + joinAlternatives(items) + ", found " + found;
  return message;
}

/// The first default-channel token after \p index (or the last token).
static antlr4::Token *nextToken(antlr4::TokenStream *tokens, size_t index) {
  size_t next = index + 1;
  while (next + 1 < tokens->size() &&
         tokens->get(next)->getChannel() != antlr4::Token::DEFAULT_CHANNEL)
    ++next;
  return tokens->get(std::min(next, tokens->size() - 1));
}

void SyntaxErrorStrategy::found(antlr4::Parser *parser, Found error) {
  if (recordOnly) {
    if (!first.offending)
      first = std::move(error);
    return;
  }
  if (error.after)
    reportAfter(parser, error.offending);
  else
    report(parser, error.offending, error.expected);
}

bool SyntaxErrorStrategy::reparse(antlr4::Parser *parser, antlr4::Token *token,
                                  Found &inner) {
  antlr4::TokenStream *tokens = parser->getTokenStream();
  bool binary = isBinaryOperator(token->getType());
  grammar::CalcParser sub(tokens);
  sub.removeErrorListeners();
  auto recorder = std::make_shared<SyntaxErrorStrategy>(locator, diags);
  recorder->recordOnly = true;
  sub.setErrorHandler(recorder);
  // The caller abandons this item after reporting and re-seeks the stream.
  tokens->seek(binary ? nextToken(tokens, token->getTokenIndex())->getTokenIndex()
                      : token->getTokenIndex());
  try {
    if (binary)
      sub.expr();
    else
      sub.postfixOp();
  } catch (antlr4::ParseCancellationException &) {
  }
  if (!recorder->first.offending)
    return false;
  inner = std::move(recorder->first);
  return true;
}

/// Whether \p token starts `1/word`: a reciprocal unit written as in physics
/// (`x as 1/s`, `5 1/s`), where the language wants a count word.
static bool isReciprocalUnit(antlr4::TokenStream *tokens, antlr4::Token *token) {
  if (token->getType() != CalcLexer::INT || token->getText() != "1")
    return false;
  antlr4::Token *slash = nextToken(tokens, token->getTokenIndex());
  return slash->getType() == CalcLexer::SLASH &&
         nextToken(tokens, slash->getTokenIndex())->getType() == CalcLexer::ID;
}

void SyntaxErrorStrategy::report(antlr4::Parser *parser, antlr4::Token *offending,
                                 const antlr4::misc::IntervalSet &expected) {
  antlr4::TokenStream *tokens = parser->getTokenStream();
  size_t type = offending->getType();
  std::string message;
  std::string hint;
  bool continuation = isBinaryOperator(type) || type == CalcLexer::LPAREN ||
                      type == CalcLexer::LBRACKET;
  if (continuation && !expected.contains(type)) {
    antlr4::Token *operand = nextToken(tokens, offending->getTokenIndex());
    Found inner;
    bool refined = reparse(parser, offending, inner);
    // An error past the continuation's first token is the real one.
    if (refined && inner.offending->getTokenIndex() >
                       (isBinaryOperator(type) ? operand : offending)->getTokenIndex()) {
      found(parser, std::move(inner));
      return;
    }
    if (isBinaryOperator(type)) {
      message = "expected an expression after '" + offending->getText() +
                "', found " + describeToken(operand);
      if (operand->getType() == CalcLexer::IF)
        hint = "an 'if' used as an operand must be parenthesized";
      offending = operand;
    }
  }
  if (message.empty()) {
    message = describeSyntaxError(parser->getVocabulary(), offending, expected);
    type = offending->getType();
    if (startsStatement(type) && expected.contains(static_cast<size_t>(CalcLexer::RBRACE)))
      hint = "a '}' may be missing before it";
    else if (type == CalcLexer::COMMA &&
             expected.contains(static_cast<size_t>(CalcLexer::SEMI)))
      hint = "block members are separated by newlines or ';'";
    else if (isReservedKeyword(type) &&
             expected.contains(static_cast<size_t>(CalcLexer::ID)))
      hint = "'" + offending->getText() +
             "' is a reserved word and cannot be used as a name";
    else if (isReciprocalUnit(tokens, offending))
      hint = "a unit is unit words joined by '/'; a rate is written with a "
             "count word ('sample/s', 'tok/s', 'req/s')";
    else if (type == CalcLexer::ID) {
      // `evaulate r = …`: a misspelt keyword where one was expected.
      std::vector<std::string> storage;
      std::vector<llvm::StringRef> keywords =
          expectedKeywords(parser->getVocabulary(), expected, storage);
      if (auto best = misspeltKeyword(offending->getText(), keywords))
        hint = "did you mean '" + best->str() + "'?";
    }
  }
  llvm::SMRange range = locator.range(offending);
  // At the end of the file, point just after the last token, as clang does.
  if (offending->getType() == antlr4::Token::EOF) {
    for (size_t i = offending->getTokenIndex(); i-- > 0;) {
      antlr4::Token *last = tokens->get(i);
      if (last->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
        range = {locator.end(last), locator.end(last)};
        break;
      }
    }
  }
  DiagnosticBuilder diag = diags.error(range.Start, message, {range});
  if (!hint.empty())
    diag.note(range.Start, hint);
}

void SyntaxErrorStrategy::reportError(antlr4::Parser *parser,
                                      const antlr4::RecognitionException &e) {
  if (inErrorRecoveryMode(parser))
    return;
  beginErrorCondition(parser);
  antlr4::Token *offending = e.getOffendingToken();
  if (!offending)
    offending = parser->getCurrentToken();
  // A failed prediction reports where the ambiguity began; the token that
  // made every alternative fail is the more useful place to point at.
  auto *nva = dynamic_cast<const antlr4::NoViableAltException *>(&e);
  if (nva && nva->getStartToken() && offending == nva->getStartToken())
    offending = parser->getCurrentToken();
  // Prediction failed some tokens into the construct (`execution d` as a
  // member): the expected set is that of its start, so say what came before.
  bool after = nva && nva->getStartToken() &&
               offending->getTokenIndex() > nva->getStartToken()->getTokenIndex();
  found(parser, {offending, e.getExpectedTokens(), after});
}

void SyntaxErrorStrategy::reportAfter(antlr4::Parser *parser,
                                      antlr4::Token *offending) {
  antlr4::TokenStream *tokens = parser->getTokenStream();
  size_t index = offending->getTokenIndex();
  antlr4::Token *previous = nullptr;
  while (index-- > 0)
    if (tokens->get(index)->getChannel() == antlr4::Token::DEFAULT_CHANNEL) {
      previous = tokens->get(index);
      break;
    }
  std::string message = "unexpected " + describeToken(offending);
  if (previous)
    message += " after " + describeToken(previous);
  llvm::SMRange range = locator.range(offending);
  DiagnosticBuilder diag = diags.error(range.Start, message, {range});
  if (offending->getType() == CalcLexer::COLON)
    diag.note(range.Start, "fields are set with '='; ':' declares a field only in a schema");
}

void SyntaxErrorStrategy::recover(antlr4::Parser *, std::exception_ptr) {
  throw antlr4::ParseCancellationException("syntax error");
}

antlr4::Token *SyntaxErrorStrategy::recoverInline(antlr4::Parser *parser) {
  if (!inErrorRecoveryMode(parser)) {
    beginErrorCondition(parser);
    found(parser, {parser->getCurrentToken(), parser->getExpectedTokens()});
  }
  throw antlr4::ParseCancellationException("syntax error");
}

void SyntaxErrorStrategy::sync(antlr4::Parser *parser) {
  // DefaultErrorStrategy::sync notices a bad token at the start of a
  // subrule or loop and then recovers; we notice the same and bail.
  if (inErrorRecoveryMode(parser))
    return;
  antlr4::atn::ATNState *state =
      parser->getInterpreter<antlr4::atn::ATNSimulator>()->atn.states[parser->getState()];
  size_t la = parser->getTokenStream()->LA(1);
  antlr4::misc::IntervalSet next = parser->getATN().nextTokens(state);
  if (next.contains(antlr4::Token::EPSILON) || next.contains(la))
    return;
  switch (state->getStateType()) {
  case antlr4::atn::ATNState::BLOCK_START:
  case antlr4::atn::ATNState::STAR_BLOCK_START:
  case antlr4::atn::ATNState::PLUS_BLOCK_START:
  case antlr4::atn::ATNState::STAR_LOOP_ENTRY:
  case antlr4::atn::ATNState::PLUS_LOOP_BACK:
  case antlr4::atn::ATNState::STAR_LOOP_BACK:
    beginErrorCondition(parser);
    found(parser, {parser->getCurrentToken(), parser->getExpectedTokens()});
    throw antlr4::ParseCancellationException("syntax error");
  default:
    return;
  }
}

/// Whether \p word is \p keyword with two neighbouring letters swapped.
static bool isTransposition(llvm::StringRef word, llvm::StringRef keyword) {
  if (word.size() != keyword.size() || word == keyword)
    return false;
  size_t i = 0;
  while (word[i] == keyword[i])
    ++i;
  return i + 1 < word.size() && word[i] == keyword[i + 1] &&
         word[i + 1] == keyword[i] &&
         word.drop_front(i + 2) == keyword.drop_front(i + 2);
}

llvm::Optional<llvm::StringRef>
calc::misspeltKeyword(llvm::StringRef word,
                      llvm::ArrayRef<llvm::StringRef> keywords) {
  for (llvm::StringRef k : keywords)
    if (isTransposition(word, k))
      return k;
  return closestMatch(word, keywords);
}

llvm::ArrayRef<llvm::StringRef> calc::itemKeywords() {
  static const llvm::StringRef words[] = {
      "import", "let",    "model",  "system", "execution", "serving",
      "schema", "evaluate", "search", "output", "assert",   "expect"};
  return words;
}

bool calc::startsStatement(size_t type) {
  switch (type) {
  case CalcLexer::IMPORT:
  case CalcLexer::LET:
  case CalcLexer::EVALUATE:
  case CalcLexer::SEARCH:
  case CalcLexer::OUTPUT:
  case CalcLexer::ASSERT:
  case CalcLexer::EXPECT:
    return true;
  default:
    return false;
  }
}
