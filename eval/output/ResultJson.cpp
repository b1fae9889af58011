//===- ResultJson.cpp - Records of `output json` --------------------------===//
#include "eval/output/ResultJson.h"

#include "eval/output/CsvWriter.h"

using namespace llvm;

namespace calc::eval {

void addQuantityMember(JsonValue &object, StringRef name, const Cell &value,
                       ir::Dimension dim) {
  // Only numbers carry a unit; a null keeps the unit so keys stay stable
  // across the records of one search.
  bool hasUnit = value.isNumber() || value.isNull();
  object.set(hasUnit ? headerWithBaseUnit(name, dim) : name.str(),
             JsonValue::fromCell(value));
}

JsonValue rowToJsonObject(const Table &table, size_t row) {
  JsonValue object = JsonValue::object();
  ArrayRef<Column> cols = table.columns();
  for (size_t c = 0; c < cols.size(); ++c)
    addQuantityMember(object, cols[c].name, table.row(row)[c], cols[c].dim);
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
