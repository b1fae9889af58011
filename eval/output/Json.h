//===- Json.h - An ordered JSON value and its writer ----------------------===//
//
// llvm::json sorts object keys when printing; `output json` wants the order of
// docs/language-reference.md §6 ("rank", "model", "system", "execution",
// "results") and the written order of fields, so this small model keeps
// insertion order. Numbers print shortest round-trip (ints in full); nan/inf
// become null. Layout: two-space indent, one member per line, "key": value,
// empty containers as [] and {}, no trailing newline (writeJsonDocument adds
// it).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_JSON_H
#define CALC_EVAL_OUTPUT_JSON_H

#include "eval/output/Table.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calc::eval {

/// A JSON value whose objects keep insertion order.
class JsonValue {
public:
  enum class Kind { Null, Bool, Int, Real, String, Array, Object };

  JsonValue() = default; ///< null
  static JsonValue null() { return JsonValue(); }
  static JsonValue boolean(bool v);
  static JsonValue integer(int64_t v);
  static JsonValue real(double v);
  static JsonValue string(llvm::StringRef v);
  static JsonValue array();
  static JsonValue object();
  /// The cell's value: null, int, real, string or bool.
  static JsonValue fromCell(const Cell &cell);

  Kind kind() const { return k; }

  /// Appends to an array; returns the appended element.
  JsonValue &push(JsonValue v);
  /// Appends member \p key to an object (keys must be unique; a repeated key
  /// replaces the value in place, keeping the first position).
  JsonValue &set(llvm::StringRef key, JsonValue v);
  /// Object member \p key, or nullptr.
  const JsonValue *get(llvm::StringRef key) const;

  size_t size() const { return items.size(); }

  /// Writes this value; nested lines are indented from \p indent spaces.
  void write(llvm::raw_ostream &os, unsigned indent = 0) const;
  /// Writes this value on one line (`[[1, 0.5], [0, 0.1]]`), for a CSV cell.
  void writeCompact(llvm::raw_ostream &os) const;

private:
  Kind k = Kind::Null;
  bool boolValue = false;
  int64_t intValue = 0;
  double realValue = 0;
  std::string stringValue;
  std::vector<std::string> keys; ///< Object keys, parallel to items.
  std::vector<JsonValue> items;  ///< Array elements or object values.
};

/// \p text as a JSON string literal with quotes and escapes.
std::string jsonQuote(llvm::StringRef text);

/// Writes \p value followed by a newline: a complete `output json` document.
void writeJsonDocument(const JsonValue &value, llvm::raw_ostream &os);

} // namespace calc::eval

#endif
