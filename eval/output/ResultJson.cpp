//===- ResultJson.cpp - Records of `output json` --------------------------===//
#include "eval/output/ResultJson.h"

#include "eval/output/CsvWriter.h"

using namespace llvm;

namespace calc::eval {

void addQuantityMember(JsonValue &object, StringRef name, const Cell &value,
                       ir::Dimension dim, const ir::Unit &shown) {
  // Only numbers carry a unit; a null keeps the unit so keys stay stable
  // across the records of one search.
  bool hasUnit = value.isNumber() || value.isNull();
  object.set(hasUnit ? headerWithBaseUnit(name, dim, shown) : name.str(),
             JsonValue::fromCell(value));
}

JsonValue rowToJsonObject(const Table &table, size_t row,
                          unsigned firstColumn) {
  JsonValue object = JsonValue::object();
  ArrayRef<Column> cols = table.columns();
  for (size_t c = firstColumn; c < cols.size(); ++c)
    addQuantityMember(object, cols[c].name, table.row(row)[c], cols[c].dim,
                      cols[c].exchangeUnit());
  return object;
}

JsonValue
makeResultRecord(int64_t rank,
                 std::vector<std::pair<std::string, JsonValue>> inputs,
                 JsonValue results) {
  JsonValue record = JsonValue::object();
  record.set("rank", JsonValue::integer(rank));
  for (auto &in : inputs)
    record.set(in.first, std::move(in.second));
  record.set("results", std::move(results));
  return record;
}

} // namespace calc::eval
