//===- PyFloat.h - Numbers written the way Python's json writes them ------===//
//
// Calculon's outputs are Python json dumps: floats in shortest round-trip
// repr ("0.0", "5767168000.0", "1e-05", "1.2e+16"), ints without a point,
// and Infinity/NaN spelled out. This reproduces that text.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_PYFLOAT_H
#define CALC_EVAL_CALCULON_PYFLOAT_H

#include "llvm/Support/raw_ostream.h"

namespace calc::calculon {

/// Writes `value` as Python's repr(float) (json.dumps spelling for inf/nan).
void writePyFloat(llvm::raw_ostream &os, double value);

/// Writes an integral `value` as an int ("1677721600"), falling back to the
/// float form when it is not integral or beyond 2^53.
void writePyInt(llvm::raw_ostream &os, double value);

} // namespace calc::calculon

#endif
