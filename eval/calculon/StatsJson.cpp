//===- StatsJson.cpp - The `llm` statistics as Calculon's JSON ------------===//
//
// 96 statistics in Calculon's key order, calcc's own after them for
// mixture-of-experts models, and the optional per-layer list, each number
// written with Calculon's int/float type (cost::statTypes).
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/PyFloat.h"
#include "eval/calculon/StatsWriter.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

void writeNumber(raw_ostream &os, double value, bool isInt) {
  if (isInt)
    writePyInt(os, value);
  else
    writePyFloat(os, value);
}

void writeStat(raw_ostream &os, const cost::Stats &stats,
               const cost::StatTypes &types, cost::Stat s) {
  if (s == cost::Stat::ActCheckpointSizeWithOffload &&
      stats.checkpointWithOffloadIsNull) {
    os << "null";
    return;
  }
  writeNumber(os, stats[s], types.isInt[unsigned(s)]);
}

void writeLayer(raw_ostream &os, const cost::LayerStats &layer,
                const std::array<bool, cost::NumLayerStats> &isInt,
                StringRef indent, StringRef nl, StringRef comma) {
  os << "{" << nl << indent << "\"name\": \"" << layer.name << "\"";
  for (unsigned i = 0; i < cost::NumLayerStats; ++i) {
    os << comma << nl << indent << "\""
       << cost::layerStatKey(cost::LayerStat(i)) << "\": ";
    writeNumber(os, layer.values[i], isInt[i]);
  }
}

} // namespace

void calc::calculon::writeStatsJson(raw_ostream &os, const cost::Stats &stats,
                                    const cost::StatTypes &types,
                                    ArrayRef<cost::LayerStats> layers,
                                    bool withLayers, bool compact,
                                    bool withExtStats) {
  // Python's json.dump: indented, or on one line with ", " separators.
  StringRef nl = compact ? "" : "\n", in1 = compact ? "" : "  ";
  StringRef comma = compact ? ", " : ",";
  std::string in3 = compact ? "" : "      ";
  os << "{";
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    cost::Stat s = cost::Stat(i);
    os << (i ? comma : "") << nl << in1 << "\"" << cost::statKey(s) << "\": ";
    writeStat(os, stats, types, s);
  }
  for (unsigned i = 0; withExtStats && i < cost::NumExtStats; ++i) {
    cost::ExtStat x = cost::ExtStat(i);
    os << comma << nl << in1 << "\"" << cost::extStatKey(x) << "\": ";
    writeNumber(os, stats[x], types.isInt[cost::NumStats + i]);
  }
  if (withLayers) {
    os << comma << nl << in1 << "\"layers\": [";
    for (size_t i = 0; i < layers.size(); ++i) {
      os << (i ? comma : "") << nl << (compact ? "" : "    ");
      writeLayer(os, layers[i], types.layerIsInt[i], in3, nl, comma);
      os << nl << (compact ? "" : "    ") << "}";
    }
    os << nl << in1 << "]";
  }
  os << nl << "}" << nl;
}
