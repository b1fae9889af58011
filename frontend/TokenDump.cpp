//===- TokenDump.cpp - The `--emit=tokens` listing ------------------------===//
#include "frontend/TokenDump.h"

#include "CalcLexer.h"

#include "llvm/Support/raw_ostream.h"

using namespace calc;
using calc::grammar::CalcLexer;

/// Writes \p text quoted, with control characters escaped so every token
/// stays on one line.
static void writeQuoted(llvm::StringRef text, llvm::raw_ostream &os) {
  os << '\'';
  for (char c : text) {
    if (c == '\n')
      os << "\\n";
    else if (c == '\r')
      os << "\\r";
    else if (c == '\t')
      os << "\\t";
    else if (c == '\'')
      os << "\\'";
    else
      os << c;
  }
  os << '\'';
}

void calc::dumpTokenList(const std::vector<antlr4::Token *> &tokens,
                         const antlr4::dfa::Vocabulary &vocabulary,
                         llvm::raw_ostream &os) {
  for (const antlr4::Token *token : tokens) {
    size_t type = token->getType();
    if (type == CalcLexer::WS || type == CalcLexer::LINE_COMMENT ||
        type == CalcLexer::BLOCK_COMMENT)
      continue;
    os << token->getLine() << ':' << token->getCharPositionInLine() + 1 << ' ';
    if (type == antlr4::Token::EOF) {
      os << "EOF\n";
      continue;
    }
    os << vocabulary.getSymbolicName(type) << ' ';
    writeQuoted(token->getText(), os);
    os << '\n';
  }
}
