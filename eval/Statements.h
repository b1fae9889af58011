//===- Statements.h - Running evaluate/output/assert/expect ---------------===//
//
// docs/language-reference.md §6: statements of the main file run in file order.
// `evaluate` binds a result (a statement that reads a failed one is skipped
// without a second diagnostic); `output` writes a table, CSV or JSON to stdout
// or atomically to a file under the output directory; `assert` fails the run
// with the operand values as notes; `expect` is a counted check that `calcc
// run` treats as an error and `calcc test` counts.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_STATEMENTS_H
#define CALC_EVAL_STATEMENTS_H

#include "eval/Evaluator.h"
#include "ir/IR.h"

#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::eval {

class Report;

struct RunOptions {
  /// `calcc test`: print one line per check, keep going after failures, run
  /// only the evaluations the checks read, write no output.
  bool testMode = false;
  /// Significant digits in tables and messages (`--precision`).
  unsigned precision = 4;
  /// `-o DIR`: where `to` paths are resolved.
  std::string outputDir = ".";
  /// `-j N`: search threads (0: one per core).
  unsigned threads = 0;
  /// Evaluate every search candidate, domain list and input `where` on a
  /// fresh instance instead of one reused instance per worker whose
  /// domain-dependent memos are reset (the reference the incremental path
  /// must match; `--search-fresh-candidates`, for tests).
  bool freshSearchCandidates = false;
  /// Draw a progress bar (done fraction, rate, time left) on stderr while a
  /// search runs longer than a tenth of a second; the driver sets it when
  /// stderr is a terminal, so logs and tests never see it.
  bool progressBar = false;
  /// Print each search's size before it starts ("search 'x': N candidates
  /// to try") and its "N candidates, M feasible; …" line after, to stderr.
  bool searchSummary = true;
  /// A search with more candidates is an error before it starts
  /// (`--max-candidates`; 0: no limit).
  uint64_t maxCandidates = 0;
  /// Seconds between progress lines on a stderr that is not a terminal
  /// (search::ProgressLog; < 0: none).
  double progressInterval = -1;
  /// The width a horizontal `output table` must fit in, else it is laid
  /// out vertically (docs/units-and-output.md, Layout): for stdout, and for
  /// files written with `to`. 0: never switch.
  unsigned stdoutWidth = defaultTableWidth;
  unsigned fileWidth = defaultTableWidth;
  /// A fixed width where no terminal says otherwise, so that a run's output
  /// is the same bytes in a pipe, a file and a test.
  static constexpr unsigned defaultTableWidth = 120;
  /// If set, each search adds its candidates and feasible counts here.
  struct SearchTotals *searchTotals = nullptr;
  /// `--report`: if set, every evaluate and search adds its picture here and
  /// every output its table or plot, in statement order.
  Report *report = nullptr;
};

/// Candidates enumerated and found feasible by the searches of a run.
struct SearchTotals {
  uint64_t candidates = 0;
  uint64_t feasible = 0;
};

/// Counted checks (assert and expect).
struct CheckCounts {
  unsigned passed = 0;
  unsigned failed = 0;
};

/// Checks what can be checked before running (the `to` paths). Returns
/// false after reporting errors.
bool checkStatements(const ir::Module &module, DiagnosticEngine &diags);

/// By result index: whether an assert or expect reads the result, directly
/// or through the statements that compute what it reads
/// (CheckDependencies.cpp).
std::vector<bool> resultsReadByChecks(const ir::Module &module);

/// Runs every statement of \p module in order, writing outputs to \p out
/// (in test mode: the checks and the evaluations they read, no outputs).
/// Returns false if any error was reported or any check failed.
bool runStatements(const ir::Module &module, Evaluator &evaluator,
                   const RunOptions &options, llvm::raw_ostream &out,
                   CheckCounts &counts);

/// Writes one `output` statement (OutputStatement.cpp). Returns false after
/// reporting an error.
bool runOutput(const ir::Stmt &stmt, Evaluator &evaluator,
               const RunOptions &options, llvm::raw_ostream &out);

/// `output plot` (PlotStatement.cpp). Returns false after reporting an
/// error.
bool runPlot(const ir::Stmt &stmt, Evaluator &evaluator,
             const RunOptions &options, llvm::raw_ostream &out);

/// Writes \p text where \p stmt says: stdout, or atomically to its `to`
/// path under -o (missing directories created). False after reporting.
bool writeOutput(const ir::Stmt &stmt, const std::string &text,
                 Evaluator &evaluator, const RunOptions &options,
                 llvm::raw_ostream &out);

/// The caption of an evaluate's or a search's result, as text tables head
/// it: "r (training: m on s, e)", "best (training search: 5 plans, best
/// first)".
std::string resultCaption(const ir::Stmt &resultStmt, Evaluator &evaluator);

/// Adds \p resultStmt's result to the report: its caption and default
/// picture (PlotStatement.cpp).
void reportResult(const ir::Stmt &resultStmt, Evaluator &evaluator,
                  const RunOptions &options);

/// `--plot NAME=FILE`: writes the default picture of the evaluate or search
/// \p resultStmt to \p path (not under -o: a command-line path). Returns
/// false after reporting an error.
bool writeDefaultPlot(const ir::Stmt &resultStmt, llvm::StringRef path,
                      Evaluator &evaluator);

/// Evaluates an `evaluate` statement with its analysis
/// (AnalysisStatement.cpp): the result record, or Error after reporting why
/// the plan was rejected.
ir::Value runEvaluate(const ir::Stmt &stmt, Evaluator &evaluator);

/// Runs a `search` statement (SearchStatement.cpp): its rows, best first, or
/// Error after reporting why nothing was feasible.
ir::Value runSearch(const ir::Stmt &stmt, Evaluator &evaluator,
                    const RunOptions &options);

} // namespace calc::eval

#endif
