//===- OutputPath.cpp - The `to` path rule --------------------------------===//
#include "eval/output/OutputPath.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace calc::eval {

/// The components of \p to without `.` and with `..` applied; None if a
/// `..` climbs above the start.
static Optional<SmallVector<StringRef, 8>> normalize(StringRef to) {
  SmallVector<StringRef, 8> parts, out;
  to.split(parts, '/');
  for (StringRef part : parts) {
    if (part.empty() || part == ".")
      continue;
    if (part == "..") {
      if (out.empty())
        return None;
      out.pop_back();
      continue;
    }
    out.push_back(part);
  }
  return out;
}

Optional<std::string> checkOutputPath(StringRef to) {
  std::string quoted = ("output path '" + to + "'").str();
  if (to.empty())
    return std::string("output path is empty");
  if (sys::path::is_absolute(to, sys::path::Style::posix))
    return quoted + " is absolute; paths are relative to the output "
                    "directory (-o)";
  Optional<SmallVector<StringRef, 8>> parts = normalize(to);
  if (!parts)
    return quoted + " leaves the output directory";
  if (parts->empty() || to.endswith("/") || to.endswith("/.") ||
      to.endswith("/..") || to == "." || to == "..")
    return quoted + " names a directory, not a file";
  return None;
}

std::string resolveOutputPath(StringRef outputDir, StringRef to) {
  SmallString<256> path(outputDir);
  if (Optional<SmallVector<StringRef, 8>> parts = normalize(to))
    for (StringRef part : *parts)
      sys::path::append(path, sys::path::Style::posix, part);
  return path.str().str();
}

} // namespace calc::eval
