//===- DisplayUnits.cpp - Which unit shows a value nobody gave a unit -----===//
//
// The rule is stated in Units.h: bytes in IEC units, bandwidths and flop
// counts in SI units, times from ns up to s, everything else in base units.
//
//===----------------------------------------------------------------------===//
#include "ir/UnitTable.h"
#include "ir/Units.h"

#include <cmath>

using namespace llvm;

namespace calc::ir {

/// The largest of \p words (ascending scale) in which |v| >= 1; the first for
/// values below all of them; the first for zero, nan and infinities.
static Unit pickFrom(ArrayRef<StringRef> words, double siValue) {
  double magnitude = std::fabs(siValue);
  Optional<Unit> chosen = lookupUnitWord(words.front());
  if (magnitude == 0 || !std::isfinite(magnitude))
    return *chosen;
  for (StringRef word : words.drop_front()) {
    Optional<Unit> unit = lookupUnitWord(word);
    if (magnitude / unit->scale < 1)
      break;
    chosen = unit;
  }
  return *chosen;
}

Unit displayUnitFor(Dimension dim, double siValue) {
  static const StringRef bytes[] = {"B",   "KiB", "MiB", "GiB",
                                    "TiB", "PiB", "EiB"};
  static const StringRef times[] = {"s", "ns", "us", "ms", "s"};
  static const StringRef flops[] = {"FLOP",  "kFLOP", "MFLOP", "GFLOP",
                                    "TFLOP", "PFLOP", "EFLOP"};
  static const StringRef rates[] = {"FLOPS",  "kFLOPS", "MFLOPS", "GFLOPS",
                                    "TFLOPS", "PFLOPS", "EFLOPS"};
  static const StringRef bandwidths[] = {"B",  "kB", "MB", "GB",
                                         "TB", "PB", "EB"};
  const Dimension byteDim = Dimension::byteDim(),
                  secondDim = Dimension::secondDim(),
                  flopDim = Dimension::flopDim();
  if (dim == byteDim)
    return pickFrom(bytes, siValue);
  if (dim == secondDim) {
    // Zero and non-finite values show in s; others from ns up.
    double magnitude = std::fabs(siValue);
    if (magnitude == 0 || !std::isfinite(magnitude))
      return *lookupUnitWord("s");
    return pickFrom(makeArrayRef(times).drop_front(), siValue);
  }
  if (dim == flopDim)
    return pickFrom(flops, siValue);
  if (dim == flopDim / secondDim)
    return pickFrom(rates, siValue);
  if (dim == byteDim / secondDim) {
    Unit unit = pickFrom(bandwidths, siValue);
    return *parseUnitWords({unit.text, "s"});
  }
  return baseUnitFor(dim);
}

bool hasDisplayUnits(Dimension dim) {
  const Dimension byteDim = Dimension::byteDim(),
                  secondDim = Dimension::secondDim(),
                  flopDim = Dimension::flopDim();
  return dim == byteDim || dim == secondDim || dim == flopDim ||
         dim == flopDim / secondDim || dim == byteDim / secondDim;
}

bool isChosenUnit(const Unit &unit) {
  if (unit.isNone())
    return false;
  if (unit.scale != 1.0)
    return true;
  return !hasDisplayUnits(unit.dim) && unit.text != baseUnitFor(unit.dim).text;
}

Unit exchangeUnitFor(Dimension dim, const Unit &shown) {
  if (!shown.isNone() && shown.dim == dim && shown.scale == 1.0 &&
      !hasDisplayUnits(dim))
    return shown;
  return baseUnitFor(dim);
}

} // namespace calc::ir
