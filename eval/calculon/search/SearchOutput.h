//===- SearchOutput.h - Calculon's loe/lae result files -------------------===//
//
// The files of `loe` (docs/calculon-model.md §11.2: a JSON object of ranked
// {"execution", "stats"} pairs, or a CSV with a rank column) and the rows of
// `lae` (§11.3: 23 execution values then 96 statistics, no rank column).
// Keys and values are spelled as Calculon's Python writes them.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_SEARCH_SEARCHOUTPUT_H
#define CALC_EVAL_CALCULON_SEARCH_SEARCHOUTPUT_H

#include "eval/cost/Execution.h"
#include "eval/cost/Stats.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace calc::calculon {

/// One ranked result of `loe`; `layers` is filled only with `-l`. `types`
/// says which numbers Calculon writes as ints (cost::statTypes).
struct RankedExecution {
  cost::Execution exe;
  cost::Stats stats;
  cost::StatTypes types;
  llvm::SmallVector<cost::LayerStats, 0> layers;
};

/// The `attention_type` the searches write for \p model: "multiquery" for
/// one key/value head, else "multihead" (the searches refuse the grouped
/// models in between, which Calculon's format cannot say).
llvm::StringRef attentionTypeName(const cost::Model &model);

/// The CSV header: [rank column ","] 23 execution keys, 96 stat keys and,
/// with `withLayers`, "layers"; ends with a newline. With `experts` (a
/// mixture-of-experts model) the expert execution keys follow the 23 and
/// calcc's statistics (ExtStatKeys.def) follow the 96.
void writeCsvHeader(llvm::raw_ostream &os, bool rankColumn, bool withLayers,
                    bool experts = false);

/// One CSV row without rank column or newline: the 23 execution values
/// (\p attention for attention_type) and 96 statistics as Python str()
/// (True/False, ints, shortest float repr); with `experts`, as the header.
void writeCsvValues(llvm::raw_ostream &os, llvm::StringRef attention,
                    const cost::Execution &exe, const cost::Stats &stats,
                    const cost::StatTypes &types, bool experts = false);

/// The `loe` JSON document: {"0": {"execution": …, "stats": …}, …}, indented
/// by 2 unless `compact`; no trailing newline, like json.dumps. With
/// `experts`, the expert keys and statistics follow Calculon's.
void writeOptimalJson(llvm::raw_ostream &os, llvm::StringRef attention,
                      llvm::ArrayRef<RankedExecution> ranked, bool withLayers,
                      bool compact, bool experts = false);

/// The `loe` CSV: header with an empty first cell, then one row per rank.
void writeOptimalCsv(llvm::raw_ostream &os, llvm::StringRef attention,
                     llvm::ArrayRef<RankedExecution> ranked, bool withLayers,
                     bool experts = false);

} // namespace calc::calculon

#endif
