//===- SourcePaths.cpp - Files an editor can open for each source buffer --===//
#include "lsp/SourcePaths.h"

#include "stdlib/EmbeddedStdlib.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace calc::lsp;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

std::string SourcePaths::embeddedDir() {
  if (!dir.empty())
    return dir;
  llvm::SmallString<256> root(cacheDir);
  if (root.empty()) {
    if (!path::cache_directory(root))
      root = "/tmp";
    path::append(root, "calcc");
  }
  fs::make_absolute(root);
  std::string all;
  for (const calc::stdlib::EmbeddedFile &file : calc::stdlib::embeddedFiles())
    all += file.path.str() + '\0' + file.contents.str() + '\0';
  path::append(root, "stdlib-" + llvm::utohexstr(llvm::xxHash64(all)));
  dir = std::string(root);
  return dir;
}

/// Writes \p contents to \p file unless it already holds them; through a
/// temporary and a rename, so a concurrent server never sees half a file.
static bool writeIfChanged(llvm::StringRef file, llvm::StringRef contents) {
  if (auto existing = llvm::MemoryBuffer::getFile(file))
    if ((*existing)->getBuffer() == contents)
      return true;
  if (fs::create_directories(path::parent_path(file)))
    return false;
  llvm::SmallString<256> temp;
  int fd;
  if (fs::createUniqueFile(file + ".tmp-%%%%%%", fd, temp))
    return false;
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << contents;
    if (os.has_error()) {
      os.clear_error();
      fs::remove(temp);
      return false;
    }
  }
  if (fs::rename(temp, file)) {
    fs::remove(temp);
    return false;
  }
  return true;
}

bool SourcePaths::writeEmbedded() {
  if (written == 0) {
    written = 1;
    std::string root = embeddedDir();
    for (const calc::stdlib::EmbeddedFile &file :
         calc::stdlib::embeddedFiles()) {
      llvm::SmallString<256> target(root);
      path::append(target, file.path);
      if (!writeIfChanged(target, file.contents))
        written = -1;
    }
  }
  return written == 1;
}

std::string SourcePaths::pathFor(llvm::StringRef bufferName) {
  llvm::StringRef rel = bufferName;
  if (rel.consume_front("std/") && calc::stdlib::findEmbeddedFile(rel)) {
    if (!writeEmbedded())
      return "";
    llvm::SmallString<256> target(embeddedDir());
    path::append(target, rel);
    return std::string(target);
  }
  llvm::SmallString<256> file(bufferName);
  fs::make_absolute(file);
  path::remove_dots(file, /*remove_dot_dot=*/true);
  return std::string(file);
}
