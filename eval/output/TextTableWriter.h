//===- TextTableWriter.h - `output table`: aligned text -------------------===//
//
// Layout (two spaces between columns, no trailing spaces):
//
//   rank  execution.tensor_par  sample_rate [sample/s]  mem [GiB]  recompute
//   ----  --------------------  ----------------------  ---------  ---------
//      1                     8                   23.29      77.47  full
//
// Headers carry the column's display unit in brackets; numbers are
// right-aligned in that unit with --precision significant digits; strings
// and bools are left-aligned; null cells print "-". A table too wide for
// the terminal is written on its side instead (docs/units-and-output.md,
// Layout): one line per field (writeTextRecords, grouped for a result), or
// one column per rank (writeTextTransposed). Which one is the output
// statement's choice; these only write.
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
  /// Vertical layout: lines grouped by what they measure (FieldGroup), each
  /// group under its name, for an analysis result shown in full.
  bool groups = false;
};

/// Writes \p table as aligned text (each line ends with '\n').
void writeTextTable(const Table &table, llvm::raw_ostream &os,
                    const TextTableOptions &options = {});

/// The width of the widest line writeTextTable writes for \p table: what
/// `output table` compares with the terminal to choose the vertical layout.
size_t textTableWidth(const Table &table, const TextTableOptions &options = {});

/// What a vertical line measures, in the order the groups are written.
enum class FieldGroup {
  Time,
  Memory,
  Efficiency,
  Rate,
  Compute,
  Bandwidth,
  Count,
  Other
};
/// The group of a value of \p column held in \p cell: by dimension ([s]
/// time, [B] memory, [flop] and [flop/s] compute, [B/s] bandwidth, other
/// per-second rates), dimensionless reals are efficiencies and integers
/// counts; strings, bools and anything else are "other".
FieldGroup fieldGroup(const Column &column, const Cell &cell);
llvm::StringRef fieldGroupName(FieldGroup group);

/// Writes row \p row of \p table vertically, one line per column, for
/// records with many fields (an `evaluate` shown in full):
///
///   total_time              131.9 s
///   sample_rate             23.29 sample/s
///   activation_recompute    full
///
/// Names are left-aligned, numbers right-aligned in the column's display unit
/// (columnDisplayUnit), strings and bools left-aligned, null "-".
void writeTextRecord(const Table &table, size_t row, llvm::raw_ostream &os,
                     const TextTableOptions &options = {});

/// Writes \p table transposed: one line per column (its name and unit),
/// one value column per row, headed by the rank in column 0:
///
///   rank                              1      2
///   ----------------------------  -----  -----
///   system.mem1.bandwidth [TB/s]    4.8    3.2
///   execution.activation_recompute  full   attn_only
///
/// Numbers right-aligned, the rest left-aligned, as in writeTextTable.
void writeTextTransposed(const Table &table, llvm::raw_ostream &os,
                         const TextTableOptions &options = {});
/// The width of the widest line writeTextTransposed writes.
size_t textTransposedWidth(const Table &table,
                           const TextTableOptions &options = {});

/// Writes every row vertically. With \p rankHeadings, column 0 is the
/// rank: each record starts with "rank N" and its lines are indented. With
/// options.groups, each group starts with its name ("time") and its lines
/// are indented. Names and numbers align across the whole table, and each
/// column keeps one unit, so records compare line by line.
void writeTextRecords(const Table &table, llvm::raw_ostream &os,
                      const TextTableOptions &options, bool rankHeadings);

/// The unit the text writer shows column \p column in: its display unit, or
/// displayUnitFor the largest finite magnitude in the column.
ir::Unit columnDisplayUnit(const Table &table, unsigned column);

} // namespace calc::eval

#endif
