//===- TextTableWriter.h - `output table`: aligned text -------------------===//
//
// Layout (two spaces between columns, no trailing spaces):
//
//   rank  execution.tensor_par  sample_rate [1/s]  mem [GiB]  recompute
//   ----  --------------------  -----------------  ---------  ---------
//      1                     8              23.29      77.47  full
//
// Headers carry the column's display unit in brackets; numbers are
// right-aligned in that unit with --precision significant digits; strings
// and bools are left-aligned; null cells print "-".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_TEXTTABLEWRITER_H
#define CALC_EVAL_OUTPUT_TEXTTABLEWRITER_H

#include "eval/output/Table.h"
#include "ir/NumberFormat.h"

#include "llvm/Support/raw_ostream.h"

namespace calc::eval {

struct TextTableOptions {
  unsigned precision = ir::defaultPrecision; ///< Significant digits.
};

/// Writes \p table as aligned text (each line ends with '\n').
void writeTextTable(const Table &table, llvm::raw_ostream &os,
                    const TextTableOptions &options = {});

/// Writes row \p row of \p table vertically, one line per column, for
/// records with many fields (an `evaluate` shown in full):
///
///   total_time              131.9 s
///   sample_rate             23.29 sample/s
///   activation_recompute    full
///
/// Names are left-aligned, numbers right-aligned in the column's display unit
/// (or each value's own readable unit when the column has none), strings and
/// bools left-aligned, null "-".
void writeTextRecord(const Table &table, size_t row, llvm::raw_ostream &os,
                     const TextTableOptions &options = {});

/// The unit the text writer shows column \p column in: its display unit, or
/// displayUnitFor the largest finite magnitude in the column.
ir::Unit columnDisplayUnit(const Table &table, unsigned column);

} // namespace calc::eval

#endif
