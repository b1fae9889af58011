//===- Table.h - The table model shared by the output writers -------------===//
//
// What `output table|csv|json` prints: columns (a header and a dimension,
// optionally a display unit from `as U`) and rows of cells. Numeric cells
// hold values in SI base units (B, s, flop); the writers convert for display
// (text) or keep base units (CSV, JSON). Column order is the order of
// addColumn, row order the order of addRow; nothing is ever sorted or hashed.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_TABLE_H
#define CALC_EVAL_OUTPUT_TABLE_H

#include "ir/Units.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calc::eval {

/// One table cell: null, int64, real, string or bool.
class Cell {
public:
  enum class Kind { Null, Int, Real, String, Bool };

  Cell() = default; ///< Null.
  static Cell null() { return Cell(); }
  static Cell integer(int64_t v);
  static Cell real(double v);
  static Cell string(llvm::StringRef v);
  /// A string shown as \p display in a text table but written as
  /// \p exchange in CSV: a list or steps value, whose exchange text has its
  /// numbers in SI base units (`[[100000000, 0.9], [0, 0.3]]`).
  static Cell string(llvm::StringRef display, llvm::StringRef exchange);
  static Cell boolean(bool v);

  Kind kind() const { return k; }
  bool isNull() const { return k == Kind::Null; }
  bool isNumber() const { return k == Kind::Int || k == Kind::Real; }
  int64_t getInt() const { return intValue; }
  double getReal() const { return realValue; }
  /// Int or real as a double.
  double asDouble() const {
    return k == Kind::Int ? static_cast<double>(intValue) : realValue;
  }
  llvm::StringRef getString() const { return stringValue; }
  /// The CSV text of a string cell: its exchange form, or the string.
  llvm::StringRef getExchange() const {
    return hasExchange ? llvm::StringRef(exchangeValue) : stringValue;
  }
  bool getBool() const { return intValue != 0; }

private:
  Kind k = Kind::Null;
  int64_t intValue = 0;
  double realValue = 0;
  std::string stringValue;
  bool hasExchange = false;
  std::string exchangeValue;
};

/// A column: header text (a path such as "execution.tensor_par"), the
/// dimension of its numeric cells, and the unit to show them in.
struct Column {
  std::string name;
  ir::Dimension dim;
  /// From `as U`, or a unit the value chose (ir::isChosenUnit: `80 GiB`,
  /// `sample/s`); if None the text writer picks one unit for the whole
  /// column (displayUnitFor its largest magnitude).
  llvm::Optional<ir::Unit> display;

  /// The unit of its CSV header and JSON key (ir::exchangeUnitFor).
  ir::Unit exchangeUnit() const {
    return ir::exchangeUnitFor(dim, display ? *display : ir::Unit());
  }
};

/// Columns plus rows of cells; every row has one cell per column.
class Table {
public:
  /// Appends a column and returns its index.
  unsigned addColumn(llvm::StringRef name,
                     ir::Dimension dim = ir::Dimension::dimensionless(),
                     llvm::Optional<ir::Unit> display = llvm::None);
  /// Appends a row; it must have exactly one cell per column.
  void addRow(std::vector<Cell> cells);

  llvm::ArrayRef<Column> columns() const { return cols; }
  size_t numRows() const { return rowCells.size(); }
  llvm::ArrayRef<Cell> row(size_t i) const { return rowCells[i]; }

private:
  std::vector<Column> cols;
  std::vector<std::vector<Cell>> rowCells;
};

} // namespace calc::eval

#endif
