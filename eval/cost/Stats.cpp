//===- Stats.cpp - Key tables of the statistics ---------------------------===//
#include "eval/cost/Stats.h"

using namespace calc::cost;

namespace {
struct StatInfo {
  const char *key;
  bool intTyped;
};
const StatInfo statInfos[] = {
#define STAT(Id, Key, IntTyped) {Key, IntTyped != 0},
#include "eval/cost/StatKeys.def"
};
static_assert(sizeof(statInfos) / sizeof(statInfos[0]) == NumStats,
              "StatKeys.def must list Calculon's 96 statistics");

const char *const layerStatKeys[] = {
#define LSTAT(Id, Key) Key,
#include "eval/cost/LayerStatKeys.def"
};
static_assert(sizeof(layerStatKeys) / sizeof(layerStatKeys[0]) ==
                  NumLayerStats,
              "LayerStatKeys.def must list 47 numeric per-layer keys");
} // namespace

llvm::StringRef calc::cost::statKey(Stat s) {
  return statInfos[static_cast<unsigned>(s)].key;
}

bool calc::cost::statIsIntTyped(Stat s) {
  return statInfos[static_cast<unsigned>(s)].intTyped;
}

llvm::StringRef calc::cost::layerStatKey(LayerStat s) {
  return layerStatKeys[static_cast<unsigned>(s)];
}
