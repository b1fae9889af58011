//===- FmtCommand.cpp - `calcc fmt`: the canonical layout -----------------===//
//
// `calcc fmt FILE… [-i] [--check]` (docs/cli.md, "fmt"): prints each file
// in the layout of frontend/Formatter.h, or with `-i` rewrites the files
// that change (atomically), or with `--check` lists them on stdout and
// exits 1. `-` is standard input. A file with syntax errors gets its
// diagnostics and is never touched; the others are still formatted.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "eval/output/AtomicFile.h"
#include "frontend/Diagnostics.h"
#include "frontend/Formatter.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand fmtCommand("fmt",
                                 "Format .calc files in the canonical layout");
static cl::list<std::string> fmtFiles(cl::Positional, cl::sub(fmtCommand),
                                      cl::OneOrMore,
                                      cl::desc("FILE.calc... ('-' for stdin)"));
static cl::opt<bool> fmtInPlace("i", cl::sub(fmtCommand),
                                cl::desc("Rewrite the files that change"));
static cl::opt<bool>
    fmtCheck("check", cl::sub(fmtCommand),
             cl::desc("List the files that would change; exit 1 if any"));

namespace {

enum class Outcome { Unchanged, Changed, Failed };

/// Formats one file and does what the flags say with it.
Outcome formatFile(StringRef path) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(driver::useColors());
  auto buffer = path == "-" ? MemoryBuffer::getSTDIN()
                            : MemoryBuffer::getFile(path, /*IsText=*/false,
                                                    /*RequiresNullTerminator=*/false);
  if (!buffer) {
    driver::reportError("calcc fmt: ", "cannot open '" + path +
                                           "': " + buffer.getError().message());
    return Outcome::Failed;
  }
  std::string original = (*buffer)->getBuffer().str();
  std::unique_ptr<MemoryBuffer> named =
      MemoryBuffer::getMemBufferCopy(original, path == "-" ? "<stdin>" : path);
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(named), SMLoc());
  std::string formatted;
  if (!formatBuffer(diags, id, formatted)) {
    diags.printSummary();
    return Outcome::Failed;
  }
  bool changed = formatted != original;
  if (fmtCheck) {
    if (changed)
      outs() << path << "\n";
  } else if (fmtInPlace && path != "-") {
    std::string error;
    if (changed && !eval::writeFileAtomically(path, formatted, error)) {
      driver::reportError("calcc fmt: ", error);
      return Outcome::Failed;
    }
  } else {
    outs() << formatted;
  }
  return changed ? Outcome::Changed : Outcome::Unchanged;
}

int runFmt() {
  if (fmtInPlace && fmtCheck)
    return driver::reportError("calcc fmt: ", "-i and --check exclude each other",
                               driver::ExitUsageError);
  bool failed = false;
  unsigned changed = 0;
  for (const std::string &path : fmtFiles) {
    Outcome o = formatFile(path);
    failed |= o == Outcome::Failed;
    changed += o == Outcome::Changed;
  }
  outs().flush();
  if (failed)
    return driver::ExitInputError;
  if (fmtCheck && changed) {
    errs() << changed << (changed == 1 ? " file" : " files")
           << " would be reformatted\n";
    return driver::ExitInputError;
  }
  return driver::ExitSuccess;
}

} // namespace

static driver::Command fmtRegistration(fmtCommand, runFmt);
