//===- CompileOptions.h - What `run`, `check` and `test` were asked to do -===//
//
// The parsed command line of the compile commands, handed to every phase.
// The front end fills it (CompileCommands.cpp); the phases after the AST
// (SemanticPhases.h) read it.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_COMPILEOPTIONS_H
#define CALC_TOOLS_DRIVER_COMPILEOPTIONS_H

#include "frontend/AST.h"

#include <string>
#include <vector>

namespace calc::driver {

/// Which subcommand is running.
enum class CompileMode { Run, Check, Test };

/// `--emit=`: the stage whose dump replaces the normal output.
enum class EmitStage { None, Tokens, AST, IR, Result };

/// One `-D path=EXPR`, with EXPR already parsed (its text lives in its own
/// SourceMgr buffer named `-D path`, so diagnostics point into it).
struct Override {
  std::string path;               ///< `a100_80g.mem1.capacity`, a `let` name.
  std::vector<std::string> parts; ///< The path split on '.'.
  ast::ExprPtr value;
  unsigned bufferId = 0;
};

/// Everything the phases need from the command line.
struct CompileOptions {
  CompileMode mode = CompileMode::Run;
  EmitStage emit = EmitStage::None;
  std::string outputDir = ".";  ///< -o: base of `output … to` paths.
  unsigned jobs = 0;            ///< -j: search threads; 0 = one per core.
  unsigned precision = 4;       ///< --precision: significant digits in tables.
  /// --search-fresh-candidates: see eval::RunOptions::freshSearchCandidates.
  bool freshSearchCandidates = false;
  /// --max-candidates: see eval::RunOptions::maxCandidates.
  uint64_t maxCandidates = 0;
  /// --progress-interval: see eval::RunOptions::progressInterval.
  double progressInterval = -1;
  /// --table-width, or -1: the terminal's width on stdout, else 120
  /// (eval::RunOptions::stdoutWidth).
  int tableWidth = -1;
  std::vector<Override> overrides; ///< -D, in command-line order.
  /// `run --report FILE.html`: the page of the run's tables and pictures;
  /// empty: none. reportTitle names the input.
  std::string reportPath, reportTitle;
  /// `run --plot NAME=FILE`, in command-line order.
  std::vector<std::pair<std::string, std::string>> plots;
};

} // namespace calc::driver

#endif
