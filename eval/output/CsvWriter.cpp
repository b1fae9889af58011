//===- CsvWriter.cpp - RFC 4180 CSV in base units -------------------------===//
#include "eval/output/CsvWriter.h"

#include "ir/NumberFormat.h"

using namespace llvm;

namespace calc::eval {

std::string csvField(StringRef text) {
  if (text.find_first_of(",\"\r\n") == StringRef::npos)
    return text.str();
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"')
      quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string headerWithBaseUnit(StringRef name, ir::Dimension dim,
                               const ir::Unit &shown) {
  ir::Unit unit = ir::exchangeUnitFor(dim, shown);
  if (unit.isNone())
    return name.str();
  return name.str() + " [" + unit.text.str() + "]";
}

/// A cell in exchange format: SI base units, shortest round-trip numbers.
static std::string csvCell(const Cell &cell) {
  switch (cell.kind()) {
  case Cell::Kind::Null:
    return "";
  case Cell::Kind::Int:
    return ir::formatInt(cell.getInt());
  case Cell::Kind::Real:
    return ir::formatShortest(cell.getReal());
  case Cell::Kind::String:
    return csvField(cell.getExchange());
  case Cell::Kind::Bool:
    return cell.getBool() ? "true" : "false";
  }
  return "";
}

void writeCsv(const Table &table, raw_ostream &os) {
  ArrayRef<Column> cols = table.columns();
  if (cols.empty())
    return;
  for (size_t c = 0; c < cols.size(); ++c)
    os << (c ? "," : "")
       << csvField(headerWithBaseUnit(cols[c].name, cols[c].dim,
                                      cols[c].exchangeUnit()));
  os << '\n';
  for (size_t r = 0; r < table.numRows(); ++r) {
    ArrayRef<Cell> row = table.row(r);
    for (size_t c = 0; c < row.size(); ++c)
      os << (c ? "," : "") << csvCell(row[c]);
    os << '\n';
  }
}

} // namespace calc::eval
