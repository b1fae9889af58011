//===- SemanticPhases.cpp - Sema -> IR -> evaluation ----------------------===//
//
// The phases after the AST, in the order of docs/architecture.md, Pipeline,
// each stopping the pipeline if it reported errors (souffle style):
//   1. calc::Sema        top-level names, imports, inheritance
//   2. ir::IRBuilder     name resolution, schemas, dimensions -> ir::Module
//      (`-D` overrides join here), then the IR verifier
//   3. `--emit=ir` prints the module and stops; `check` stops here too
//   4. eval::Evaluator + statements: evaluate, output, assert, expect
//   5. `--emit=result` prints every main-file entity, let and result
//
//===----------------------------------------------------------------------===//
#include "tools/driver/SemanticPhases.h"

#include "eval/ResultDump.h"
#include "eval/Statements.h"
#include "frontend/Sema.h"
#include "ir/IRBuilder.h"
#include "ir/IRPrinter.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/thread.h"

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

/// The phases proper; runSemanticPhases runs them on a thread with a large
/// stack.
static PhaseResult runPhases(Program &program, CompileOptions &options,
                             DiagnosticEngine &diags, llvm::raw_ostream &out) {
  PhaseResult result;
  result.ok = false;
  if (!program.prelude || !program.main) {
    diags.error("internal error: no prelude or main file");
    return result;
  }
  Sema sema(diags);
  if (!sema.run(*program.prelude, *program.main))
    return result;
  std::vector<ir::Override> overrides = toOverrides(options, diags);
  ir::IRBuilder builder(sema, diags);
  std::unique_ptr<ir::Module> module = builder.build(overrides);
  if (!module)
    return result;
  std::string problem = ir::verifyModule(*module);
  if (!problem.empty()) {
    diags.error("internal error: invalid IR: " + problem);
    return result;
  }
  if (options.emit == EmitStage::IR) {
    ir::printModule(*module, out);
    result.ok = true;
    return result;
  }
  if (!eval::checkStatements(*module, diags))
    return result;
  if (options.mode == CompileMode::Check) {
    result.ok = true;
    return result;
  }
  eval::Evaluator evaluator(*module, diags);
  eval::RunOptions run;
  run.testMode = options.mode == CompileMode::Test;
  run.precision = options.precision;
  run.outputDir = options.outputDir;
  run.threads = options.jobs;
  run.freshSearchCandidates = options.freshSearchCandidates;
  run.progressBar = llvm::sys::Process::StandardErrIsDisplayed();
  eval::CheckCounts counts;
  llvm::raw_null_ostream discard;
  bool dumpOnly = options.emit == EmitStage::Result;
  result.ok = eval::runStatements(*module, evaluator, run,
                                  dumpOnly ? discard : out, counts);
  result.passed = counts.passed;
  result.failed = counts.failed;
  if (dumpOnly)
    result.ok &= eval::dumpResults(*module, evaluator, out);
  return result;
}

/// Lowering and evaluation recurse through definitions that reference each
/// other. They bound that nesting (IRBuilder::maxDepth, Evaluator::maxDepth)
/// and report "nested too deeply" instead of overflowing, but the bound is
/// deeper than the default 8 MiB main-thread stack holds, so the phases run on
/// a thread whose stack is reserved (not committed) up front.
static constexpr unsigned phaseStackSize = 512u << 20;

PhaseResult calc::driver::runSemanticPhases(Program &program,
                                            CompileOptions &options,
                                            DiagnosticEngine &diags,
                                            llvm::raw_ostream &out) {
  PhaseResult result;
  llvm::thread worker(llvm::Optional<unsigned>(phaseStackSize), [&] {
    result = runPhases(program, options, diags, out);
  });
  worker.join();
  return result;
}
