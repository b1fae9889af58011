//===- GzipMember.cpp - Compress a piece of output as one gzip member -----===//
#include "eval/search/GzipMember.h"

#include <zlib.h>

bool calc::search::gzipMember(llvm::StringRef data, std::string &out) {
  z_stream zs = {};
  // windowBits 15 + 16: gzip wrapper, mtime 0; level 6 is zlib's default.
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return false;
  out.resize(deflateBound(&zs, uLong(data.size())));
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
  zs.avail_in = uInt(data.size());
  zs.next_out = reinterpret_cast<Bytef *>(&out[0]);
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}
