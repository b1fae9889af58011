//===- Charts.cpp - Figures of results rendered to SVG --------------------===//
//
// Layout in pixels of a fixed-width figure; every position is a function of
// the figure's data alone, so a figure is the same bytes on every run.
//
//===----------------------------------------------------------------------===//
#include "eval/output/Charts.h"

#include "eval/output/Svg.h"
#include "ir/NumberFormat.h"

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace calc;
using namespace calc::eval;

namespace {

constexpr double Width = 760;
constexpr double Margin = 20;
constexpr double BarHeight = 22, BarGap = 8;
constexpr double LegendRow = 18;
constexpr const char *Ink = "#222222", *GridInk = "#DDDDDD";

/// The unit an axis shows its values in.
ir::Unit axisUnit(const ChartAxis &axis, double maxAbs) {
  return axis.unit ? *axis.unit : ir::displayUnitFor(axis.dim, maxAbs);
}

/// "time [ms]", or the bare label for a plain number.
std::string axisTitle(const ChartAxis &axis, const ir::Unit &unit) {
  return unit.isNone() ? axis.label : axis.label + " [" + unit.text.str() + "]";
}

/// Ticks in the display unit over [lo, hi], never a zero-width range.
std::vector<double> ticksFor(double lo, double hi, bool fromZero) {
  if (fromZero) {
    lo = std::min(lo, 0.0);
    hi = std::max(hi, 0.0);
  }
  if (!(hi > lo)) {
    double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= fromZero && lo >= 0 ? 0 : pad;
    hi += pad;
  }
  return niceTicks(lo, hi);
}

/// Maps display-unit values onto [p0, p1] pixels.
struct Scale {
  double lo, hi, p0, p1;
  double operator()(double v) const {
    return p0 + (v - lo) / (hi - lo) * (p1 - p0);
  }
};

class FigureRenderer {
public:
  FigureRenderer(unsigned digits) : svg(Width), digits(digits) {}

  std::string render(const Figure &f) {
    svg.text(Margin, 28, f.title, "start",
             {{"font-size", "16"}, {"font-weight", "bold"}, {"fill", Ink}});
    double y = 36;
    if (!f.subtitle.empty()) {
      svg.text(Margin, 48, f.subtitle, "start", {{"fill", "#555555"}});
      y = 56;
    }
    for (const Panel &p : f.panels)
      y = p.kind == Panel::Kind::Bars ? bars(p.bars, y + 12)
                                      : scatter(p.scatter, y + 12);
    svg.setHeight(y + Margin);
    return svg.element();
  }

private:
  std::string show(double si, const ir::Unit &unit) const {
    return ir::formatInUnit(si, unit, digits);
  }

  void panelTitle(const std::string &title, double y) {
    svg.text(Margin, y, title, "start",
             {{"font-size", "13"}, {"font-weight", "bold"}, {"fill", Ink}});
  }

  /// A legend swatch and its text; returns the next entry's position.
  void legendEntry(double x, double y, const char *colour, bool light,
                   bool round, const std::string &text) {
    SvgAttrs a;
    if (light)
      a.emplace_back("fill-opacity", "0.4");
    if (round)
      svg.circle(x + 6, y + 6, 5, colour, a);
    else
      svg.rect(x, y, 12, 12, colour, a);
    svg.text(x + 18, y + 10.5, text, "start", {{"fill", Ink}});
  }

  double bars(const BarPanel &p, double top) {
    svg.open({{"class", "bars"}});
    panelTitle(p.title, top + 14);
    // The axis spans every segment, every bar's total and the limit.
    double lo = 0, hi = 0, maxAbs = 0;
    for (const BarRow &r : p.rows) {
      double total = 0;
      for (const BarSegment &s : r.segments) {
        total += s.value;
        lo = std::min(lo, s.value);
        maxAbs = std::max(maxAbs, std::fabs(s.value));
      }
      hi = std::max(hi, total);
      maxAbs = std::max(maxAbs, std::fabs(total));
    }
    if (p.limit) {
      hi = std::max(hi, *p.limit);
      maxAbs = std::max(maxAbs, std::fabs(*p.limit));
    }
    ir::Unit unit = axisUnit(p.axis, maxAbs);
    std::vector<double> ticks =
        ticksFor(unit.fromSI(lo), unit.fromSI(hi), true);
    double rowsTop = top + 28;
    // Notes under the title: the bars past the limit.
    std::vector<std::string> notes;
    if (p.limit)
      for (const BarRow &r : p.rows) {
        double total = 0;
        for (const BarSegment &s : r.segments)
          total += s.value;
        if (total > *p.limit)
          notes.push_back(r.label + " exceeds " + p.limitLabel + " (" +
                          show(*p.limit, unit) + ") by " +
                          show(total - *p.limit, unit));
      }
    for (const std::string &note : notes) {
      svg.text(Margin, rowsTop + 4, note, "start",
               {{"fill", palette::Vermillion}, {"class", "overflow"}});
      rowsTop += 16;
    }
    if (p.limit)
      rowsTop += 14; // Room for the limit's label.
    double rowsBottom =
        rowsTop + double(p.rows.size()) * (BarHeight + BarGap) - BarGap;
    Scale x{ticks.front(), ticks.back(), 190, Width - 140};
    double axisY = rowsBottom + 6;
    for (double t : ticks) {
      svg.line(x(t), rowsTop - 4, x(t), axisY, GridInk);
      svg.line(x(t), axisY, x(t), axisY + 4, Ink);
      svg.text(x(t), axisY + 16, ir::formatSignificant(t, digits), "middle",
               {{"fill", Ink}});
    }
    svg.line(x.p0, axisY, x.p1, axisY, Ink);
    svg.text((x.p0 + x.p1) / 2, axisY + 34, axisTitle(p.axis, unit),
             "middle", {{"fill", Ink}});
    double zero = x(0);
    for (size_t i = 0; i < p.rows.size(); ++i) {
      const BarRow &r = p.rows[i];
      double y = rowsTop + double(i) * (BarHeight + BarGap);
      svg.open({{"class", "bar"}, {"data-label", r.label}});
      svg.text(x.p0 - 8, y + 15, r.label, "end", {{"fill", Ink}});
      double at = zero, total = 0;
      for (const BarSegment &s : r.segments) {
        double w = x(unit.fromSI(s.value)) - zero;
        double left = w >= 0 ? at : at + w;
        SvgAttrs a{{"data-field", s.field},
                   {"data-value", ir::formatShortest(s.value)}};
        if (s.light)
          a.emplace_back("fill-opacity", "0.4");
        svg.rect(left, y, std::fabs(w), BarHeight, s.colour, a,
                 s.label + ": " + show(s.value, unit));
        at += w;
        total += s.value;
      }
      if (r.highlight)
        svg.rect(std::min(zero, at), y, std::fabs(at - zero), BarHeight,
                 "none", {{"stroke", Ink}, {"stroke-width", "2"}});
      svg.text(std::max(at, zero) + 6, y + 15, show(total, unit), "start",
               {{"fill", Ink}, {"class", "total"}});
      svg.close();
    }
    if (p.limit) {
      double lx = x(unit.fromSI(*p.limit));
      svg.line(lx, rowsTop - 8, lx, axisY, Ink,
               {{"stroke-width", "1.5"},
                {"stroke-dasharray", "5,3"},
                {"class", "limit"},
                {"data-value", ir::formatShortest(*p.limit)}});
      svg.text(lx, rowsTop - 12, p.limitLabel + " " + show(*p.limit, unit),
               lx > Width / 2 ? "end" : "start", {{"fill", Ink}});
    }
    double y = barLegend(p, unit, axisY + 48);
    svg.close();
    return y;
  }

  /// The legend of a bar panel: each kind of segment once, in order.
  double barLegend(const BarPanel &p, const ir::Unit &unit, double top) {
    struct Entry {
      const BarSegment *segment;
      double rowTotal;
      unsigned uses;
    };
    std::vector<Entry> entries;
    for (const BarRow &r : p.rows) {
      double total = 0;
      for (const BarSegment &s : r.segments)
        total += s.value;
      for (const BarSegment &s : r.segments) {
        auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const Entry &e) {
                                 return e.segment->label == s.label;
                               });
        if (it == entries.end())
          entries.push_back({&s, total, 1});
        else
          ++it->uses;
      }
    }
    if (!p.legend)
      return top - 12; // One kind of bar: the title says what it is.
    double column = (Width - 2 * Margin) / 2;
    for (size_t i = 0; i < entries.size(); ++i) {
      const BarSegment &s = *entries[i].segment;
      std::string text = s.label;
      if (p.legendValues && entries[i].uses == 1) {
        text += "  " + show(s.value, unit);
        if (entries[i].rowTotal > 0)
          text += " (" +
                  ir::formatSignificant(100 * s.value / entries[i].rowTotal,
                                        3) +
                  " %)";
      }
      legendEntry(Margin + double(i % 2) * column,
                  top + double(i / 2) * LegendRow, s.colour, s.light, false,
                  text);
    }
    return top + double((entries.size() + 1) / 2) * LegendRow;
  }

  double scatter(const ScatterPanel &p, double top) {
    svg.open({{"class", "scatter"}});
    panelTitle(p.title, top + 14);
    double xMax = 0, yMax = 0;
    for (const ScatterPoint &pt : p.points) {
      xMax = std::max(xMax, std::fabs(pt.x));
      yMax = std::max(yMax, std::fabs(pt.y));
    }
    ir::Unit xu = axisUnit(p.x, xMax), yu = axisUnit(p.y, yMax);
    auto range = [](const std::vector<ScatterPoint> &pts, bool isX,
                    const ir::Unit &u) {
      double lo = INFINITY, hi = -INFINITY;
      for (const ScatterPoint &pt : pts) {
        double v = u.fromSI(isX ? pt.x : pt.y);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      return std::make_pair(lo, hi);
    };
    auto [xlo, xhi] = range(p.points, true, xu);
    auto [ylo, yhi] = range(p.points, false, yu);
    std::vector<double> xt = ticksFor(xlo, xhi, false);
    std::vector<double> yt = ticksFor(ylo, yhi, false);
    double plotTop = top + 30, plotBottom = plotTop + 300;
    Scale x{xt.front(), xt.back(), 100, Width - 40};
    Scale y{yt.front(), yt.back(), plotBottom, plotTop};
    for (double t : xt) {
      svg.line(x(t), plotTop, x(t), plotBottom, GridInk);
      svg.text(x(t), plotBottom + 16, ir::formatSignificant(t, digits),
               "middle", {{"fill", Ink}});
    }
    for (double t : yt) {
      svg.line(x.p0, y(t), x.p1, y(t), GridInk);
      svg.text(x.p0 - 6, y(t) + 4, ir::formatSignificant(t, digits), "end",
               {{"fill", Ink}});
    }
    svg.line(x.p0, plotBottom, x.p1, plotBottom, Ink);
    svg.line(x.p0, plotTop, x.p0, plotBottom, Ink);
    svg.text((x.p0 + x.p1) / 2, plotBottom + 36, axisTitle(p.x, xu), "middle",
             {{"fill", Ink}});
    double my = (plotTop + plotBottom) / 2;
    svg.text(Margin + 4, my, axisTitle(p.y, yu), "middle",
             {{"fill", Ink},
              {"transform", "rotate(-90 " + svgNumber(Margin + 4) + " " +
                                svgNumber(my) + ")"}});
    // The front, joined left to right.
    std::vector<const ScatterPoint *> front;
    for (const ScatterPoint &pt : p.points)
      if (p.hasFront && pt.front)
        front.push_back(&pt);
    std::stable_sort(front.begin(), front.end(),
                     [](const ScatterPoint *a, const ScatterPoint *b) {
                       return a->x < b->x || (a->x == b->x && a->y < b->y);
                     });
    if (front.size() > 1) {
      std::vector<std::pair<double, double>> line;
      line.reserve(front.size());
      for (const ScatterPoint *pt : front)
        line.emplace_back(x(xu.fromSI(pt->x)), y(yu.fromSI(pt->y)));
      svg.polyline(line, palette::Vermillion, {{"stroke-width", "1.5"}});
    }
    // Other points first, so the front's are drawn over them.
    unsigned onFront = 0;
    for (int pass = 0; pass < 2; ++pass)
      for (const ScatterPoint &pt : p.points) {
        bool isFront = p.hasFront && pt.front;
        if (isFront != (pass == 1))
          continue;
        onFront += isFront;
        double px = x(xu.fromSI(pt.x)), py = y(yu.fromSI(pt.y));
        SvgAttrs a{{"data-rank", std::to_string(pt.rank)},
                   {"data-x", ir::formatShortest(pt.x)},
                   {"data-y", ir::formatShortest(pt.y)}};
        if (isFront)
          a.emplace_back("class", "front");
        else
          a.emplace_back("fill-opacity", "0.55");
        svg.circle(px, py, isFront ? 4.5 : 3.5,
                   isFront ? palette::Vermillion : palette::Blue, a,
                   "rank " + std::to_string(pt.rank) + ": " + p.x.label +
                       " " + show(pt.x, xu) + ", " + p.y.label + " " +
                       show(pt.y, yu));
        if (pt.rank == 1)
          svg.text(px + 7, py - 7, "rank 1", "start", {{"fill", Ink}});
      }
    double ly = plotBottom + 52;
    size_t others = p.points.size() - onFront;
    if (p.hasFront) {
      legendEntry(Margin, ly, palette::Vermillion, false, true,
                  "Pareto front: " + ir::countOf(onFront, "plan") + " (" +
                      p.frontNote + ")");
      ly += LegendRow;
    }
    if (others) {
      legendEntry(Margin, ly, palette::Blue, true, true,
                  p.hasFront ? "dominated: " + ir::countOf(others, "plan")
                             : ir::countOf(others, "plan"));
      ly += LegendRow;
    }
    svg.close();
    return ly;
  }

  SvgWriter svg;
  unsigned digits;
};

} // namespace

std::string calc::eval::renderFigure(const Figure &figure, unsigned digits) {
  return FigureRenderer(digits).render(figure);
}

std::vector<bool> calc::eval::paretoFront(const std::vector<double> &xs,
                                          const std::vector<double> &ys,
                                          bool maximizeX, bool maximizeY) {
  size_t n = xs.size();
  // Better-is-larger in both coordinates; sort by x descending, then y
  // descending; a point is on the front if its y beats every y before it
  // that has a strictly larger x (ties in x compare among themselves).
  std::vector<double> x(n), y(n);
  for (size_t i = 0; i < n; ++i) {
    x[i] = maximizeX ? xs[i] : -xs[i];
    y[i] = maximizeY ? ys[i] : -ys[i];
  }
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t(0));
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return x[a] > x[b] || (x[a] == x[b] && y[a] > y[b]);
  });
  std::vector<bool> front(n, false);
  double best = -INFINITY; // Best y among points with a strictly larger x.
  for (size_t i = 0; i < n;) {
    size_t j = i;
    double groupBest = y[order[i]]; // The group is sorted by y descending.
    while (j < n && x[order[j]] == x[order[i]])
      ++j;
    for (size_t k = i; k < j; ++k) {
      double v = y[order[k]];
      // Dominated by a point of larger x and y >= v, or by a point of the
      // same x and larger y.
      front[order[k]] = v > best && v == groupBest;
    }
    best = std::max(best, groupBest);
    i = j;
  }
  return front;
}

std::vector<double> calc::eval::niceTicks(double lo, double hi,
                                          unsigned maxTicks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo))
    return {0, 1};
  double raw = (hi - lo) / double(std::max(maxTicks, 1u));
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw * (1 - 1e-9)) {
      step = m * power;
      break;
    }
  double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
  std::vector<double> ticks;
  for (double k = first; k <= last; ++k) {
    double t = k * step;
    // Round away the representation noise of k * 0.1.
    t = std::round(t / power * 1e6) / 1e6 * power;
    ticks.push_back(t == 0 ? 0.0 : t);
  }
  if (ticks.size() < 2)
    ticks.push_back(ticks.back() + step);
  return ticks;
}
