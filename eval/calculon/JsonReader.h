//===- JsonReader.h - Strict typed access to Calculon's JSON inputs -------===//
//
// Reads one JSON file (or text) with llvm::json and checks key sets and value types,
// reporting the first problem as "FILE: key 'x': expected ..." (the caller
// prefixes "error: "). Exception-free; nothing is allocated per lookup beyond
// the parsed document.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_JSONREADER_H
#define CALC_EVAL_CALCULON_JSONREADER_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <string>

namespace calc::calculon {

/// A parsed JSON file and the first error found while reading it.
class JsonReader {
public:
  /// Reads and parses `path`; on failure error() is set.
  explicit JsonReader(llvm::StringRef path);
  /// Parses `text`, which messages call `name` (an input embedded in calcc).
  JsonReader(llvm::StringRef name, llvm::StringRef text);

  bool failed() const { return !message.empty(); }
  /// The path or name given to the constructor.
  llvm::StringRef name() const { return path; }
  /// "FILE: key 'x': problem" (no "error: " prefix).
  const std::string &error() const { return message; }
  const llvm::json::Object *root() const { return rootObject; }

  /// Records an error about `key` (a dotted path like "networks[0].size").
  bool fail(llvm::StringRef key, const llvm::Twine &problem);
  /// Records an error about the whole file ("FILE: problem").
  bool failFile(const llvm::Twine &problem);

  /// Requires every key of `required` to be present; when `exact`, no other
  /// key is allowed either, except those of `optional`.
  bool checkKeys(const llvm::json::Object &obj, llvm::StringRef where,
                 llvm::ArrayRef<llvm::StringRef> required, bool exact,
                 llvm::ArrayRef<llvm::StringRef> optional = {});

  const llvm::json::Value *get(const llvm::json::Object &obj,
                               llvm::StringRef where, llvm::StringRef key);
  bool getInt(const llvm::json::Object &obj, llvm::StringRef where,
              llvm::StringRef key, int64_t &out);
  bool getNumber(const llvm::json::Object &obj, llvm::StringRef where,
                 llvm::StringRef key, double &out);
  bool getBool(const llvm::json::Object &obj, llvm::StringRef where,
               llvm::StringRef key, bool &out);
  bool getString(const llvm::json::Object &obj, llvm::StringRef where,
                 llvm::StringRef key, std::string &out);
  const llvm::json::Object *getObject(const llvm::json::Object &obj,
                                      llvm::StringRef where,
                                      llvm::StringRef key);
  const llvm::json::Array *getArray(const llvm::json::Object &obj,
                                    llvm::StringRef where, llvm::StringRef key);

  /// "where.key", or "key" at the top level.
  static std::string join(llvm::StringRef where, llvm::StringRef key);

private:
  void parse(llvm::StringRef text);

  std::string path;
  std::string message;
  llvm::json::Value document = nullptr;
  const llvm::json::Object *rootObject = nullptr;
};

} // namespace calc::calculon

#endif
