//===- Names.cpp - What may name an entity --------------------------------===//
#include "frontend/Names.h"

#include "CalcLexer.h"

#include "llvm/ADT/StringExtras.h"

using namespace calc;
using calc::grammar::CalcLexer;

bool calc::isValidName(llvm::StringRef word) {
  if (word.empty() || !(llvm::isAlpha(word[0]) || word[0] == '_'))
    return false;
  for (char c : word)
    if (!(llvm::isAlnum(c) || c == '_'))
      return false;
  // One word of identifier characters is one token: an identifier, a
  // contextual keyword (usable as a name) or a reserved one (AND..WITHIN).
  antlr4::ANTLRInputStream input(word.str());
  CalcLexer lexer(&input);
  lexer.removeErrorListeners();
  size_t type = lexer.nextToken()->getType();
  return !(type >= CalcLexer::AND && type <= CalcLexer::WITHIN);
}

std::string calc::nameFromText(llvm::StringRef text, llvm::StringRef prefix) {
  std::string name;
  for (char c : text)
    name += llvm::isAlnum(c) ? llvm::toLower(c) : '_';
  if (!isValidName(name))
    name = prefix.str() + "_" + name;
  return name;
}
