//===- Charts.h - Figures of results: bars, stacked bars, scatter ---------===//
//
// The pictures of `output plot` and `--report` (docs/units-and-output.md,
// Plots), as plain data rendered to SVG. A Figure is panels stacked top to
// bottom: horizontal (stacked) bars against one axis, optionally with a
// limit line (a memory capacity), or a scatter of two quantities with a
// Pareto front. Values are in SI base units with a dimension; each axis
// shows them in one unit by the one unit rule (a unit someone chose, else
// ir::displayUnitFor its largest magnitude), ticks at nice numbers of that
// unit. Colours come from the Okabe–Ito palette (distinguishable with the
// common colour-vision deficiencies). This layer knows nothing of the
// language: eval/PlotStatement.cpp turns results into Figures.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_CHARTS_H
#define CALC_EVAL_OUTPUT_CHARTS_H

#include "ir/Units.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calc::eval {

/// The Okabe–Ito colours, and a grey for "other".
namespace palette {
inline constexpr const char *Orange = "#E69F00";
inline constexpr const char *SkyBlue = "#56B4E9";
inline constexpr const char *Green = "#009E73";
inline constexpr const char *Yellow = "#F0E442";
inline constexpr const char *Blue = "#0072B2";
inline constexpr const char *Vermillion = "#D55E00";
inline constexpr const char *Purple = "#CC79A7";
inline constexpr const char *Black = "#000000";
inline constexpr const char *Grey = "#999999";
} // namespace palette

/// What an axis measures: a label ("time", "sample_rate") and the dimension
/// of its values; \p unit if someone chose one (`as U`, a declared name).
struct ChartAxis {
  std::string label;
  ir::Dimension dim;
  llvm::Optional<ir::Unit> unit;
};

/// One piece of a bar.
struct BarSegment {
  std::string label; ///< Its legend text ("forward compute").
  /// What it shows, as a data-field attribute: a result field
  /// ("fw_time"), a difference ("tp_comm_link_time - tp_comm_exposed_time")
  /// or the part of a total no other segment names ("rest of total_time").
  std::string field;
  double value = 0;  ///< SI base units.
  const char *colour = palette::Blue;
  bool light = false; ///< Drawn faded (hidden communication).
};

/// One bar: a row label and its segments, stacked left to right.
struct BarRow {
  std::string label;
  std::vector<BarSegment> segments;
  bool highlight = false; ///< Drawn with a heavier outline (the best).
};

/// Horizontal bars against one axis.
struct BarPanel {
  std::string title;
  ChartAxis axis;
  std::vector<BarRow> rows;
  /// A vertical limit line (a memory capacity) and its label; a bar past it
  /// is marked as exceeding it.
  llvm::Optional<double> limit;
  std::string limitLabel;
  /// Show each segment's value and share of its bar in the legend (a
  /// breakdown of one total); else the legend names the kinds only.
  bool legendValues = true;
  /// Draw the legend (none for bars of one kind the title names).
  bool legend = true;
};

struct ScatterPoint {
  double x = 0, y = 0; ///< SI base units.
  int64_t rank = 0;
  bool front = false; ///< On the Pareto front.
};

/// Points of two quantities; the Pareto front joined and highlighted.
struct ScatterPanel {
  std::string title;
  ChartAxis x, y;
  std::vector<ScatterPoint> points;
  bool hasFront = false;
  std::string frontNote; ///< "lower x and higher y are better"
};

struct Panel {
  enum class Kind { Bars, Scatter } kind = Kind::Bars;
  BarPanel bars;
  ScatterPanel scatter;
};

/// A titled column of panels.
struct Figure {
  std::string title;
  std::string subtitle;
  std::vector<Panel> panels;
};

/// The figure as an `<svg>` element; numbers shown with \p digits
/// significant digits (`--precision`).
std::string renderFigure(const Figure &figure, unsigned digits);

/// Which of the points are Pareto-optimal: no other point is at least as
/// good in both coordinates and better in one. Equal points are all on it.
std::vector<bool> paretoFront(const std::vector<double> &xs,
                              const std::vector<double> &ys, bool maximizeX,
                              bool maximizeY);

/// Tick values covering [lo, hi]: multiples of 1, 2 or 5 times a power of
/// ten, at most \p maxTicks + 1 of them, the first <= lo and the last >= hi.
std::vector<double> niceTicks(double lo, double hi, unsigned maxTicks = 6);

} // namespace calc::eval

#endif
