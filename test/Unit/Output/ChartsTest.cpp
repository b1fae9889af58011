//===- ChartsTest.cpp - SVG writer, ticks, Pareto fronts, figures ---------===//
#include "eval/output/Charts.h"
#include "eval/output/Report.h"
#include "eval/output/Svg.h"

#include "gtest/gtest.h"

#include <cmath>

using namespace calc;
using namespace calc::eval;
using ir::Dimension;

namespace {

TEST(Svg, EscapesTextAndAttributes) {
  EXPECT_EQ(xmlEscape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  SvgWriter svg(100);
  svg.text(1, 2, "<x>", "middle", {{"data-label", "a\"b"}});
  svg.setHeight(50);
  EXPECT_EQ(svg.element(),
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" "
            "height=\"50\" viewBox=\"0 0 100 50\" font-family=\"sans-serif\" "
            "font-size=\"12\">\n"
            "  <text x=\"1\" y=\"2\" text-anchor=\"middle\" "
            "data-label=\"a&quot;b\">&lt;x&gt;</text>\n"
            "</svg>\n");
}

TEST(Svg, NumbersHaveTwoFixedDecimals) {
  EXPECT_EQ(svgNumber(12.5), "12.5");
  EXPECT_EQ(svgNumber(3), "3");
  EXPECT_EQ(svgNumber(1.0 / 3), "0.33");
  EXPECT_EQ(svgNumber(-0.001), "0"); // Not "-0".
  EXPECT_EQ(svgNumber(1e6), "1000000");
  EXPECT_EQ(svgNumber(NAN), "0");
}

TEST(Charts, NiceTicksCoverTheRange) {
  EXPECT_EQ(niceTicks(0, 131.9), (std::vector<double>{0, 50, 100, 150}));
  EXPECT_EQ(niceTicks(0, 80), (std::vector<double>{0, 20, 40, 60, 80}));
  EXPECT_EQ(niceTicks(4.07, 4.49),
            (std::vector<double>{4, 4.1, 4.2, 4.3, 4.4, 4.5}));
  EXPECT_EQ(niceTicks(-3, 7), (std::vector<double>{-4, -2, 0, 2, 4, 6, 8}));
  // Degenerate ranges still give an axis.
  EXPECT_EQ(niceTicks(5, 5), (std::vector<double>{0, 1}));
  EXPECT_EQ(niceTicks(0, INFINITY), (std::vector<double>{0, 1}));
}

TEST(Charts, ParetoFrontFollowsTheDirections) {
  // Memory (lower is better) against rate (higher is better).
  std::vector<double> mem{50, 60, 70, 65, 60};
  std::vector<double> rate{4.0, 4.3, 4.5, 4.2, 4.3};
  EXPECT_EQ(paretoFront(mem, rate, false, true),
            (std::vector<bool>{true, true, true, false, true}));
  // Both higher-is-better: only the largest of each survives.
  EXPECT_EQ(paretoFront({1, 2, 3}, {3, 2, 1}, true, true),
            (std::vector<bool>{true, true, true}));
  EXPECT_EQ(paretoFront({1, 2, 3}, {1, 2, 3}, true, true),
            (std::vector<bool>{false, false, true}));
  EXPECT_EQ(paretoFront({}, {}, true, true), std::vector<bool>{});
}

TEST(Charts, FiguresAreDeterministicAndCarryTheirValues) {
  Figure f;
  f.title = "t <1>";
  Panel bars;
  bars.bars.title = "memory";
  bars.bars.axis = ChartAxis{"memory", Dimension::byteDim(), llvm::None};
  bars.bars.rows.push_back(
      BarRow{"mem1",
             {{"weights", "weight_space", 3.0 * (1 << 30), palette::Blue},
              {"kv", "kv_cache_space", 9.0 * (1 << 30), palette::Orange}},
             false});
  bars.bars.limit = 10.0 * (1 << 30);
  bars.bars.limitLabel = "mem1 capacity";
  f.panels.push_back(bars);
  std::string svg = renderFigure(f, 4);
  EXPECT_EQ(svg, renderFigure(f, 4));
  EXPECT_NE(svg.find("t &lt;1&gt;"), std::string::npos);
  EXPECT_NE(svg.find("data-field=\"weight_space\" data-value=\"3221225472\""),
            std::string::npos);
  EXPECT_NE(svg.find("memory [GiB]"), std::string::npos);
  EXPECT_NE(svg.find("mem1 exceeds mem1 capacity (10 GiB) by 2 GiB"),
            std::string::npos);
  EXPECT_NE(svg.find("weights  3 GiB (25 %)"), std::string::npos);
}

TEST(Report, IsOnePageOfEscapedParts) {
  Report r;
  r.heading("a & b");
  r.preformatted("x  y\n1  2\n");
  r.figure("<svg/>\n");
  std::string html = r.html("calcc run <f>");
  EXPECT_NE(html.find("<title>calcc run &lt;f&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<h2>a &amp; b</h2>\n<pre>x  y\n1  2</pre>\n"
                      "<figure>\n<svg/>\n</figure>\n</body>\n</html>\n"),
            std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

} // namespace
