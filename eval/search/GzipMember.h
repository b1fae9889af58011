//===- GzipMember.h - Compress a piece of output as one gzip member -------===//
//
// A gzip file may hold several members one after the other; every reader
// (gzip -d, zcat, Python's gzip module) decompresses them as one stream.
// `lae` therefore compresses each chunk's rows on the worker thread that
// formatted them, and the writer only appends bytes: compression runs in
// parallel and the file is still a plain `.csv.gz`. Members carry mtime 0,
// so equal input gives equal bytes.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_GZIPMEMBER_H
#define CALC_EVAL_SEARCH_GZIPMEMBER_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::search {

/// Replaces `out` with `data` compressed as one complete gzip member.
/// Returns false if zlib fails.
bool gzipMember(llvm::StringRef data, std::string &out);

} // namespace calc::search

#endif
