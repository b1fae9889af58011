//===- LineMap.cpp - Lines an edit left alone, old version <-> new --------===//
#include "lsp/LineMap.h"

#include <algorithm>

using namespace calc;
using namespace calc::lsp;

static std::vector<size_t> lineStarts(llvm::StringRef text) {
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n')
      starts.push_back(i + 1);
  return starts;
}

/// Line \p i of \p text (without its newline).
static llvm::StringRef lineAt(llvm::StringRef text,
                              const std::vector<size_t> &starts, unsigned i) {
  size_t end = i + 1 < starts.size() ? starts[i + 1] - 1 : text.size();
  return text.slice(starts[i], end);
}

LineMap::LineMap(llvm::StringRef oldText, llvm::StringRef newText)
    : oldStarts(lineStarts(oldText)), newStarts(lineStarts(newText)) {
  unsigned oldCount = unsigned(oldStarts.size());
  unsigned newCount = unsigned(newStarts.size());
  unsigned shorter = std::min(oldCount, newCount);
  while (prefix < shorter && lineAt(oldText, oldStarts, prefix) ==
                                 lineAt(newText, newStarts, prefix))
    ++prefix;
  while (prefix + suffix < shorter &&
         lineAt(oldText, oldStarts, oldCount - 1 - suffix) ==
             lineAt(newText, newStarts, newCount - 1 - suffix))
    ++suffix;
}

llvm::Optional<size_t> LineMap::toOld(size_t newOffset) const {
  // The line holding the offset: the last start at or before it.
  auto next = std::upper_bound(newStarts.begin(), newStarts.end(), newOffset);
  unsigned line = unsigned(next - newStarts.begin()) - 1;
  size_t column = newOffset - newStarts[line];
  unsigned newCount = unsigned(newStarts.size());
  unsigned oldCount = unsigned(oldStarts.size());
  if (line < prefix)
    return oldStarts[line] + column;
  if (line >= newCount - suffix)
    return oldStarts[line - newCount + oldCount] + column;
  return llvm::None;
}

llvm::Optional<unsigned> LineMap::lineToNew(unsigned oldLine) const {
  unsigned newCount = unsigned(newStarts.size());
  unsigned oldCount = unsigned(oldStarts.size());
  if (oldLine < prefix)
    return oldLine;
  if (oldLine < oldCount && oldLine >= oldCount - suffix)
    return oldLine - oldCount + newCount;
  return llvm::None;
}

bool LineMap::rangeToNew(llvm::json::Object &range) const {
  llvm::json::Object *start = range.getObject("start");
  llvm::json::Object *end = range.getObject("end");
  llvm::Optional<int64_t> startLine =
      start ? start->getInteger("line") : llvm::None;
  llvm::Optional<int64_t> endLine = end ? end->getInteger("line") : llvm::None;
  if (!startLine || !endLine || *startLine < 0 || *endLine < 0)
    return false;
  llvm::Optional<unsigned> newStart = lineToNew(unsigned(*startLine));
  llvm::Optional<unsigned> newEnd = lineToNew(unsigned(*endLine));
  // Both ends on one side of the edit, or the range would cover text
  // that changed.
  if (!newStart || !newEnd || *newEnd - *newStart != *endLine - *startLine)
    return false;
  (*start)["line"] = *newStart;
  (*end)["line"] = *newEnd;
  return true;
}
