//===- Report.h - One self-contained HTML page of a run's output ----------===//
//
// `calcc run --report FILE.html` and `output plot … to "x.html"`
// (docs/units-and-output.md, Report): headings, text tables and inline SVG
// figures in the order they were added, with inline CSS. No script, no
// external file, no network; written as XHTML-compatible HTML (every
// element closed, attributes quoted, text escaped) so that an XML parser
// reads it too. Nothing in it depends on the time or the machine.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_OUTPUT_REPORT_H
#define CALC_EVAL_OUTPUT_REPORT_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace calc::eval {

class Report {
public:
  /// A section heading (a statement: "evaluate r (training: …)").
  void heading(llvm::StringRef text);
  /// A line of prose.
  void paragraph(llvm::StringRef text);
  /// A text table, kept aligned in a `<pre>`.
  void preformatted(llvm::StringRef text);
  /// An `<svg>` element (renderFigure), inlined.
  void figure(llvm::StringRef svg);
  bool empty() const { return parts.empty(); }

  /// The page, titled \p title.
  std::string html(llvm::StringRef title) const;

private:
  std::vector<std::string> parts;
};

} // namespace calc::eval

#endif
