//===- Parser.cpp - Source text to AST, behind a wall that never throws ---===//
//
// Owns every ANTLR object. The order is: validate UTF-8 (ANTLR would throw
// std::range_error without a location), lex everything, report lexical
// errors and nesting depth (TokenChecks; a repaired token such as `µs` read
// as `us` lets the file go on to parsing and Sema, so its other errors are
// reported too), then parse one top-level item at a
// time with the bail-out strategy (ParserErrors): after a syntax error,
// skip to the next line that starts a declaration and carry on, so each
// broken declaration costs exactly one diagnostic.
//
//===----------------------------------------------------------------------===//
#include "frontend/Parser.h"

#include "frontend/ASTBuilder.h"
#include "frontend/ParserErrors.h"
#include "frontend/SourceLocator.h"
#include "frontend/TokenChecks.h"
#include "frontend/TokenDump.h"

#include "CalcLexer.h"
#include "CalcParser.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace calc;
using grammar::CalcLexer;
using grammar::CalcParser;

namespace {

/// The ANTLR pipeline for one buffer. Members are declared in dependency
/// order: the parse tree must not outlive the parser and the token stream.
struct Session {
  Session(llvm::StringRef text, DiagnosticEngine &diags)
      : input(text.data(), text.size()), lexer(&input), tokens(&lexer),
        parser(&tokens), locator(text),
        strategy(std::make_shared<SyntaxErrorStrategy>(locator, diags)) {
    lexer.removeErrorListeners();
    parser.removeErrorListeners();
    parser.setErrorHandler(strategy);
  }

  antlr4::ANTLRInputStream input;
  CalcLexer lexer;
  antlr4::CommonTokenStream tokens;
  CalcParser parser;
  SourceLocator locator;
  std::shared_ptr<SyntaxErrorStrategy> strategy;
};

/// The text of a buffer without a UTF-8 byte order mark.
llvm::StringRef bufferText(DiagnosticEngine &diags, unsigned bufferId) {
  llvm::StringRef text = diags.getSourceMgr().getMemoryBuffer(bufferId)->getBuffer();
  if (text.startswith("\xEF\xBB\xBF"))
    text = text.drop_front(3);
  return text;
}

/// Reports the first invalid UTF-8 sequence of \p text, if any.
bool checkUtf8(llvm::StringRef text, DiagnosticEngine &diags) {
  const auto *bytes = reinterpret_cast<const llvm::UTF8 *>(text.data());
  size_t size = text.size();
  for (size_t i = 0; i < size;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    unsigned length = llvm::getNumBytesForUTF8(bytes[i]);
    if (i + length <= size && llvm::isLegalUTF8Sequence(bytes + i, bytes + i + length)) {
      i += length;
      continue;
    }
    llvm::SMLoc loc = llvm::SMLoc::getFromPointer(text.data() + i);
    std::string message;
    llvm::raw_string_ostream os(message);
    os << "invalid UTF-8 in source file (byte " << llvm::format_hex(bytes[i], 4)
       << ")";
    diags.error(loc, os.str(), {llvm::SMRange(loc, llvm::SMLoc::getFromPointer(
                                                       text.data() + i + 1))});
    return false;
  }
  return true;
}

/// Tokens that begin a top-level item; a syntax error resumes at the next
/// one that starts a line.
bool startsItem(size_t type) {
  switch (type) {
  case CalcLexer::SCHEMA:
  case CalcLexer::MODEL:
  case CalcLexer::SYSTEM:
  case CalcLexer::EXECUTION:
  case CalcLexer::SERVING:
    return true;
  default:
    return startsStatement(type);
  }
}

size_t resyncIndex(antlr4::CommonTokenStream &tokens, size_t itemStart) {
  for (size_t i = itemStart + 1; i < tokens.size(); ++i) {
    antlr4::Token *token = tokens.get(i);
    if (token->getType() == antlr4::Token::EOF)
      return i;
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL ||
        token->getCharPositionInLine() != 0)
      continue;
    // A misspelt keyword starts an item too, so that its own error (with a
    // did-you-mean) is reported rather than skipped.
    if (startsItem(token->getType()) ||
        (token->getType() == CalcLexer::ID &&
         misspeltKeyword(token->getText(), itemKeywords())))
      return i;
  }
  return tokens.size() - 1;
}

/// Lexes \p text and runs the token checks. Returns false on errors that
/// stop before parsing; repaired tokens (TokenCheck::Recovered) let it go
/// on, the errors already counted.
bool lexAndCheck(Session &session, DiagnosticEngine &diags) {
  session.tokens.fill();
  return checkTokens(session.tokens.getTokens(), session.locator, diags,
                     Parser::maxNesting,
                     Parser::maxExpressionDepth) != TokenCheck::Failed;
}

/// Parses every item of the session into \p file.
bool parseItems(Session &session, DiagnosticEngine &diags, ast::File &file) {
  ASTBuilder builder(session.locator, session.tokens, diags);
  bool ok = true;
  while (session.tokens.LA(1) != antlr4::Token::EOF) {
    size_t itemStart = session.tokens.index();
    try {
      ok &= builder.buildItem(session.parser.item(), file);
    } catch (antlr4::ParseCancellationException &) {
      ok = false;
      session.tokens.seek(resyncIndex(session.tokens, itemStart));
      session.strategy->reset(&session.parser);
    }
  }
  return ok;
}

void internalError(DiagnosticEngine &diags, unsigned bufferId, const char *what) {
  llvm::StringRef text = bufferText(diags, bufferId);
  diags.error(llvm::SMLoc::getFromPointer(text.data()),
              llvm::Twine("internal parser error: ") + what);
}

} // namespace

std::unique_ptr<ast::File> Parser::parseFile(unsigned bufferId) {
  llvm::StringRef text = bufferText(diags, bufferId);
  if (!checkUtf8(text, diags))
    return nullptr;
  auto file = std::make_unique<ast::File>();
  file->bufferId = bufferId;
  file->path = diags.getSourceMgr().getMemoryBuffer(bufferId)->getBufferIdentifier().str();
  try {
    Session session(text, diags);
    if (!lexAndCheck(session, diags))
      return nullptr;
    if (!parseItems(session, diags, *file))
      return nullptr;
  } catch (std::exception &e) {
    internalError(diags, bufferId, e.what());
    return nullptr;
  } catch (...) {
    internalError(diags, bufferId, "unknown exception");
    return nullptr;
  }
  return file;
}

ast::ExprPtr Parser::parseExpression(unsigned bufferId) {
  llvm::StringRef text = bufferText(diags, bufferId);
  if (!checkUtf8(text, diags))
    return nullptr;
  try {
    Session session(text, diags);
    if (!lexAndCheck(session, diags))
      return nullptr;
    ASTBuilder builder(session.locator, session.tokens, diags);
    return builder.buildExprEntry(session.parser.exprEntry());
  } catch (antlr4::ParseCancellationException &) {
    return nullptr;
  } catch (std::exception &e) {
    internalError(diags, bufferId, e.what());
  } catch (...) {
    internalError(diags, bufferId, "unknown exception");
  }
  return nullptr;
}

bool Parser::dumpTokens(unsigned bufferId, llvm::raw_ostream &os) {
  llvm::StringRef text = bufferText(diags, bufferId);
  if (!checkUtf8(text, diags))
    return false;
  try {
    Session session(text, diags);
    if (!lexAndCheck(session, diags))
      return false;
    dumpTokenList(session.tokens.getTokens(), session.lexer.getVocabulary(), os);
    return true;
  } catch (std::exception &e) {
    internalError(diags, bufferId, e.what());
  } catch (...) {
    internalError(diags, bufferId, "unknown exception");
  }
  return false;
}
