//===- Bytes.h - Plain values to and from a byte string -------------------===//
//
// What ranks of a distributed search exchange (kept candidates, reason
// counts, rows) is a byte string written and read with these two helpers:
// native byte order and widths, since every rank runs the same binary on the
// same kind of machine (an MPI job is homogeneous).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_BYTES_H
#define CALC_EVAL_SEARCH_BYTES_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <type_traits>

namespace calc::search {

/// Appends plain values to a string.
class ByteWriter {
public:
  explicit ByteWriter(std::string &out) : out(out) {}
  template <class T> void put(const T &v) {
    static_assert(std::is_trivially_copyable<T>::value, "plain values only");
    out.append(reinterpret_cast<const char *>(&v), sizeof(T));
  }
  void putBytes(llvm::StringRef bytes) {
    put<uint64_t>(bytes.size());
    out.append(bytes.data(), bytes.size());
  }

private:
  std::string &out;
};

/// Reads what a ByteWriter wrote; every read fails (returns false) once the
/// input is short, so a truncated message never reads out of bounds.
class ByteReader {
public:
  explicit ByteReader(llvm::StringRef in) : in(in) {}
  template <class T> bool get(T &v) {
    static_assert(std::is_trivially_copyable<T>::value, "plain values only");
    if (in.size() - pos < sizeof(T))
      return false;
    std::memcpy(&v, in.data() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
  }
  bool getBytes(llvm::StringRef &bytes) {
    uint64_t n;
    if (!get(n) || in.size() - pos < n)
      return false;
    bytes = in.substr(pos, n);
    pos += n;
    return true;
  }
  bool atEnd() const { return pos == in.size(); }

private:
  llvm::StringRef in;
  size_t pos = 0;
};

} // namespace calc::search

#endif
