//===- CompileCommands.cpp - `calcc run`, `check` and `test` --------------===//
//
// The pass order, written once (MLIR Toy style, each stage dumpable with
// --emit): read → tokens → parse → imports → [Sema → IR → eval]. Errors are
// collected per phase and the pipeline stops between phases. Everything
// after the AST is one call, runSemanticPhases() (SemanticPhases.h).
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"
#include "tools/driver/CompileOptions.h"
#include "tools/driver/Defines.h"
#include "tools/driver/SemanticPhases.h"

#include "eval/search/ProgressBar.h"
#include "frontend/ASTDump.h"
#include "frontend/DiagnosticVerifier.h"
#include "frontend/Diagnostics.h"
#include "frontend/ImportResolver.h"
#include "frontend/Parser.h"
#include "frontend/SplitInput.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;
using namespace calc::driver;

static cl::SubCommand runCmd("run", "Check and run a .calc file");
static cl::SubCommand checkCmd("check", "Parse and check a .calc file, without running it");
static cl::SubCommand testCmd("test", "Run the assert/expect checks of .calc files");

static cl::OptionCategory compileCategory("Compile options");

#define CALC_SUBS cl::sub(runCmd), cl::sub(checkCmd), cl::sub(testCmd)

// `run` takes one file, `check` and `test` any number; the descriptions are
// the usage lines of --help. More than one file to `run` is a usage error
// (exit 2) rather than llvm::cl's.
static cl::list<std::string> runFile(cl::Positional, cl::desc("<file.calc>"),
                                     cl::ZeroOrMore, cl::sub(runCmd));
static cl::list<std::string> inputFiles(cl::Positional, cl::desc("<file.calc>..."),
                                        cl::ZeroOrMore, cl::sub(checkCmd),
                                        cl::sub(testCmd));
static cl::list<std::string> includeDirs("I", cl::Prefix, cl::ZeroOrMore,
                                         cl::value_desc("dir"),
                                         cl::desc("Search DIR for imports"),
                                         cl::cat(compileCategory), CALC_SUBS);
static cl::list<std::string> defines("D", cl::Prefix, cl::ZeroOrMore,
                                     cl::value_desc("path=EXPR"),
                                     cl::desc("Append 'field = EXPR' to a declaration"),
                                     cl::cat(compileCategory), CALC_SUBS);
static cl::opt<std::string> stdlibDir("stdlib-dir", cl::value_desc("dir"),
                                      cl::desc("Read std/ imports from DIR "
                                               "instead of the embedded stdlib"),
                                      cl::cat(compileCategory), CALC_SUBS);
static cl::opt<EmitStage> emit(
    "emit", cl::desc("Print a stage instead of running"), cl::init(EmitStage::None),
    cl::values(clEnumValN(EmitStage::Tokens, "tokens", "the token stream"),
               clEnumValN(EmitStage::AST, "ast", "the syntax tree"),
               clEnumValN(EmitStage::IR, "ir", "the checked IR"),
               clEnumValN(EmitStage::Result, "result", "the evaluated results")),
    cl::cat(compileCategory), CALC_SUBS);
static cl::opt<bool> verifyDiagnostics(
    "verify-diagnostics",
    cl::desc("Check diagnostics against expected-* comments in the input"),
    cl::cat(compileCategory), CALC_SUBS);
static cl::opt<bool> splitInput("split-input-file",
                                    cl::desc("Split the input on '// -----' "
                                             "and process each chunk alone"),
                                    cl::cat(compileCategory), CALC_SUBS);
static cl::opt<std::string> outputDir("o", cl::value_desc("dir"), cl::init("."),
                                      cl::desc("Directory for 'output ... to' files"),
                                      cl::cat(compileCategory), CALC_SUBS);
static cl::opt<unsigned> jobs("j", cl::value_desc("N"), cl::init(0),
                              cl::desc("Search threads (0: one per core)"),
                              cl::cat(compileCategory), CALC_SUBS);
static cl::opt<unsigned> precision("precision", cl::value_desc("N"), cl::init(4),
                                   cl::desc("Significant digits in tables"),
                                   cl::cat(compileCategory), CALC_SUBS);
static cl::opt<int> tableWidth(
    "table-width", cl::value_desc("N"), cl::init(-1),
    cl::desc("Width a table must fit in before it is shown vertically "
             "(default: the terminal's on stdout, else 120; 0: never)"),
    cl::cat(compileCategory), CALC_SUBS);
static cl::opt<std::string> reportPath(
    "report", cl::value_desc("file.html"),
    cl::desc("Also write one HTML page of the run's tables and pictures"),
    cl::cat(compileCategory), cl::sub(runCmd));
static cl::list<std::string> plots(
    "plot", cl::value_desc("NAME=file.svg"), cl::ZeroOrMore,
    cl::desc("Also draw the result NAME (an evaluate or a search) to an "
             ".svg or .html file"),
    cl::cat(compileCategory), cl::sub(runCmd));
// A testing aid, hidden from --help: the reference semantics the
// incremental search must reproduce byte for byte.
static cl::opt<bool> freshSearchCandidates(
    "search-fresh-candidates", cl::Hidden,
    cl::desc("Evaluate every search candidate, domain list and input "
             "'where' on a fresh instance (slow; for testing)"),
    cl::cat(compileCategory), CALC_SUBS);

static cl::opt<unsigned long long> maxCandidates(
    "max-candidates", cl::value_desc("N"), cl::init(DefaultMaxCandidates),
    cl::desc("Refuse a search of more candidates (default 1e9; 0: no limit)"),
    cl::cat(compileCategory), CALC_SUBS);
// A testing aid: 0 prints a progress line after every unit of a search.
static cl::opt<double> progressInterval(
    "progress-interval", cl::value_desc("S"), cl::Hidden,
    cl::init(search::ProgressLog::DefaultIntervalSeconds),
    cl::desc("Seconds between search progress lines when stderr is not a "
             "terminal (< 0: none)"),
    cl::cat(compileCategory), CALC_SUBS);

namespace {

/// Command-line misuse: prints "calcc: error: ..." and yields exit code 2.
int usageError(const Twine &message) {
  return reportError("calcc: ", message, ExitUsageError);
}

/// Parses every `-D path=EXPR` into \p options (each EXPR in its own buffer).
bool parseOverrides(DiagnosticEngine &diags, CompileOptions &options) {
  bool ok = true;
  for (const std::string &define : defines) {
    Override override;
    ok &= parseDefine(diags, define, override);
    options.overrides.push_back(std::move(override));
  }
  return ok;
}

/// The pass order for one buffer (a file, or one --split-input-file chunk).
PhaseResult runPipeline(unsigned bufferId, DiagnosticEngine &diags,
                        CompileOptions &options) {
  auto stop = [](bool ok) {
    PhaseResult result;
    result.ok = ok;
    return result;
  };
  // ---- Tokens (lexical checks, nesting).
  if (options.emit == EmitStage::Tokens)
    return stop(Parser(diags).dumpTokens(bufferId, outs()));
  // ---- Parse, the prelude and the imports.
  ImportOptions importOptions;
  importOptions.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  importOptions.stdlibDir = stdlibDir;
  Compilation compilation(diags, std::move(importOptions));
  if (!compilation.load(bufferId))
    return stop(false);
  if (options.emit == EmitStage::AST) {
    // Every loaded file but the prelude, imports before their importers.
    for (const std::unique_ptr<ast::File> &file : compilation.program().files)
      if (!file->isPrelude)
        ast::dump(*file, outs());
    return stop(true);
  }
  // ---- The -D values, parsed like any expression.
  options.overrides.clear();
  if (!parseOverrides(diags, options))
    return stop(false);
  // ---- Everything after the AST: Sema → IR → evaluation (SemanticPhases.h).
  return runSemanticPhases(compilation, options, diags, outs());
}

/// Runs one buffer with its own SourceMgr and diagnostics, so that each
/// --split-input-file chunk is verified and summarised on its own.
PhaseResult processBuffer(std::unique_ptr<MemoryBuffer> buffer,
                          CompileOptions &options) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(useColors());
  Optional<DiagnosticVerifier> verifier;
  if (verifyDiagnostics)
    verifier.emplace(diags);
  unsigned bufferId = sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
  PhaseResult result = runPipeline(bufferId, diags, options);
  outs().flush();
  if (verifier)
    result.ok = verifier->verify();
  else if (diags.hasErrors())
    result.ok = false;
  diags.printSummary();
  return result;
}

/// Reads and processes one input file; accumulates check counts in \p total.
bool processFile(StringRef path, CompileOptions &options, PhaseResult &total) {
  auto buffer = MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/false,
                                             /*RequiresNullTerminator=*/false);
  if (!buffer) {
    SourceMgr sourceMgr;
    DiagnosticEngine diags(sourceMgr);
    diags.error("cannot open '" + path + "': " + buffer.getError().message());
    diags.printSummary();
    return false;
  }
  return processSplitInput(std::move(*buffer), splitInput,
                           [&](std::unique_ptr<MemoryBuffer> chunk) {
                             PhaseResult result =
                                 processBuffer(std::move(chunk), options);
                             total.passed += result.passed;
                             total.failed += result.failed;
                             return result.ok;
                           });
}

/// The input files of the command being run.
ArrayRef<std::string> inputsOf(CompileMode mode) {
  return mode == CompileMode::Run ? ArrayRef<std::string>(runFile)
                                  : ArrayRef<std::string>(inputFiles);
}

/// Validates the options shared by the three commands.
llvm::Optional<int> checkUsage(CompileMode mode) {
  ArrayRef<std::string> files = inputsOf(mode);
  if (files.empty())
    return usageError("no input file");
  if (mode == CompileMode::Run && files.size() > 1)
    return usageError("'run' takes one input file");
  for (const std::string &define : defines) {
    std::string message;
    if (!checkDefine(define, message))
      return usageError(message);
  }
  // Pictures are files: the extension says which kind.
  if (!reportPath.empty() && !StringRef(reportPath).endswith(".html"))
    return usageError("--report writes an HTML page; '" + reportPath +
                      "' does not end in '.html'");
  for (const std::string &plot : plots) {
    auto [name, path] = StringRef(plot).split('=');
    if (name.empty() || path.empty())
      return usageError("--plot expects 'NAME=FILE.svg', got '" + plot + "'");
    if (!path.endswith(".svg") && !path.endswith(".html"))
      return usageError("--plot writes SVG ('.svg') or HTML ('.html'); '" +
                        path + "' is neither");
  }
  if (precision == 0 || precision > 17)
    return usageError("--precision must be between 1 and 17");
  if (tableWidth < -1)
    return usageError("--table-width must be 0 (never vertical) or more");
  return llvm::None;
}

int runCompile(CompileMode mode) {
  if (llvm::Optional<int> usage = checkUsage(mode))
    return *usage;
  CompileOptions options;
  options.mode = mode;
  options.emit = emit;
  options.outputDir = outputDir;
  options.jobs = jobs;
  options.precision = precision;
  options.tableWidth = tableWidth;
  options.freshSearchCandidates = freshSearchCandidates;
  options.maxCandidates = maxCandidates;
  options.progressInterval = progressInterval;
  if (mode == CompileMode::Run) {
    options.reportPath = reportPath;
    options.reportTitle = "calcc run " + runFile.front();
    for (const std::string &plot : plots) {
      auto [name, path] = StringRef(plot).split('=');
      options.plots.emplace_back(name.str(), path.str());
    }
  }
  PhaseResult total;
  bool ok = true;
  ArrayRef<std::string> files = inputsOf(mode);
  bool testing =
      mode == CompileMode::Test && emit == EmitStage::None && !verifyDiagnostics;
  // Files that stopped on errors before any check ran, and files without a
  // check: without saying so, "0 passed, 0 failed" would read like success.
  unsigned stopped = 0, unchecked = 0;
  for (const std::string &file : files) {
    unsigned checksBefore = total.passed + total.failed;
    bool fileOk = processFile(file, options, total);
    bool noChecks = total.passed + total.failed == checksBefore;
    stopped += !fileOk && noChecks;
    if (testing && fileOk && noChecks) {
      reportError("calcc: ", "'" + file + "' has no assert or expect to run");
      ++unchecked;
      fileOk = false;
    }
    ok &= fileOk;
  }
  if (testing) {
    outs() << total.passed << " passed, " << total.failed << " failed";
    if (stopped)
      outs() << " (" << ir::countOf(stopped, "file")
             << " stopped on errors before running checks)";
    if (unchecked)
      outs() << " (" << ir::countOf(unchecked, "file") << " without checks)";
    outs() << "\n";
    ok &= total.failed == 0;
  }
  outs().flush();
  return ok ? ExitSuccess : ExitInputError;
}

int runRun() { return runCompile(CompileMode::Run); }
int runCheck() { return runCompile(CompileMode::Check); }
int runTest() { return runCompile(CompileMode::Test); }

} // namespace

static Command runCommand(runCmd, runRun);
static Command checkCommand(checkCmd, runCheck);
static Command testCommand(testCmd, runTest);
