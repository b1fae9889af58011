//===- SourceLocator.h - ANTLR token positions to llvm::SMLoc -------------===//
//
// ANTLR indexes characters by code point (it decodes UTF-8 to UTF-32) and
// counts columns from 0; diagnostics want byte pointers into the SourceMgr
// buffer. This maps one to the other. Internal to the parser files.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_SOURCELOCATOR_H
#define CALC_FRONTEND_SOURCELOCATOR_H

#include "antlr4-runtime.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <vector>

namespace calc {

/// Maps code-point indices of one buffer to locations in it.
class SourceLocator {
public:
  /// \p text must be valid UTF-8 and outlive the locator.
  explicit SourceLocator(llvm::StringRef text);

  /// The location of the code point at \p index (may be the end).
  llvm::SMLoc at(size_t index) const;
  llvm::SMLoc start(const antlr4::Token *token) const;
  /// One past the last character of \p token.
  llvm::SMLoc end(const antlr4::Token *token) const;
  llvm::SMRange range(const antlr4::Token *token) const;
  llvm::SMRange range(const antlr4::Token *first, const antlr4::Token *last) const;
  llvm::SMRange range(antlr4::ParserRuleContext *ctx) const;

private:
  llvm::StringRef text;
  /// Byte offset of each code point (plus the end); empty for ASCII text,
  /// where the two coincide.
  std::vector<uint32_t> byteOffsets;
};

} // namespace calc

#endif
