//===- SplitInput.cpp - Split a buffer on `// -----` lines ----------------===//
//
// Each chunk is padded with one newline per line that precedes it, so line
// numbers (and therefore diagnostics and `@N` directives) refer to the
// original file. Columns are unaffected: chunks start at a line start.
//
//===----------------------------------------------------------------------===//
#include "frontend/SplitInput.h"

#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace calc {

/// Whether \p line (without its newline) is a separator.
static bool isSplitMarker(StringRef line) { return line.trim() == splitMarker; }

std::vector<std::unique_ptr<MemoryBuffer>>
splitInputFile(const MemoryBuffer &buffer) {
  StringRef text = buffer.getBuffer();
  std::vector<std::unique_ptr<MemoryBuffer>> chunks;
  unsigned chunkFirstLine = 0; // 0-based line where the current chunk starts.
  size_t chunkStart = 0;
  unsigned lineNo = 0;
  auto finishChunk = [&](size_t end) {
    std::string contents(chunkFirstLine, '\n');
    contents += text.slice(chunkStart, end).str();
    chunks.push_back(
        MemoryBuffer::getMemBufferCopy(contents, buffer.getBufferIdentifier()));
  };
  for (size_t pos = 0; pos < text.size(); ++lineNo) {
    size_t newline = text.find('\n', pos);
    size_t lineEnd = newline == StringRef::npos ? text.size() : newline;
    size_t next = newline == StringRef::npos ? text.size() : newline + 1;
    if (isSplitMarker(text.slice(pos, lineEnd))) {
      finishChunk(pos);
      chunkStart = next;
      // The marker line itself stays as an empty line of the next chunk's
      // padding, so the first line after it keeps its number.
      chunkFirstLine = lineNo + 1;
    }
    pos = next;
  }
  finishChunk(text.size());
  return chunks;
}

bool processSplitInput(
    std::unique_ptr<MemoryBuffer> buffer, bool split,
    function_ref<bool(std::unique_ptr<MemoryBuffer>)> processChunk) {
  if (!split)
    return processChunk(std::move(buffer));
  bool ok = true;
  for (auto &chunk : splitInputFile(*buffer))
    ok &= processChunk(std::move(chunk));
  return ok;
}

} // namespace calc
