//===- ProgressBar.h - Search progress on stderr --------------------------===//
//
// On a terminal: a one-line bar with the fraction of the space done, the
// candidate rate and the estimated time left, redrawn at most ten times a
// second and erased at the end (or by a signal, eval/output/TempFiles.h).
// Otherwise (a log file, a pipe): one line every `intervalSeconds` (10 s by
// default) with the candidates done out of the total, the rate and the
// feasible count, so the log of a long run shows it is alive; a run shorter
// than the interval prints none. Only stderr sees either: stdout never
// depends on timing.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_PROGRESSBAR_H
#define CALC_EVAL_SEARCH_PROGRESSBAR_H

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace calc::search {

/// The periodic line printed when stderr is not a terminal.
struct ProgressLog {
  std::string label;        ///< "search 'best'", "lae": starts the line
  uint64_t total = 0;       ///< candidates of the space
  bool exactTotal = true;   ///< false: `total` is a lower bound
  double intervalSeconds = DefaultIntervalSeconds; ///< < 0: no lines

  static constexpr double DefaultIntervalSeconds = 10;
};

/// Progress of `totalUnits` units of work (search groups).
class ProgressBar {
public:
  /// `terminal`: stderr is a terminal (draw the bar); otherwise `log`
  /// says what the periodic line is.
  ProgressBar(llvm::raw_ostream &os, bool terminal, uint64_t totalUnits,
              ProgressLog log = noLog());
  /// `unitsDone` of the total are finished, `candidates` evaluated so far,
  /// `feasible` of them accepted.
  void update(uint64_t unitsDone, uint64_t candidates, uint64_t feasible = 0);
  /// Erases the bar (call before printing the summary).
  void finish();

  /// A ProgressLog that prints nothing.
  static ProgressLog noLog() {
    ProgressLog log;
    log.intervalSeconds = -1;
    return log;
  }

private:
  void draw(uint64_t unitsDone, uint64_t candidates);
  void logLine(uint64_t candidates, uint64_t feasible, double seconds);

  llvm::raw_ostream &os;
  bool terminal;
  bool drawn = false;
  uint64_t totalUnits;
  ProgressLog log;
  std::chrono::steady_clock::time_point start, lastDraw, lastLog;
};

} // namespace calc::search

#endif
