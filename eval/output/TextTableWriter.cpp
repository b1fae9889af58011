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
    bool anyNumber = false, allNumbers = true;
    for (size_t r = 0; r < table.numRows(); ++r) {
      const Cell &cell = table.row(r)[c];
      anyNumber |= cell.isNumber();
      allNumbers &= cell.isNumber() || cell.isNull();
      text[r + 2].push_back(cellText(cell, unit, options.precision));
    }
    // A column of numbers (or of nulls only) shows its unit; a list or step
    // table shows its own units in each cell.
    bool showUnit = !unit.isNone() && allNumbers;
    text[0].push_back(showUnit ? col.name + " [" + unit.text.str() + "]"
                               : col.name);
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

/// The widest line of \p text.
static size_t widestLine(StringRef text) {
  size_t widest = 0;
  for (StringRef rest = text; !rest.empty();) {
    auto [line, tail] = rest.split('\n');
    widest = std::max(widest, displayWidth(line));
    rest = tail;
  }
  return widest;
}

size_t textTableWidth(const Table &table, const TextTableOptions &options) {
  std::string text;
  raw_string_ostream os(text);
  writeTextTable(table, os, options);
  return widestLine(os.str());
}

void writeTextTransposed(const Table &table, raw_ostream &os,
                         const TextTableOptions &options) {
  size_t numCols = table.columns().size(), numRows = table.numRows();
  if (numCols == 0)
    return;
  // Line 0 the ranks, line 1 dashes, then one line per other column; cell 0
  // of a line is its name.
  std::vector<std::vector<std::string>> text(numCols + 1);
  std::vector<bool> rightAlign(numCols + 1, true);
  for (unsigned c = 0; c < numCols; ++c) {
    const Column &col = table.columns()[c];
    ir::Unit unit = columnDisplayUnit(table, c);
    bool anyNumber = false, allNumbers = true;
    std::vector<std::string> line;
    for (size_t r = 0; r < numRows; ++r) {
      const Cell &cell = table.row(r)[c];
      anyNumber |= cell.isNumber();
      allNumbers &= cell.isNumber() || cell.isNull();
      line.push_back(cellText(cell, unit, options.precision));
    }
    bool showUnit = !unit.isNone() && allNumbers;
    line.insert(line.begin(),
                showUnit ? col.name + " [" + unit.text.str() + "]" : col.name);
    size_t at = c == 0 ? 0 : c + 1;
    text[at] = std::move(line);
    rightAlign[at] = anyNumber && allNumbers;
  }
  std::vector<size_t> width(numRows + 1, 0);
  for (const std::vector<std::string> &line : text)
    for (size_t i = 0; i < line.size(); ++i)
      width[i] = std::max(width[i], displayWidth(line[i]));
  for (size_t i = 0; i <= numRows; ++i)
    text[1].push_back(std::string(width[i], '-'));
  for (size_t l = 0; l < text.size(); ++l) {
    std::string out;
    for (size_t i = 0; i < text[l].size(); ++i) {
      const std::string &cell = text[l][i];
      size_t pad = width[i] - displayWidth(cell);
      if (i)
        out += "  ";
      bool right = i > 0 && rightAlign[l];
      if (right)
        out.append(pad, ' ');
      out += cell;
      if (!right)
        out.append(pad, ' ');
    }
    out.erase(out.find_last_not_of(' ') + 1);
    os << out << '\n';
  }
}

size_t textTransposedWidth(const Table &table,
                           const TextTableOptions &options) {
  std::string text;
  raw_string_ostream os(text);
  writeTextTransposed(table, os, options);
  return widestLine(os.str());
}

FieldGroup fieldGroup(const Column &column, const Cell &cell) {
  const ir::Dimension dim = column.dim, B = ir::Dimension::byteDim(),
                      S = ir::Dimension::secondDim(),
                      F = ir::Dimension::flopDim();
  if (!cell.isNumber() && !cell.isNull())
    return FieldGroup::Other;
  if (dim == S)
    return FieldGroup::Time;
  if (dim == B)
    return FieldGroup::Memory;
  if (dim == F || dim == F / S)
    return FieldGroup::Compute;
  if (dim == B / S)
    return FieldGroup::Bandwidth;
  if (dim.isDimensionless()) {
    if (cell.kind() == Cell::Kind::Real)
      return FieldGroup::Efficiency;
    if (cell.kind() == Cell::Kind::Int)
      return FieldGroup::Count;
    return FieldGroup::Other;
  }
  // Other per-second quantities: samples, tokens, requests per second.
  if ((dim * S).isDimensionless())
    return FieldGroup::Rate;
  return FieldGroup::Other;
}

StringRef fieldGroupName(FieldGroup group) {
  switch (group) {
  case FieldGroup::Time:
    return "time";
  case FieldGroup::Memory:
    return "memory";
  case FieldGroup::Efficiency:
    return "efficiency";
  case FieldGroup::Rate:
    return "rate";
  case FieldGroup::Compute:
    return "compute";
  case FieldGroup::Bandwidth:
    return "bandwidth";
  case FieldGroup::Count:
    return "count";
  case FieldGroup::Other:
    return "other";
  }
  return "other";
}

namespace {
/// One line of a vertical record: a heading ("rank 1", "time") when name
/// is empty, else a field.
struct RecordLine {
  unsigned indent = 0;
  std::string heading, name, value, unit;
  bool number = false;
};
} // namespace

/// The lines of row \p row, columns from \p first, at \p indent.
static void recordLines(const Table &table, size_t row, unsigned first,
                        unsigned indent, const std::vector<ir::Unit> &units,
                        const TextTableOptions &options,
                        std::vector<RecordLine> &out) {
  auto line = [&](unsigned c, unsigned at) {
    const Cell &cell = table.row(row)[c];
    RecordLine l;
    l.indent = at;
    l.name = table.columns()[c].name;
    l.value = cellText(cell, units[c], options.precision);
    l.number = cell.isNumber();
    if (l.number)
      l.unit = units[c].text.str();
    out.push_back(std::move(l));
  };
  unsigned numCols = unsigned(table.columns().size());
  if (!options.groups) {
    for (unsigned c = first; c < numCols; ++c)
      line(c, indent);
    return;
  }
  // Groups in their fixed order, each in column (schema) order.
  for (unsigned g = 0; g <= unsigned(FieldGroup::Other); ++g) {
    bool any = false;
    for (unsigned c = first; c < numCols; ++c) {
      if (unsigned(fieldGroup(table.columns()[c], table.row(row)[c])) != g)
        continue;
      if (!any) {
        RecordLine heading;
        heading.indent = indent;
        heading.heading = fieldGroupName(FieldGroup(g)).str();
        out.push_back(std::move(heading));
        any = true;
      }
      line(c, indent + 2);
    }
  }
}

static void writeRecordLines(const std::vector<RecordLine> &lines,
                             raw_ostream &os) {
  size_t nameEnd = 0, numberWidth = 0;
  for (const RecordLine &l : lines) {
    if (!l.heading.empty())
      continue;
    nameEnd = std::max(nameEnd, l.indent + displayWidth(l.name));
    if (l.number)
      numberWidth = std::max(numberWidth, displayWidth(l.value));
  }
  for (const RecordLine &l : lines) {
    std::string out(l.indent, ' ');
    if (!l.heading.empty()) {
      os << out << l.heading << '\n';
      continue;
    }
    out += l.name;
    out.append(nameEnd + 2 - l.indent - displayWidth(l.name), ' ');
    if (l.number)
      out.append(numberWidth - displayWidth(l.value), ' ');
    out += l.value;
    if (!l.unit.empty())
      out += " " + l.unit;
    out.erase(out.find_last_not_of(' ') + 1);
    os << out << '\n';
  }
}

static std::vector<ir::Unit> columnUnits(const Table &table) {
  std::vector<ir::Unit> units;
  for (unsigned c = 0; c < table.columns().size(); ++c)
    units.push_back(columnDisplayUnit(table, c));
  return units;
}

void writeTextRecord(const Table &table, size_t row, raw_ostream &os,
                     const TextTableOptions &options) {
  // Each line is its own quantity: the unit readable for this value.
  std::vector<ir::Unit> units;
  for (unsigned c = 0; c < table.columns().size(); ++c) {
    const Column &col = table.columns()[c];
    const Cell &cell = table.row(row)[c];
    units.push_back(col.display ? *col.display
                    : cell.isNumber()
                        ? ir::displayUnitFor(col.dim, cell.asDouble())
                        : ir::baseUnitFor(col.dim));
  }
  std::vector<RecordLine> lines;
  recordLines(table, row, 0, 0, units, options, lines);
  writeRecordLines(lines, os);
}

void writeTextRecords(const Table &table, raw_ostream &os,
                      const TextTableOptions &options, bool rankHeadings) {
  std::vector<ir::Unit> units = columnUnits(table);
  std::vector<RecordLine> lines;
  for (size_t r = 0; r < table.numRows(); ++r) {
    if (!rankHeadings) {
      recordLines(table, r, 0, 0, units, options, lines);
      continue;
    }
    RecordLine heading;
    // "rank 1" for a search's rows, "index 0" for a list's records.
    heading.heading = table.columns()[0].name + " " +
                      cellText(table.row(r)[0], units[0], 0);
    lines.push_back(std::move(heading));
    recordLines(table, r, 1, 2, units, options, lines);
  }
  writeRecordLines(lines, os);
}

} // namespace calc::eval
