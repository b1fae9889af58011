//===- OutputFile.cpp - Write an output file atomically, gzip for .gz -----===//
#include "eval/calculon/StatsWriter.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <zlib.h>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

static bool gzipString(StringRef in, std::string &out) {
  z_stream zs = {};
  // windowBits 15 + 16: a gzip header with mtime 0, so output is stable.
  if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return false;
  out.resize(deflateBound(&zs, in.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
  zs.avail_in = uInt(in.size());
  zs.next_out = reinterpret_cast<Bytef *>(&out[0]);
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

bool calc::calculon::writeFileAtomically(StringRef path, StringRef contents,
                                         std::string &error) {
  std::string data = contents.str();
  if (path.endswith(".gz") && !gzipString(contents, data)) {
    error = (path + ": cannot compress output").str();
    return false;
  }
  SmallString<256> temp;
  int fd;
  std::error_code ec =
      sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temp);
  if (ec) {
    error = (path + ": cannot write: " + ec.message()).str();
    return false;
  }
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << data;
    os.close();
    if (os.has_error()) {
      os.clear_error();
      sys::fs::remove(temp);
      error = (path + ": cannot write").str();
      return false;
    }
  }
  ec = sys::fs::rename(temp, path);
  if (ec) {
    sys::fs::remove(temp);
    error = (path + ": cannot write: " + ec.message()).str();
    return false;
  }
  return true;
}
