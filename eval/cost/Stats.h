//===- Stats.h - The results of one evaluation ----------------------------===//
//
// Calculon's 96 statistics (docs/calculon-model.md §10.1) as a flat array indexed
// by an enum in Calculon's key order, followed by calcc's own (model size,
// Megatron's FLOP count, mixture of experts), and the 48-key per-layer
// records of `llm -l` (§10.2). Values are SI: seconds, bytes, flop, bytes/s.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_STATS_H
#define CALC_EVAL_COST_STATS_H

#include "llvm/ADT/StringRef.h"

namespace calc::cost {

/// One statistic, in Calculon's output order.
enum class Stat : unsigned {
#define STAT(Id, Key) Id,
#include "eval/cost/StatKeys.def"
};
constexpr unsigned NumStats = 96;

/// Calculon's JSON key of a statistic ("block_fw_flops", ...).
llvm::StringRef statKey(Stat s);

/// calcc's statistics beyond Calculon's, in ExtStatKeys.def order.
enum class ExtStat : unsigned {
#define XSTAT(Id, Key, Unit) Id,
#include "eval/cost/ExtStatKeys.def"
};
constexpr unsigned NumExtStats = 16;

/// The key ("total_params", ...) and the unit the language shows ("s",
/// "B", "int", ...) of an extra statistic.
llvm::StringRef extStatKey(ExtStat s);
llvm::StringRef extStatUnit(ExtStat s);

/// The statistics of one evaluation: Calculon's 96, then calcc's own. T is
/// double; PyNum when Calculon's int/float typing is tracked (statTypes in
/// Training.h).
template <class T> struct StatsT {
  T values[NumStats + NumExtStats] = {};
  /// Calculon writes act_checkpoint_size_with_offload as null in inference
  /// (docs/calculon-model.md §9.2, quirk §15.15).
  bool checkpointWithOffloadIsNull = false;

  T &operator[](Stat s) { return values[static_cast<unsigned>(s)]; }
  const T &operator[](Stat s) const { return values[static_cast<unsigned>(s)]; }
  T &operator[](ExtStat s) {
    return values[NumStats + static_cast<unsigned>(s)];
  }
  const T &operator[](ExtStat s) const {
    return values[NumStats + static_cast<unsigned>(s)];
  }
};
using Stats = StatsT<double>;

/// One numeric per-layer statistic (after the leading "name").
enum class LayerStat : unsigned {
#define LSTAT(Id, Key) Id,
#include "eval/cost/LayerStatKeys.def"
};
constexpr unsigned NumLayerStats = 47;

/// Calculon's JSON key of a per-layer statistic.
llvm::StringRef layerStatKey(LayerStat s);

/// The statistics of one layer of one block (`llm -l`).
struct LayerStats {
  llvm::StringRef name; ///< Calculon's layer name, e.g. "AttnBlock_Query"
  double values[NumLayerStats] = {};

  double &operator[](LayerStat s) { return values[static_cast<unsigned>(s)]; }
  double operator[](LayerStat s) const {
    return values[static_cast<unsigned>(s)];
  }
};

} // namespace calc::cost

#endif
