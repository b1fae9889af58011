//===- UnitTable.h - The unit words, in table order (internal to ir/) -----===//
//
// Shared by unit parsing, suggestions and display-unit choice. The order is
// docs/language-reference.md §3's and is the tie-break order of suggestions.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_UNITTABLE_H
#define CALC_IR_UNITTABLE_H

#include "ir/Dimension.h"
#include "ir/ExactScale.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::ir {

/// One unit word of the closed table.
struct UnitWord {
  std::string word;
  Dimension dim;
  double scale; ///< SI base units per unit.
  ExactScale exact; ///< The same, exactly.
};

/// Every unit word, in table order.
llvm::ArrayRef<UnitWord> unitTable();

/// The table entry spelled exactly \p word, or nullptr.
const UnitWord *findUnitWord(llvm::StringRef word);

/// A metric prefix: spelling and factor.
struct UnitPrefix {
  llvm::StringLiteral text;
  ExactScale factor;
};

/// k M G T P E (powers of 1000) and Ki Mi Gi Ti Pi Ei (powers of 1024).
llvm::ArrayRef<UnitPrefix> siPrefixes();
llvm::ArrayRef<UnitPrefix> iecPrefixes();

} // namespace calc::ir

#endif
