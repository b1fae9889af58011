//===- PlotStatement.cpp - `output plot NAME [{…}] to "x.svg"`, reports ---===//
//
// Writes the picture of an evaluate's or a search's result
// (PlotFigures.h) as an SVG file, or as an HTML page holding it; adds
// results and their pictures to the `--report` page; and writes the
// `--plot NAME=FILE` pictures of the command line. All of it runs after
// the statement being drawn has been evaluated.
//
//===----------------------------------------------------------------------===//
#include "eval/PlotFigures.h"
#include "eval/Statements.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/Report.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

/// The evaluate or search statement that computes result \p index.
static const Stmt *resultStatement(const Module &module, unsigned index) {
  for (const Stmt &s : module.statements)
    if ((s.kind == StmtKind::Evaluate || s.kind == StmtKind::Search) &&
        s.resultIndex == index)
      return &s;
  return nullptr;
}

/// The file's text: an SVG document, or an HTML page around the figure.
static std::string pictureFile(llvm::StringRef path, const std::string &svg,
                               const std::string &title) {
  if (!path.endswith(".html"))
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg;
  Report page;
  page.figure(svg);
  return page.html(title);
}

bool eval::runPlot(const Stmt &stmt, Evaluator &ev, const RunOptions &options,
                   llvm::raw_ostream &out) {
  const Stmt *result =
      stmt.target->kind == ExprKind::ResultRef
          ? resultStatement(ev.getModule(), stmt.target->slot)
          : nullptr;
  if (!result || ev.result(result->resultIndex).isError())
    return false; // A failed evaluate or search: reported already.
  unsigned errorsBefore = ev.diagnostics().errorCount();
  std::string caption = resultCaption(*result, ev);
  llvm::Optional<Figure> figure =
      resultFigure(*result, stmt.columns, caption, ev, stmt.target->range);
  if (!figure || ev.diagnostics().errorCount() != errorsBefore)
    return false;
  std::string svg = renderFigure(*figure, options.precision);
  // A plot of given columns is news to the report; the default picture is
  // there already, under its evaluate or search.
  if (options.report && !stmt.columns.empty()) {
    options.report->heading("plot of " + caption);
    options.report->figure(svg);
    options.report->paragraph("Written to " + stmt.path + ".");
  }
  return writeOutput(stmt, pictureFile(stmt.path, svg, caption), ev, options,
                     out);
}

void eval::reportResult(const Stmt &resultStmt, Evaluator &ev,
                        const RunOptions &options) {
  Report *report = options.report;
  if (!report || ev.result(resultStmt.resultIndex).isError())
    return;
  std::string caption = resultCaption(resultStmt, ev);
  report->heading((resultStmt.kind == StmtKind::Search ? "search " : "evaluate ") +
                  caption);
  if (!hasDefaultFigure(resultStmt)) {
    if (resultStmt.kind == StmtKind::Search)
      report->paragraph("No objective, so no ranking to draw: its plans "
                        "are in the outputs of this run.");
    return;
  }
  SMRange use(resultStmt.loc, resultStmt.loc);
  if (llvm::Optional<Figure> figure =
          resultFigure(resultStmt, {}, caption, ev, use))
    report->figure(renderFigure(*figure, options.precision));
}

bool eval::writeDefaultPlot(const Stmt &resultStmt, llvm::StringRef path,
                            Evaluator &ev) {
  if (ev.result(resultStmt.resultIndex).isError())
    return false;
  if (!hasDefaultFigure(resultStmt)) {
    ev.diagnostics().error(resultStmt.loc,
                           "--plot: search '" + resultStmt.name +
                               "' has no objective to draw; write 'output "
                               "plot " +
                               resultStmt.name +
                               " { x; y } to \"….svg\"' to choose two columns",
                           {resultStmt.range});
    return false;
  }
  unsigned errorsBefore = ev.diagnostics().errorCount();
  std::string caption = resultCaption(resultStmt, ev);
  SMRange use(resultStmt.loc, resultStmt.loc);
  llvm::Optional<Figure> figure =
      resultFigure(resultStmt, {}, caption, ev, use);
  if (!figure || ev.diagnostics().errorCount() != errorsBefore)
    return false;
  std::string message;
  if (writeFileAtomically(
          path,
          pictureFile(path, renderFigure(*figure, ev.getPrecision()), caption),
          message))
    return true;
  ev.diagnostics().error("--plot: " + message);
  return false;
}
