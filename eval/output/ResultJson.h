//===- ResultJson.h - `output json` (docs/language-reference.md §6) -------===//
//
// An evaluate is one object, a search a rank-ordered array of them:
//
//   { "rank": 1,
//     "model":     { "name": "megatron_1t", "hidden": 25600, ... },
//     "system":    { "name": "a100_80g", "mem1": { "capacity [B]": 85899345920,
//     ... } }, "execution": { "name": "tp4_pp64", "tensor_par": 4, ... },
//     "results":   { "total_time [s]": 123.4, "sample_rate [1/s]": 23.29, ... }
//     }
//
// Keys of dimensioned numbers carry their base unit (as CSV headers do);
// values are in SI base units. Sema fills the objects with the builders
// below, in schema order.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_RESULTJSON_H
#define CALC_EVAL_OUTPUT_RESULTJSON_H

#include "eval/output/Json.h"
#include "eval/output/Table.h"

#include <string>
#include <utility>
#include <vector>

namespace calc::eval {

/// Adds \p name (with " [unit]" when \p dim has one) = \p value to \p object.
/// \p shown names the unit as headerWithBaseUnit says.
void addQuantityMember(JsonValue &object, llvm::StringRef name,
                       const Cell &value,
                       ir::Dimension dim = ir::Dimension::dimensionless(),
                       const ir::Unit &shown = ir::Unit());

/// Row \p row of \p table as an object: one member per column from
/// \p firstColumn, keyed as in the CSV header.
JsonValue rowToJsonObject(const Table &table, size_t row,
                          unsigned firstColumn = 0);

/// { "rank", <each analysis input>, "results" } in that order (for
/// training: model, system, execution). The rank key is always present (an
/// evaluate writes rank 1).
JsonValue
makeResultRecord(int64_t rank,
                 std::vector<std::pair<std::string, JsonValue>> inputs,
                 JsonValue results);

} // namespace calc::eval

#endif
