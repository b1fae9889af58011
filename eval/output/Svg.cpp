//===- Svg.cpp - A small, deterministic SVG writer ------------------------===//
#include "eval/output/Svg.h"

#include "fmt/format.h"

#include <cassert>
#include <cmath>

using namespace calc::eval;

std::string calc::eval::xmlEscape(llvm::StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&apos;"; break;
    default: out += c;
    }
  }
  return out;
}

std::string calc::eval::svgNumber(double v) {
  if (!std::isfinite(v))
    v = 0; // Never reached by a chart's layout; keeps the file well-formed.
  std::string s = fmt::format("{:.2f}", v);
  s.erase(s.find_last_not_of('0') + 1);
  if (s.back() == '.')
    s.pop_back();
  return s == "-0" ? "0" : s;
}

void SvgWriter::start(llvm::StringRef tag, const SvgAttrs &attrs) {
  body.append(2 * size_t(depth), ' ');
  body += '<';
  body += tag;
  for (const auto &[name, value] : attrs)
    body += " " + name + "=\"" + xmlEscape(value) + "\"";
}

void SvgWriter::end(llvm::StringRef tag, llvm::StringRef tooltip) {
  if (tooltip.empty()) {
    body += "/>\n";
    return;
  }
  body += "><title>" + xmlEscape(tooltip) + "</title></" + tag.str() + ">\n";
}

void SvgWriter::rect(double x, double y, double w, double h,
                     llvm::StringRef fill, const SvgAttrs &extra,
                     llvm::StringRef tooltip) {
  SvgAttrs a{{"x", svgNumber(x)},
             {"y", svgNumber(y)},
             {"width", svgNumber(std::max(w, 0.0))},
             {"height", svgNumber(std::max(h, 0.0))},
             {"fill", fill.str()}};
  a.insert(a.end(), extra.begin(), extra.end());
  start("rect", a);
  end("rect", tooltip);
}

void SvgWriter::line(double x1, double y1, double x2, double y2,
                     llvm::StringRef stroke, const SvgAttrs &extra) {
  SvgAttrs a{{"x1", svgNumber(x1)},
             {"y1", svgNumber(y1)},
             {"x2", svgNumber(x2)},
             {"y2", svgNumber(y2)},
             {"stroke", stroke.str()}};
  a.insert(a.end(), extra.begin(), extra.end());
  start("line", a);
  body += "/>\n";
}

void SvgWriter::circle(double cx, double cy, double r, llvm::StringRef fill,
                       const SvgAttrs &extra, llvm::StringRef tooltip) {
  SvgAttrs a{{"cx", svgNumber(cx)},
             {"cy", svgNumber(cy)},
             {"r", svgNumber(r)},
             {"fill", fill.str()}};
  a.insert(a.end(), extra.begin(), extra.end());
  start("circle", a);
  end("circle", tooltip);
}

void SvgWriter::polyline(const std::vector<std::pair<double, double>> &points,
                         llvm::StringRef stroke, const SvgAttrs &extra) {
  std::string list;
  for (const auto &[x, y] : points)
    list += (list.empty() ? "" : " ") + svgNumber(x) + "," + svgNumber(y);
  SvgAttrs a{{"points", list}, {"fill", "none"}, {"stroke", stroke.str()}};
  a.insert(a.end(), extra.begin(), extra.end());
  start("polyline", a);
  body += "/>\n";
}

void SvgWriter::text(double x, double y, llvm::StringRef content,
                     llvm::StringRef anchor, const SvgAttrs &extra) {
  SvgAttrs a{{"x", svgNumber(x)}, {"y", svgNumber(y)}};
  if (anchor != "start")
    a.emplace_back("text-anchor", anchor.str());
  a.insert(a.end(), extra.begin(), extra.end());
  start("text", a);
  body += ">" + xmlEscape(content) + "</text>\n";
}

void SvgWriter::open(const SvgAttrs &attrs, llvm::StringRef tooltip) {
  start("g", attrs);
  body += ">\n";
  ++depth;
  if (!tooltip.empty()) {
    body.append(2 * size_t(depth), ' ');
    body += "<title>" + xmlEscape(tooltip) + "</title>\n";
  }
}

void SvgWriter::close() {
  assert(depth > 1 && "close() without open()");
  --depth;
  body.append(2 * size_t(depth), ' ');
  body += "</g>\n";
}

std::string SvgWriter::element() const {
  assert(depth == 1 && "unclosed group");
  std::string w = svgNumber(width), h = svgNumber(height);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w +
         "\" height=\"" + h + "\" viewBox=\"0 0 " + w + " " + h +
         "\" font-family=\"sans-serif\" font-size=\"12\">\n" + body +
         "</svg>\n";
}

std::string SvgWriter::document() const {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element();
}
