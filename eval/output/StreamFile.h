//===- StreamFile.h - A growing output file, published atomically ---------===//
//
// `lae` writes far more rows than fit in memory, so its output is streamed:
// appended to a unique temporary file next to the destination (optionally
// gzip-compressed on the fly) and renamed over the destination only by
// commit(). Until then, and if anything fails, the destination is
// untouched and the temporary is removed, also when a signal ends the
// process (eval/output/TempFiles.h).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_STREAMFILE_H
#define CALC_EVAL_OUTPUT_STREAMFILE_H

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>

namespace llvm {
class raw_fd_ostream;
}

namespace calc::eval {

/// An output file written in pieces and published on commit().
class StreamFile {
public:
  StreamFile();
  ~StreamFile(); ///< discards the temporary unless committed
  StreamFile(const StreamFile &) = delete;
  StreamFile &operator=(const StreamFile &) = delete;

  /// Creates the temporary for `path`; with `compress`, written data is
  /// gzip-compressed on the fly (the caller may instead append data it
  /// compressed itself, e.g. gzip members, with `compress` false).
  bool open(llvm::StringRef path, bool compress, std::string &error);
  /// Appends `data`. After a failure every later call fails too.
  bool write(llvm::StringRef data);
  /// Finishes compression, closes and renames over the destination.
  bool commit(std::string &error);
  /// Removes the temporary; the destination is untouched.
  void discard();

private:
  bool deflateSome(const char *data, size_t size, int flush);

  struct Deflater;
  std::string path;
  llvm::SmallString<256> tempPath;
  std::unique_ptr<llvm::raw_fd_ostream> out;
  std::unique_ptr<Deflater> zip;
  bool failed = false;
  bool discarding = false; ///< fileOutputDiscarded() at open: no file
  int signalSlot = -1; ///< eval/output/TempFiles.h
};

} // namespace calc::eval

#endif
