//===- AtomicFile.cpp - Temp file in the same directory, then rename ------===//
#include "eval/output/AtomicFile.h"
#include "eval/output/TempFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace calc::eval {

static bool fail(StringRef path, std::error_code ec, std::string &message) {
  message = ("cannot write '" + path + "': " + ec.message()).str();
  return false;
}

static bool discardFiles = false;

void setFileOutputDiscarded(bool discarded) { discardFiles = discarded; }
bool fileOutputDiscarded() { return discardFiles; }

bool writeFileAtomically(StringRef path, StringRef contents,
                         std::string &errorMessage) {
  if (discardFiles)
    return true;
  // Same directory as the destination, so the rename cannot cross devices.
  SmallString<256> model(path);
  sys::path::remove_filename(model);
  sys::path::append(model, "." + sys::path::filename(path) + ".tmp-%%%%%%%%");
  int fd, slot;
  SmallString<256> tempPath;
  if (std::error_code ec = createTempFile(model, fd, tempPath, slot))
    return fail(path, ec, errorMessage);

  std::error_code ec;
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << contents;
    os.close();
    if (os.has_error()) {
      ec = os.error();
      os.clear_error(); // Otherwise the stream aborts in its destructor.
    }
  }
  if (!ec)
    ec = sys::fs::rename(tempPath, path);
  if (ec)
    sys::fs::remove(tempPath);
  unregisterTempFile(slot);
  return ec ? fail(path, ec, errorMessage) : true;
}

} // namespace calc::eval
