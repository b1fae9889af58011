//===- Stats.cpp - Key tables of the statistics ---------------------------===//
#include "eval/cost/Stats.h"

using namespace calc::cost;

namespace {
const char *const statKeys[] = {
#define STAT(Id, Key) Key,
#include "eval/cost/StatKeys.def"
};
static_assert(sizeof(statKeys) / sizeof(statKeys[0]) == NumStats,
              "StatKeys.def must list Calculon's 96 statistics");

const char *const extStatKeys[] = {
#define XSTAT(Id, Key, Unit) Key,
#include "eval/cost/ExtStatKeys.def"
};
const char *const extStatUnits[] = {
#define XSTAT(Id, Key, Unit) Unit,
#include "eval/cost/ExtStatKeys.def"
};
static_assert(sizeof(extStatKeys) / sizeof(extStatKeys[0]) == NumExtStats,
              "NumExtStats must count ExtStatKeys.def");

const char *const layerStatKeys[] = {
#define LSTAT(Id, Key) Key,
#include "eval/cost/LayerStatKeys.def"
};
static_assert(sizeof(layerStatKeys) / sizeof(layerStatKeys[0]) == NumLayerStats,
              "LayerStatKeys.def must list 47 numeric per-layer keys");
} // namespace

llvm::StringRef calc::cost::statKey(Stat s) {
  return statKeys[static_cast<unsigned>(s)];
}

llvm::StringRef calc::cost::layerStatKey(LayerStat s) {
  return layerStatKeys[static_cast<unsigned>(s)];
}

llvm::StringRef calc::cost::extStatKey(ExtStat s) {
  return extStatKeys[static_cast<unsigned>(s)];
}

llvm::StringRef calc::cost::extStatUnit(ExtStat s) {
  return extStatUnits[static_cast<unsigned>(s)];
}
