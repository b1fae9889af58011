//===- LineMap.h - Lines an edit left alone, old version <-> new ----------===//
//
// While a document does not parse, hover and go to definition answer from
// the newest earlier version that did (Server.h). That is only right where
// the edit left the text alone: this map pairs the lines both versions
// share before the first changed line and after the last one, and says
// "unknown" for everything between. Shared lines are byte-identical, so a
// column is the same in both versions; only line numbers shift.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_LINEMAP_H
#define CALC_LSP_LINEMAP_H

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <vector>

namespace calc::lsp {

class LineMap {
public:
  LineMap(llvm::StringRef oldText, llvm::StringRef newText);

  /// The byte offset in the old text of byte \p newOffset of the new text,
  /// or None if its line was changed.
  llvm::Optional<size_t> toOld(size_t newOffset) const;
  /// The new line number of old line \p oldLine, or None if it was changed.
  llvm::Optional<unsigned> lineToNew(unsigned oldLine) const;
  /// Rewrites an LSP range {start, end} of the old text to the new one;
  /// false (and \p range untouched) if either end lies on a changed line
  /// or the range spans the edit.
  bool rangeToNew(llvm::json::Object &range) const;

private:
  std::vector<size_t> oldStarts, newStarts; ///< Where each line begins.
  unsigned prefix = 0;                      ///< Lines equal from the start.
  unsigned suffix = 0; ///< Lines equal from the end (after the prefix).
};

} // namespace calc::lsp

#endif
