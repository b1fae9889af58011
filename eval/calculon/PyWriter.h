//===- PyWriter.h - Python json.dumps / str() layouts ---------------------===//
//
// Calculon writes search results with json.dumps (indent 2, or one line with
// ", " and ": " separators for .json.gz, no trailing newline) and CSV cells
// with Python str(), which for a list of per-layer dicts is its repr. This
// writer produces those three layouts from one sequence of calls, so the
// JSON file and the CSV cell never drift apart.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_PYWRITER_H
#define CALC_EVAL_CALCULON_PYWRITER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>

namespace calc::calculon {

/// Emits nested objects and lists the way Python prints them.
class PyWriter {
public:
  enum class Style {
    JsonIndented, ///< json.dumps(x, indent=2)
    JsonCompact,  ///< json.dumps(x)
    Repr,         ///< str(x): 'strings', True/False/None, inf/nan
  };
  PyWriter(llvm::raw_ostream &os, Style style) : os(os), style(style) {}

  void beginObject() { open('{'); }
  void endObject() { close('}'); }
  void beginList() { open('['); }
  void endList() { close(']'); }
  /// Starts the next object member; its value follows.
  void key(llvm::StringRef name);

  void string(llvm::StringRef s);
  void boolean(bool b);
  void integer(int64_t i);
  /// A Python float (shortest repr).
  void real(double d);
  /// A statistic Calculon keeps as an int (a float if not integral).
  void intLike(double d);
  void null();

  /// Writes finite `d` as Python's repr(float) into `buf` (at least 32
  /// chars) without allocating; returns the length. Same text as
  /// calculon::writePyFloat, which the search hot path cannot afford.
  static size_t formatFloat(double d, char *buf);

  /// Python str() of one value as a CSV cell (no quoting, like Calculon).
  static void strReal(llvm::raw_ostream &os, double d);
  static void strIntLike(llvm::raw_ostream &os, double d);

private:
  void open(char c);
  void close(char c);
  /// Separator and indentation before a list element or member key.
  void item();
  void newline(unsigned depth);
  void quoted(llvm::StringRef s);

  llvm::raw_ostream &os;
  Style style;
  /// Per open container: has it an element yet; is the next value a member.
  llvm::SmallVector<bool, 8> nonEmpty;
  bool afterKey = false;
};

} // namespace calc::calculon

#endif
