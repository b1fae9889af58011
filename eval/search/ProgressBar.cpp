//===- ProgressBar.cpp - Search progress on an interactive stderr ---------===//
#include "eval/search/ProgressBar.h"
#include "ir/NumberFormat.h"

#include <fmt/format.h>

using namespace calc::search;
using Clock = std::chrono::steady_clock;

ProgressBar::ProgressBar(llvm::raw_ostream &os, bool enabled,
                         uint64_t totalUnits)
    : os(os), enabled(enabled), totalUnits(totalUnits), start(Clock::now()),
      lastDraw(start) {}

void ProgressBar::update(uint64_t unitsDone, uint64_t candidates) {
  if (!enabled)
    return;
  Clock::time_point now = Clock::now();
  if (now - lastDraw < std::chrono::milliseconds(100))
    return;
  lastDraw = now;
  draw(unitsDone, candidates);
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
}
