//===- ProgressBar.cpp - Search progress on stderr ------------------------===//
#include "eval/search/ProgressBar.h"
#include "eval/output/TempFiles.h"
#include "ir/NumberFormat.h"

#include <fmt/format.h>

using namespace calc::search;
using Clock = std::chrono::steady_clock;

ProgressBar::ProgressBar(llvm::raw_ostream &os, bool terminal,
                         uint64_t totalUnits, ProgressLog log)
    : os(os), terminal(terminal), totalUnits(totalUnits), log(std::move(log)),
      start(Clock::now()), lastDraw(start), lastLog(start) {}

void ProgressBar::update(uint64_t unitsDone, uint64_t candidates,
                         uint64_t feasible) {
  Clock::time_point now = Clock::now();
  if (!terminal) {
    if (log.intervalSeconds < 0 ||
        std::chrono::duration<double>(now - lastLog).count() <
            log.intervalSeconds)
      return;
    lastLog = now;
    logLine(candidates, feasible,
            std::chrono::duration<double>(now - start).count());
    return;
  }
  if (now - lastDraw < std::chrono::milliseconds(100))
    return;
  lastDraw = now;
  draw(unitsDone, candidates);
}

void ProgressBar::logLine(uint64_t candidates, uint64_t feasible,
                          double seconds) {
  os << log.label << ": " << candidates;
  if (log.exactTotal && log.total)
    os << fmt::format(" of {} candidates ({:.1f}%)", log.total,
                      100.0 * double(candidates) / double(log.total));
  else
    os << " candidates";
  double rate = seconds > 0 ? double(candidates) / seconds : 0;
  os << fmt::format(", {:.0f}/s, {} feasible, {:.0f} s\n", rate, feasible,
                    seconds);
  os.flush();
}

void ProgressBar::draw(uint64_t unitsDone, uint64_t candidates) {
  constexpr unsigned Width = 30;
  double fraction = totalUnits ? double(unitsDone) / double(totalUnits) : 1;
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  double rate = seconds > 0 ? double(candidates) / seconds : 0;
  double eta = fraction > 0 ? seconds * (1 - fraction) / fraction : 0;
  unsigned filled = unsigned(fraction * Width);
  std::string bar(filled, '#');
  bar.resize(Width, '.');
  // Erased if a signal ends the process; set first, so that no instant
  // after the bar shows is without it.
  eval::setStderrLineInUse(true);
  os << fmt::format("\r[{}] {:5.1f}% {}, {:.0f}/s, ETA {:.0f}s ", bar,
                    fraction * 100, ir::countOf(candidates, "candidate"), rate,
                    eta);
  os.flush();
  drawn = true;
}

void ProgressBar::finish() {
  if (!drawn)
    return;
  os << '\r' << std::string(79, ' ') << '\r';
  os.flush();
  drawn = false;
  eval::setStderrLineInUse(false);
}
