//===- Rates.cpp - Tokens per second and model FLOPs utilisation ----------===//
//
// Formulas and citations: Rates.h and docs/model.md §13.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/Rates.h"

using namespace calc::cost;

namespace {
const char *const rateKeys[] = {
#define RSTAT(Id, Key, Unit) Key,
#include "eval/cost/RateStatKeys.def"
};
const char *const rateUnits[] = {
#define RSTAT(Id, Key, Unit) Unit,
#include "eval/cost/RateStatKeys.def"
};
static_assert(sizeof(rateKeys) / sizeof(rateKeys[0]) == NumRateStats,
              "NumRateStats must count RateStatKeys.def");
} // namespace

llvm::StringRef calc::cost::rateStatKey(RateStat s) {
  return rateKeys[static_cast<unsigned>(s)];
}

llvm::StringRef calc::cost::rateStatUnit(RateStat s) {
  return rateUnits[static_cast<unsigned>(s)];
}

void calc::cost::trainingRates(const Model &model, const System &system,
                               const Execution &exe, const Stats &stats,
                               TrainingRates &out) {
  double procs = double(exe.numProcs);
  double tokens = stats[Stat::SampleRate] * double(model.seqSize);
  out[RateStat::TokenRate] = tokens;
  out[RateStat::TokenRatePerProc] = tokens / procs;
  double peak = system.matrix[static_cast<unsigned>(exe.matrixDatatype)].peak;
  out[RateStat::PeakFlopsPerProc] = peak;
  double passes = exe.training ? 1.0 : 1.0 / 3.0;
  double work = stats[ExtStat::ModelFlops] * passes;
  double capacity = stats[Stat::TotalTime] * procs * peak;
  out[RateStat::Mfu] = capacity > 0 ? work / capacity : 0.0;
}
