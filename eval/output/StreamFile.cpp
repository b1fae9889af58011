//===- StreamFile.cpp - A growing output file, published atomically -------===//
#include "eval/output/StreamFile.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/TempFiles.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <zlib.h>

using namespace calc::eval;
using namespace llvm;

struct StreamFile::Deflater {
  z_stream zs = {};
  char buffer[1 << 16];
};

StreamFile::StreamFile() = default;

StreamFile::~StreamFile() { discard(); }

bool StreamFile::open(StringRef destination, bool compress,
                      std::string &error) {
  path = destination.str();
  discarding = fileOutputDiscarded();
  if (discarding)
    return true;
  int fd;
  // A long `lae` may be interrupted: never leave the temporary behind.
  std::error_code ec =
      createTempFile(destination + ".tmp-%%%%%%", fd, tempPath, signalSlot);
  if (ec) {
    error = (destination + ": cannot write: " + ec.message()).str();
    return false;
  }
  out = std::make_unique<raw_fd_ostream>(fd, /*shouldClose=*/true);
  if (compress) {
    zip = std::make_unique<Deflater>();
    // windowBits 15 + 16: a gzip wrapper with mtime 0, so bytes are stable.
    if (deflateInit2(&zip->zs, 6, Z_DEFLATED, 15 + 16, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      zip.reset();
      discard();
      error = (destination + ": cannot compress output").str();
      return false;
    }
  }
  return true;
}

bool StreamFile::deflateSome(const char *data, size_t size, int flush) {
  z_stream &zs = zip->zs;
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
  zs.avail_in = uInt(size);
  int rc;
  do {
    zs.next_out = reinterpret_cast<Bytef *>(zip->buffer);
    zs.avail_out = sizeof(zip->buffer);
    rc = deflate(&zs, flush);
    if (rc == Z_STREAM_ERROR)
      return false;
    out->write(zip->buffer, sizeof(zip->buffer) - zs.avail_out);
  } while (zs.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  return true;
}

bool StreamFile::write(StringRef data) {
  if (discarding)
    return true;
  if (failed || !out)
    return false;
  if (!zip) {
    out->write(data.data(), data.size());
  } else {
    // zlib takes at most 4 GiB per call.
    for (size_t pos = 0; pos < data.size() && !failed;) {
      size_t n = std::min<size_t>(data.size() - pos, 1u << 30);
      failed = !deflateSome(data.data() + pos, n, Z_NO_FLUSH);
      pos += n;
    }
  }
  if (out->has_error())
    failed = true;
  return !failed;
}

bool StreamFile::commit(std::string &error) {
  if (discarding)
    return true;
  if (!out) {
    error = path + ": cannot write";
    return false;
  }
  if (zip && !failed) {
    failed = !deflateSome(nullptr, 0, Z_FINISH);
    deflateEnd(&zip->zs);
    zip.reset();
  }
  out->close();
  if (out->has_error()) {
    out->clear_error();
    failed = true;
  }
  out.reset();
  if (failed) {
    discard();
    error = path + ": cannot write";
    return false;
  }
  std::error_code ec = sys::fs::rename(tempPath, path);
  if (ec)
    sys::fs::remove(tempPath);
  unregisterTempFile(signalSlot);
  signalSlot = -1;
  if (ec) {
    tempPath.clear();
    error = path + ": cannot write: " + ec.message();
    return false;
  }
  tempPath.clear();
  return true;
}

void StreamFile::discard() {
  if (zip) {
    deflateEnd(&zip->zs);
    zip.reset();
  }
  if (out) {
    out->close();
    if (out->has_error())
      out->clear_error();
    out.reset();
  }
  if (!tempPath.empty()) {
    sys::fs::remove(tempPath);
    unregisterTempFile(signalSlot);
    signalSlot = -1;
    tempPath.clear();
  }
}
