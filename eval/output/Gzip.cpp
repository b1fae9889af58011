//===- Gzip.cpp - Deterministic gzip compression of output files ----------===//
#include "eval/output/Gzip.h"

#include <zlib.h>

bool calc::eval::gzipCompress(llvm::StringRef in, std::string &out,
                              int level) {
  z_stream zs = {};
  // windowBits 15 + 16 selects a gzip wrapper; zlib writes mtime 0.
  if (deflateInit2(&zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return false;
  out.resize(deflateBound(&zs, uLong(in.size())) + 32);
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
  zs.avail_in = uInt(in.size());
  zs.next_out = reinterpret_cast<Bytef *>(&out[0]);
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}
