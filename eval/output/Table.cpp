//===- Table.cpp - Cells, columns and rows of an output table -------------===//
#include "eval/output/Table.h"

#include <cassert>

namespace calc::eval {

Cell Cell::integer(int64_t v) {
  Cell c;
  c.k = Kind::Int;
  c.intValue = v;
  return c;
}

Cell Cell::real(double v) {
  Cell c;
  c.k = Kind::Real;
  c.realValue = v;
  return c;
}

Cell Cell::string(llvm::StringRef v) {
  Cell c;
  c.k = Kind::String;
  c.stringValue = v.str();
  return c;
}

Cell Cell::string(llvm::StringRef display, llvm::StringRef exchange) {
  Cell c = string(display);
  c.hasExchange = true;
  c.exchangeValue = exchange.str();
  return c;
}

Cell Cell::boolean(bool v) {
  Cell c;
  c.k = Kind::Bool;
  c.intValue = v;
  return c;
}

unsigned Table::addColumn(llvm::StringRef name, ir::Dimension dim,
                          llvm::Optional<ir::Unit> display) {
  assert(rowCells.empty() && "columns are added before rows");
  cols.push_back(Column{name.str(), dim, display});
  return cols.size() - 1;
}

void Table::addRow(std::vector<Cell> cells) {
  assert(cells.size() == cols.size() && "one cell per column");
  rowCells.push_back(std::move(cells));
}

} // namespace calc::eval
