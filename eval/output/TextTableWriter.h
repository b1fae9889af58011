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

/// The unit the text writer shows column \p column in: its display unit, or
/// displayUnitFor the largest finite magnitude in the column.
ir::Unit columnDisplayUnit(const Table &table, unsigned column);

} // namespace calc::eval

#endif
