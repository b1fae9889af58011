//===- Gzip.h - Deterministic gzip compression of output files ------------===//
//
// `.json.gz` and `.csv.gz` outputs (Calculon's formats) are compressed here.
// Members carry no file name and mtime 0, so equal input gives equal bytes.
// A gzip file may hold several members back to back; every reader (gzip -d,
// zcat, Python's gzip module) reads them as one stream, which lets `lae`
// compress each chunk's rows on the worker thread that formatted them.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_GZIP_H
#define CALC_EVAL_OUTPUT_GZIP_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::eval {

/// Python's gzip module default, which Calculon's outputs use.
constexpr int GzipBestCompression = 9;
/// zlib's default: faster, for large streamed outputs.
constexpr int GzipDefaultCompression = 6;

/// Replaces `out` with `in` compressed as one complete gzip member at
/// `level` (1-9). Returns false if zlib fails.
bool gzipCompress(llvm::StringRef in, std::string &out,
                  int level = GzipBestCompression);

} // namespace calc::eval

#endif
