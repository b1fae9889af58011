//===- Positions.h - LSP positions <-> SourceMgr locations ----------------===//
//
// LSP positions are 0-based lines and UTF-16 code units within the line
// (the protocol's default encoding); llvm::SourceMgr locations are pointers
// into UTF-8 buffers. A character past the end of its line clamps to the
// line's end, as the protocol asks; a line past the end clamps to the end of
// the text.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_POSITIONS_H
#define CALC_LSP_POSITIONS_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

#include <string>

namespace calc::lsp {

struct Position {
  unsigned line = 0;
  unsigned character = 0; ///< UTF-16 code units.
};

/// {"line": …, "character": …}
llvm::json::Value toJSON(const Position &position);
/// {"start": …, "end": …}
llvm::json::Value rangeJSON(const Position &start, const Position &end);

/// The position of byte \p offset of \p text.
Position positionOf(llvm::StringRef text, size_t offset);
/// The byte offset of \p position in \p text (clamped).
size_t offsetOf(llvm::StringRef text, Position position);

/// The buffer of \p sourceMgr holding \p loc (0 if none).
unsigned bufferOf(const llvm::SourceMgr &sourceMgr, llvm::SMLoc loc);
/// The LSP range of \p range, which must lie in buffer \p bufferId.
llvm::json::Value rangeJSON(const llvm::SourceMgr &sourceMgr, unsigned bufferId,
                            llvm::SMRange range);

/// `file:///a%20b/x.calc` -> `/a b/x.calc`; empty if not a file URI.
std::string uriToPath(llvm::StringRef uri);
/// The file URI of absolute path \p path (percent-encoding what RFC 3986
/// does not allow in a path).
std::string pathToURI(llvm::StringRef path);

} // namespace calc::lsp

#endif
