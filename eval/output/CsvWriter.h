//===- CsvWriter.h - `output csv`: RFC 4180 -------------------------------===//
//
// Header row of column names with base units ("system.mem1.bandwidth [B/s]";
// dimensionless columns have no bracket), then one line per row. Numbers are
// in SI base units, shortest round-trip; lists and steps are their JSON
// arrays, numbers in SI base units too; strings are quoted when they hold a
// comma, a quote, CR or LF (quotes doubled); bools are true/false; null is
// an empty field. Lines end with "\n".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_CSVWRITER_H
#define CALC_EVAL_OUTPUT_CSVWRITER_H

#include "eval/output/Table.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::eval {

/// Writes \p table as CSV.
void writeCsv(const Table &table, llvm::raw_ostream &os);

/// One field, quoted if needed.
std::string csvField(llvm::StringRef text);

/// "name [unit]" with the exchange unit of \p dim (its base unit, or the
/// name \p shown gives it: ir::exchangeUnitFor), or "name" when it has no
/// unit. Also the key of numeric values in JSON.
std::string headerWithBaseUnit(llvm::StringRef name, ir::Dimension dim,
                               const ir::Unit &shown = ir::Unit());

} // namespace calc::eval

#endif
