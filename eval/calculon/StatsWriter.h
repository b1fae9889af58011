//===- StatsWriter.h - Calculon's `llm` outputs ---------------------------===//
//
// The stats JSON (96 keys, optional `layers`), the human-readable summary
// (docs/calculon-model.md §10.3) and the peers file (§10.4). Files are written
// by eval/output/AtomicFile, `.json.gz` through eval/output/Gzip.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_STATSWRITER_H
#define CALC_EVAL_CALCULON_STATSWRITER_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/Stats.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::calculon {

/// Writes the 96 statistics as a JSON object (2-space indent, or none when
/// `compact`), then calcc's own (ExtStatKeys.def) when `withExtStats` (a
/// mixture-of-experts model), then the per-layer list when `withLayers`.
/// Numbers are written as ints or floats following `types`
/// (cost::statTypes), so the text matches Calculon's Python output.
void writeStatsJson(llvm::raw_ostream &os, const cost::Stats &stats,
                    const cost::StatTypes &types,
                    llvm::ArrayRef<cost::LayerStats> layers, bool withLayers,
                    bool compact, bool withExtStats = false);

/// Writes the peers file: for every rank its TP group, next pipeline rank
/// and DP group (§10.4).
void writePeersJson(llvm::raw_ostream &os, const cost::Execution &exe);

/// calcc's layout of the summary (`llm ... - --calcc-summary`): sections
/// under rules; a mixture-of-experts model adds its expert parallelism and
/// a section of MoE statistics, context parallelism its ring time.
void writeSummary(llvm::raw_ostream &os, const cost::Model &model,
                  const cost::Execution &exe, const cost::Stats &stats);

/// Calculon's own summary of `llm ... -`, byte for byte (docs/calculon-model.md
/// §10.3): \p systemRepr is the system dict as Python prints it (PyRepr.h).
void writeCalculonSummary(llvm::raw_ostream &os, const cost::Model &model,
                          const cost::Execution &exe, const cost::Stats &stats,
                          llvm::StringRef systemRepr);


} // namespace calc::calculon

#endif
