//===- Svg.h - A small, deterministic SVG writer --------------------------===//
//
// The plots of `output plot` and the HTML report (docs/units-and-output.md,
// Plots) are SVG written by calcc itself: no library, no network, no
// Python. Same figure, same bytes: coordinates have two fixed decimals
// printed by fmt (no locale), there are no timestamps, random ids or hash
// orders, and attributes come out in the order they are given.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_SVG_H
#define CALC_EVAL_OUTPUT_SVG_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>
#include <vector>

namespace calc::eval {

/// \p text with `& < > " '` replaced by their XML entities.
std::string xmlEscape(llvm::StringRef text);

/// A coordinate or length: two decimals, trailing zeros dropped, `-0` as
/// `0` ("12.5", "3", "-0.25").
std::string svgNumber(double v);

/// An attribute list, written in order: {{"fill", "#0072B2"}, …}.
using SvgAttrs = std::vector<std::pair<std::string, std::string>>;

/// Builds one `<svg>` element as text. Elements are written as they are
/// added; open() and close() nest groups.
class SvgWriter {
public:
  explicit SvgWriter(double width) : width(width) {}
  /// The height, known once everything is laid out.
  void setHeight(double h) { height = h; }

  /// A \p tooltip becomes the element's `<title>` (shown on hover).
  void rect(double x, double y, double w, double h, llvm::StringRef fill,
            const SvgAttrs &extra = {}, llvm::StringRef tooltip = "");
  void line(double x1, double y1, double x2, double y2,
            llvm::StringRef stroke, const SvgAttrs &extra = {});
  void circle(double cx, double cy, double r, llvm::StringRef fill,
              const SvgAttrs &extra = {}, llvm::StringRef tooltip = "");
  void polyline(const std::vector<std::pair<double, double>> &points,
                llvm::StringRef stroke, const SvgAttrs &extra = {});
  /// Text at (x, y); \p anchor is start, middle or end.
  void text(double x, double y, llvm::StringRef content,
            llvm::StringRef anchor = "start", const SvgAttrs &extra = {});
  /// `<g …>`, closed by close(). A \p tooltip becomes the group's `<title>`.
  void open(const SvgAttrs &attrs, llvm::StringRef tooltip = "");
  void close();

  /// The `<svg>` element, for embedding in HTML.
  std::string element() const;
  /// A standalone file: the XML declaration, then element().
  std::string document() const;

private:
  void start(llvm::StringRef tag, const SvgAttrs &attrs);
  void end(llvm::StringRef tag, llvm::StringRef tooltip);
  double width, height = 0;
  std::string body;
  unsigned depth = 1;
};

} // namespace calc::eval

#endif
