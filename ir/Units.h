//===- Units.h - The closed unit table (docs/language-reference.md §3) ----===//
//
// Unit words (`GiB`, `GB`, `Gbit`, `us`, `TFLOPS`, `tok`, `%`, ...) and unit
// expressions (words joined by `/`: `GB/s`, `sample/s`) map to a dimension
// and a scale to SI base units (B, s, flop). Unknown words give an error that
// names the word and did-you-mean candidates (`b` -> `B` or `bit`, `KB` ->
// `kB` or `KiB`, `µs` -> `us`).
//
// Display units when none is given (displayUnitFor), decided here once:
//   [B]      largest IEC unit in which |v| >= 1: B KiB MiB GiB TiB PiB EiB
//            (memory sizes are powers of two; Calculon reports GiB)
//   [s]      largest of ns us ms s in which |v| >= 1, never above s
//            (so times stay comparable; Calculon reports seconds)
//   [flop]   largest SI FLOP unit: FLOP kFLOP ... EFLOP
//   [flop/s] largest SI FLOPS unit: FLOPS kFLOPS ... EFLOPS
//   [B/s]    largest SI unit: B/s kB/s ... EB/s (link and memory bandwidths
//            are quoted in SI, Calculon's GBps)
//   other    base units (dimension's unitText(), scale 1); dimensionless
//            values have no unit at all
// Zero, NaN and infinities use the family's base unit ("0 B", "0 s").
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_UNITS_H
#define CALC_IR_UNITS_H

#include "ir/Dimension.h"
#include "ir/ExactScale.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace calc::ir {

/// A unit: its dimension, how many SI base units one of it is, and its
/// canonical spelling. The empty unit (text "") is the plain number.
struct Unit {
  Dimension dim;
  double scale = 1.0; ///< SI base units per unit: GiB -> 2^30, us -> 1e-6.
  /// Canonical spelling: "GB/s", "%", "" for none. Interned (it points into
  /// the unit table or internUnitText's storage, which live as long as the
  /// program), so a Unit, and every runtime value carrying one, copies
  /// without allocating.
  llvm::StringRef text;
  /// `scale` as an exact product (ir/ExactScale.h), for scaling literals
  /// and converting values back without rounding twice.
  ExactScale exact;

  bool isNone() const { return text.empty(); }
  bool isPercent() const { return text == "%"; }
  /// A value in SI base units, expressed in this unit: 1e-5 s is 10 us,
  /// not 10.000000000000002.
  double fromSI(double si) const { return exact.divide(si); }
  /// A value in this unit, converted to SI base units.
  double toSI(double v) const { return v * scale; }
};

/// Stable storage for a unit spelling not in the unit table ("GB/s",
/// "B*flop/s"): equal texts share one copy. Thread-safe.
llvm::StringRef internUnitText(llvm::StringRef text);

/// Why a unit text did not parse.
struct UnitError {
  std::string word; ///< The offending word ("t"); empty if the text is empty.
  unsigned wordIndex = 0; ///< Index of the word in the `/`-separated list.
  size_t offset =
      0; ///< Byte offset of the word in the text given to parseUnit.
  std::string
      message; ///< "unknown unit 't'", "'%' cannot be combined with '/'"
  llvm::SmallVector<std::string, 2> suggestions; ///< Best first.

  /// "did you mean 'B' or 'bit'?", or "" when there are no suggestions.
  std::string suggestionText() const;
};

/// The unit of one word (`GiB`, `TFLOPS`, `%`), or None.
llvm::Optional<Unit> lookupUnitWord(llvm::StringRef word);

/// Every unit word, in the table order of docs/language-reference.md §3
/// (for completion in an editor).
std::vector<llvm::StringRef> unitWords();

/// Whether \p word is in the unit table (spelled exactly).
inline bool isUnitWord(llvm::StringRef word) {
  return lookupUnitWord(word).hasValue();
}

/// Parses unit words already split on `/` (the parser's tokens). On failure
/// returns None and fills \p error (wordIndex set, offset 0).
llvm::Optional<Unit> parseUnitWords(llvm::ArrayRef<llvm::StringRef> words,
                                    UnitError *error = nullptr);

/// Parses a unit text such as "GB/s" or "GiB / t" (spaces around `/` are
/// ignored). On failure returns None and fills \p error (offset set).
llvm::Optional<Unit> parseUnit(llvm::StringRef text,
                               UnitError *error = nullptr);

/// Did-you-mean candidates for an unknown word, best first, deduplicated:
/// case-insensitive matches, `b` meaning bit or byte, `K` meaning k or Ki,
/// `µ`/`μ` for `u`, common spellings (`sec`, `tokens`, `GBps`), then the
/// closest word by edit distance.
llvm::SmallVector<std::string, 2> suggestUnits(llvm::StringRef word);

/// The base (SI) unit of \p dim: text dim.unitText() (or "" when
/// dimensionless), scale 1. Used for CSV/JSON headers.
Unit baseUnitFor(Dimension dim);

/// A readable unit for showing \p siValue of dimension \p dim when the program
/// gave none; the rule is in the file comment.
Unit displayUnitFor(Dimension dim, double siValue);

/// Whether displayUnitFor chooses among several units for \p dim ([B], [s],
/// [flop], [flop/s], [B/s]), rather than showing its base unit.
bool hasDisplayUnits(Dimension dim);

/// Whether a value carrying \p unit is shown in it (docs/units-and-output.md,
/// "One unit rule"): a scaled unit someone wrote (`80 GiB`, `1 us`, `%`), or a
/// name its dimension's base unit lacks (`sample/s`, `tok/s` for [1/s]).
/// Base spellings (`B`, `s`, `FLOPS`, `1/s`) choose nothing: the value is
/// shown in displayUnitFor its magnitude, as an unmarked one would be.
bool isChosenUnit(const Unit &unit);

/// The unit CSV headers and JSON keys name for values of \p dim in SI base
/// units: \p shown when it is a scale-1 name of a dimension without display
/// units (`sample/s`, so tables and files agree), else baseUnitFor(dim).
Unit exchangeUnitFor(Dimension dim, const Unit &shown);

} // namespace calc::ir

#endif
