//===- SourcePaths.h - Files an editor can open for each source buffer ----===//
//
// A location the server sends must name a file the editor can open. Files
// read from disk (the document's imports, --stdlib-dir) are named by their
// absolute path. The embedded stdlib (buffers named `std/…`) exists only in
// calcc's binary, so its files are written, once per server and only when a
// location first needs them, under a cache directory named after a hash of
// their contents (so two calcc versions never share a stale copy):
// `--stdlib-cache DIR`, else the user's cache directory
// (`$XDG_CACHE_HOME/calcc` or `~/.cache/calcc`). docs/editors.md says so.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_SOURCEPATHS_H
#define CALC_LSP_SOURCEPATHS_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::lsp {

class SourcePaths {
public:
  /// \p cacheDir: where the embedded stdlib goes; empty for the default.
  explicit SourcePaths(std::string cacheDir) : cacheDir(std::move(cacheDir)) {}

  /// The absolute path of the file holding the buffer named \p bufferName,
  /// or empty if there is none (an embedded file that could not be written).
  std::string pathFor(llvm::StringRef bufferName);

  /// The directory the embedded stdlib is (or would be) written to.
  std::string embeddedDir();

private:
  bool writeEmbedded();

  std::string cacheDir;
  std::string dir; ///< embeddedDir(), once computed.
  int written = 0; ///< 0 not tried, 1 written, -1 failed.
};

} // namespace calc::lsp

#endif
