//===- ProgressBar.h - Search progress on an interactive stderr -----------===//
//
// A one-line bar with the fraction of the space done, the candidate rate and
// the estimated time left, redrawn at most ten times a second. It is drawn
// only when stderr is a terminal, so logs and test outputs never see it.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_PROGRESSBAR_H
#define CALC_EVAL_SEARCH_PROGRESSBAR_H

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdint>

namespace calc::search {

/// Progress of `totalUnits` units of work (search groups).
class ProgressBar {
public:
  /// `enabled` is usually "stderr is a terminal".
  ProgressBar(llvm::raw_ostream &os, bool enabled, uint64_t totalUnits);
  /// `unitsDone` of the total are finished, `candidates` evaluated so far.
  void update(uint64_t unitsDone, uint64_t candidates);
  /// Erases the bar (call before printing the summary).
  void finish();

private:
  void draw(uint64_t unitsDone, uint64_t candidates);

  llvm::raw_ostream &os;
  bool enabled;
  bool drawn = false;
  uint64_t totalUnits;
  std::chrono::steady_clock::time_point start, lastDraw;
};

} // namespace calc::search

#endif
