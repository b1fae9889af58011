//===- Positions.cpp - LSP positions <-> SourceMgr locations --------------===//
#include "lsp/Positions.h"

#include "llvm/ADT/StringExtras.h"

using namespace calc;
using namespace calc::lsp;

llvm::json::Value lsp::toJSON(const Position &p) {
  return llvm::json::Object{{"line", p.line}, {"character", p.character}};
}

llvm::json::Value lsp::rangeJSON(const Position &start, const Position &end) {
  return llvm::json::Object{{"start", toJSON(start)}, {"end", toJSON(end)}};
}

/// The length in bytes of the UTF-8 sequence starting with \p lead (1 for a
/// stray continuation byte, so malformed text still advances).
static unsigned sequenceLength(unsigned char lead) {
  if (lead >= 0xF0)
    return 4;
  if (lead >= 0xE0)
    return 3;
  if (lead >= 0xC0)
    return 2;
  return 1;
}

Position lsp::positionOf(llvm::StringRef text, size_t offset) {
  offset = std::min(offset, text.size());
  Position p;
  size_t lineStart = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++p.line;
      lineStart = i + 1;
    }
  for (size_t i = lineStart; i < offset;) {
    unsigned n = sequenceLength(text[i]);
    p.character += n == 4 ? 2 : 1; // Outside the BMP: a surrogate pair.
    i += n;
  }
  return p;
}

size_t lsp::offsetOf(llvm::StringRef text, Position position) {
  size_t i = 0;
  for (unsigned line = 0; line < position.line; ++line) {
    size_t nl = text.find('\n', i);
    if (nl == llvm::StringRef::npos)
      return text.size();
    i = nl + 1;
  }
  unsigned units = 0;
  while (i < text.size() && text[i] != '\n' && text[i] != '\r' &&
         units < position.character) {
    unsigned n = sequenceLength(text[i]);
    units += n == 4 ? 2 : 1;
    i = std::min(text.size(), i + n);
  }
  return i;
}

unsigned lsp::bufferOf(const llvm::SourceMgr &sourceMgr, llvm::SMLoc loc) {
  return loc.isValid() ? sourceMgr.FindBufferContainingLoc(loc) : 0;
}

llvm::json::Value lsp::rangeJSON(const llvm::SourceMgr &sourceMgr,
                                 unsigned bufferId, llvm::SMRange range) {
  llvm::StringRef text = sourceMgr.getMemoryBuffer(bufferId)->getBuffer();
  auto offset = [&](llvm::SMLoc loc) -> size_t {
    if (!loc.isValid() || loc.getPointer() < text.begin() ||
        loc.getPointer() > text.end())
      return 0;
    return loc.getPointer() - text.begin();
  };
  size_t start = offset(range.Start);
  size_t end = range.End.isValid() ? offset(range.End) : start;
  return rangeJSON(positionOf(text, start),
                   positionOf(text, std::max(start, end)));
}

std::string lsp::uriToPath(llvm::StringRef uri) {
  if (!uri.consume_front("file://"))
    return "";
  // `file://host/path` names a remote host; only local files are served.
  if (!uri.startswith("/"))
    return "";
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    unsigned value;
    if (uri[i] == '%' && i + 2 < uri.size() &&
        !uri.substr(i + 1, 2).getAsInteger(16, value)) {
      path.push_back(char(value));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  return path;
}

std::string lsp::pathToURI(llvm::StringRef path) {
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (llvm::isAlnum(c) || llvm::StringRef("/-._~!$&'()*+,;=:@").contains(c))
      uri.push_back(char(c));
    else {
      uri.push_back('%');
      uri.push_back(llvm::hexdigit(c >> 4));
      uri.push_back(llvm::hexdigit(c & 15));
    }
  }
  return uri;
}
