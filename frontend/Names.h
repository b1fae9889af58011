//===- Names.h - What may name an entity ----------------------------------===//
//
// Tools that write `.calc` (calcc convert) make names out of file names;
// they must be names the lexer reads as one identifier and not a reserved
// word. Kept apart from the parser so that callers need not see ANTLR.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_NAMES_H
#define CALC_FRONTEND_NAMES_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc {

/// Whether \p word is one identifier token that is not a reserved keyword.
bool isValidName(llvm::StringRef word);

/// A valid name made from \p text: lower case, every other character '_',
/// prefixed with \p prefix and '_' when it would start with a digit or be
/// a reserved word ("megatron-1T" -> "megatron_1t", "3072_t4" ->
/// "execution_3072_t4").
std::string nameFromText(llvm::StringRef text, llvm::StringRef prefix);

} // namespace calc

#endif
