//===- SemanticPhases.cpp - Lowering, then evaluation ---------------------===//
//
// The phases after the AST for `run`, `check` and `test`. Lowering is the
// shared pipeline (eval/Compilation.h: Sema, IR with the `-D` overrides,
// verifier); then:
//   - `--emit=ir` prints the module and stops; `check` stops after the
//     statements' static checks;
//   - eval::Evaluator + statements: evaluate, search, output, assert, expect;
//   - `--emit=result` prints every main-file entity, let and result.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/SemanticPhases.h"

#include "eval/ResultDump.h"
#include "eval/Statements.h"
#include "eval/output/AtomicFile.h"
#include "eval/output/Report.h"
#include "ir/IRPrinter.h"
#include "tools/driver/TerminalWidth.h"

#include "llvm/Support/Process.h"

using namespace calc;
using namespace calc::driver;

/// The `-D` overrides as the IRBuilder takes them, located in their own
/// buffers.
static std::vector<ir::Override> toOverrides(const CompileOptions &options,
                                             DiagnosticEngine &diags) {
  std::vector<ir::Override> out;
  for (const Override &o : options.overrides) {
    ir::Override io;
    io.path = o.path;
    io.value = o.value.get();
    if (o.bufferId) {
      const llvm::MemoryBuffer *buf =
          diags.getSourceMgr().getMemoryBuffer(o.bufferId);
      io.range = llvm::SMRange(llvm::SMLoc::getFromPointer(buf->getBufferStart()),
                               llvm::SMLoc::getFromPointer(buf->getBufferEnd()));
    } else if (o.value) {
      io.range = o.value->range;
    }
    if (io.value)
      out.push_back(std::move(io));
  }
  return out;
}

/// "; the results are 'a', 'b'" (or that there are none), for --plot.
static std::string resultNames(const ir::Module &module) {
  std::string names;
  for (const ir::Stmt &s : module.statements)
    if (s.kind == ir::StmtKind::Evaluate || s.kind == ir::StmtKind::Search)
      names += (names.empty() ? "'" : ", '") + s.name + "'";
  return names.empty() ? "; the file has none" : "; the file has " + names;
}

/// The phases proper; runSemanticPhases runs them on a thread with a large
/// stack.
static PhaseResult runPhases(Compilation &compilation, CompileOptions &options,
                             DiagnosticEngine &diags, llvm::raw_ostream &out) {
  PhaseResult result;
  result.ok = false;
  std::vector<ir::Override> overrides = toOverrides(options, diags);
  if (!compilation.lower(overrides))
    return result;
  ir::Module *module = &compilation.module();
  if (options.emit == EmitStage::IR) {
    ir::printModule(*module, out);
    result.ok = true;
    return result;
  }
  if (!compilation.checkStatements())
    return result;
  if (options.mode == CompileMode::Check) {
    result.ok = true;
    return result;
  }
  eval::Evaluator evaluator(*module, diags);
  eval::RunOptions run;
  run.testMode = options.mode == CompileMode::Test;
  run.precision = options.precision;
  if (options.tableWidth >= 0) {
    run.stdoutWidth = run.fileWidth = unsigned(options.tableWidth);
  } else if (unsigned columns = terminalColumns()) {
    run.stdoutWidth = columns;
  }
  run.outputDir = options.outputDir;
  run.threads = options.jobs;
  run.freshSearchCandidates = options.freshSearchCandidates;
  // `calcc test` says nothing but its check report.
  run.progressBar =
      !run.testMode && llvm::sys::Process::StandardErrIsDisplayed();
  run.searchSummary = !run.testMode;
  run.maxCandidates = options.maxCandidates;
  run.progressInterval = run.testMode ? -1 : options.progressInterval;
  eval::CheckCounts counts;
  llvm::raw_null_ostream discard;
  bool dumpOnly = options.emit == EmitStage::Result;
  eval::Report report;
  bool reporting = !options.reportPath.empty() && !dumpOnly && !run.testMode;
  if (reporting)
    run.report = &report;
  // Each --plot names a result before anything runs.
  std::vector<const ir::Stmt *> plotted;
  if (!run.testMode)
    for (const auto &[name, path] : options.plots) {
      const ir::Stmt *found = nullptr;
      for (const ir::Stmt &s : module->statements)
        if ((s.kind == ir::StmtKind::Evaluate ||
             s.kind == ir::StmtKind::Search) &&
            s.name == name)
          found = &s;
      if (!found) {
        diags.error("--plot: no evaluate or search named '" + name + "'" +
                    resultNames(*module));
        return result;
      }
      plotted.push_back(found);
    }
  result.ok = eval::runStatements(*module, evaluator, run,
                                  dumpOnly ? discard : out, counts);
  result.passed = counts.passed;
  result.failed = counts.failed;
  // The pictures of a run that failed would show a part of it: none.
  for (size_t i = 0; i < plotted.size() && result.ok; ++i)
    result.ok &= eval::writeDefaultPlot(*plotted[i], options.plots[i].second,
                                        evaluator);
  if (reporting && result.ok) {
    std::string message;
    if (!eval::writeFileAtomically(options.reportPath,
                                   report.html(options.reportTitle), message)) {
      diags.error("--report: " + message);
      result.ok = false;
    }
  }
  if (dumpOnly)
    result.ok &= eval::dumpResults(*module, evaluator, out);
  return result;
}

PhaseResult calc::driver::runSemanticPhases(Compilation &compilation,
                                            CompileOptions &options,
                                            DiagnosticEngine &diags,
                                            llvm::raw_ostream &out) {
  PhaseResult result;
  Compilation::onLargeStack(
      [&] { result = runPhases(compilation, options, diags, out); });
  return result;
}
