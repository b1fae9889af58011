//===- SourceLocator.cpp - ANTLR token positions to llvm::SMLoc -----------===//
#include "frontend/SourceLocator.h"

using namespace calc;

SourceLocator::SourceLocator(llvm::StringRef text) : text(text) {
  bool ascii = true;
  for (unsigned char c : text)
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  if (ascii)
    return;
  // Continuation bytes (10xxxxxx) do not start a code point.
  for (size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      byteOffsets.push_back(static_cast<uint32_t>(i));
  byteOffsets.push_back(static_cast<uint32_t>(text.size()));
}

llvm::SMLoc SourceLocator::at(size_t index) const {
  size_t offset = index;
  if (!byteOffsets.empty())
    offset = index < byteOffsets.size() ? byteOffsets[index] : text.size();
  if (offset > text.size())
    offset = text.size();
  return llvm::SMLoc::getFromPointer(text.data() + offset);
}

llvm::SMLoc SourceLocator::start(const antlr4::Token *token) const {
  return at(token->getStartIndex());
}

llvm::SMLoc SourceLocator::end(const antlr4::Token *token) const {
  // EOF tokens have stop < start; they are empty at the end of the text.
  if (token->getType() == antlr4::Token::EOF ||
      token->getStopIndex() < token->getStartIndex())
    return at(token->getStartIndex());
  return at(token->getStopIndex() + 1);
}

llvm::SMRange SourceLocator::range(const antlr4::Token *token) const {
  return {start(token), end(token)};
}

llvm::SMRange SourceLocator::range(const antlr4::Token *first,
                                   const antlr4::Token *last) const {
  if (!last || last->getTokenIndex() < first->getTokenIndex())
    return range(first);
  return {start(first), end(last)};
}

llvm::SMRange SourceLocator::range(antlr4::ParserRuleContext *ctx) const {
  return range(ctx->getStart(), ctx->getStop());
}
