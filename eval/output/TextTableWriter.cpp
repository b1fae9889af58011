//===- TextTableWriter.cpp - Aligned text tables --------------------------===//
#include "eval/output/TextTableWriter.h"

#include <algorithm>
#include <cmath>

using namespace llvm;

namespace calc::eval {

ir::Unit columnDisplayUnit(const Table &table, unsigned column) {
  const Column &col = table.columns()[column];
  if (col.display)
    return *col.display;
  if (col.dim.isDimensionless())
    return ir::baseUnitFor(col.dim);
  // One unit for the whole column, readable for its largest value.
  double largest = 0;
  for (size_t r = 0; r < table.numRows(); ++r) {
    const Cell &cell = table.row(r)[column];
    if (cell.isNumber() && std::isfinite(cell.asDouble()))
      largest = std::max(largest, std::fabs(cell.asDouble()));
  }
  return ir::displayUnitFor(col.dim, largest);
}

/// The text of one cell, the number converted to \p unit (shown in the
/// header, not in the cell).
static std::string cellText(const Cell &cell, const ir::Unit &unit,
                            unsigned precision) {
  switch (cell.kind()) {
  case Cell::Kind::Null:
    return "-";
  case Cell::Kind::Int:
    // Integers in an exact unit keep every digit.
    if (unit.scale == 1.0)
      return ir::formatInt(cell.getInt());
    return ir::formatSignificant(unit.fromSI(cell.asDouble()), precision);
  case Cell::Kind::Real:
    return ir::formatSignificant(unit.fromSI(cell.getReal()), precision);
  case Cell::Kind::String:
    return cell.getString().str();
  case Cell::Kind::Bool:
    return cell.getBool() ? "true" : "false";
  }
  return "";
}

/// Display width: UTF-8 continuation bytes take no column.
static size_t displayWidth(StringRef text) {
  return std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

void writeTextTable(const Table &table, raw_ostream &os,
                    const TextTableOptions &options) {
  size_t numCols = table.columns().size();
  if (numCols == 0)
    return;
  // Row 0 is the header, row 1 the dashes, then the table's rows.
  std::vector<std::vector<std::string>> text(table.numRows() + 2);
  std::vector<size_t> width(numCols, 0);
  std::vector<bool> rightAlign(numCols, false);
  for (unsigned c = 0; c < numCols; ++c) {
    const Column &col = table.columns()[c];
    ir::Unit unit = columnDisplayUnit(table, c);
    text[0].push_back(unit.isNone() ? col.name
                                    : col.name + " [" + unit.text.str() + "]");
    bool anyNumber = false, allNumbers = true;
    for (size_t r = 0; r < table.numRows(); ++r) {
      const Cell &cell = table.row(r)[c];
      anyNumber |= cell.isNumber();
      allNumbers &= cell.isNumber() || cell.isNull();
      text[r + 2].push_back(cellText(cell, unit, options.precision));
    }
    rightAlign[c] = anyNumber && allNumbers;
    for (size_t r = 0; r < text.size(); ++r)
      if (r != 1)
        width[c] = std::max(width[c], displayWidth(text[r][c]));
    text[1].push_back(std::string(width[c], '-'));
  }
  for (const std::vector<std::string> &line : text) {
    std::string out;
    for (unsigned c = 0; c < numCols; ++c) {
      size_t pad = width[c] - displayWidth(line[c]);
      if (c)
        out += "  ";
      if (rightAlign[c])
        out.append(pad, ' ');
      out += line[c];
      if (!rightAlign[c])
        out.append(pad, ' ');
    }
    out.erase(out.find_last_not_of(' ') + 1);
    os << out << '\n';
  }
}

void writeTextRecord(const Table &table, size_t row, raw_ostream &os,
                     const TextTableOptions &options) {
  struct Line {
    std::string name, value, unit;
    bool number;
  };
  std::vector<Line> lines;
  size_t nameWidth = 0, numberWidth = 0;
  for (unsigned c = 0; c < table.columns().size(); ++c) {
    const Column &col = table.columns()[c];
    const Cell &cell = table.row(row)[c];
    // Each line is its own quantity, so each value gets its readable unit.
    ir::Unit unit = col.display ? *col.display
                    : cell.isNumber()
                        ? ir::displayUnitFor(col.dim, cell.asDouble())
                        : ir::baseUnitFor(ir::Dimension());
    Line line{col.name, cellText(cell, unit, options.precision),
              cell.isNumber() ? unit.text.str() : "", cell.isNumber()};
    nameWidth = std::max(nameWidth, displayWidth(line.name));
    if (line.number)
      numberWidth = std::max(numberWidth, displayWidth(line.value));
    lines.push_back(std::move(line));
  }
  for (const Line &line : lines) {
    std::string out = line.name;
    out.append(nameWidth + 2 - displayWidth(line.name), ' ');
    if (line.number)
      out.append(numberWidth - displayWidth(line.value), ' ');
    out += line.value;
    if (!line.unit.empty())
      out += " " + line.unit;
    out.erase(out.find_last_not_of(' ') + 1);
    os << out << '\n';
  }
}

} // namespace calc::eval
