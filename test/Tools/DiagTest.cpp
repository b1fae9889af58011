//===- DiagTest.cpp - calc-diag-test: drives diagnostics from markers -----===//
//
// A test-only tool for test/Diagnostics: it reports the diagnostics a file
// asks for, so the printer, --verify-diagnostics and --split-input-file can
// be tested through lit before (and independently of) the real phases.
//
// In each line, `emit-error {{msg}}`, `emit-warning {{msg}}` or
// `emit-note {{msg}}` reports a diagnostic located at the line's first `@`
// (or at the marker when the line has none), with one range per `$…$` span
// of the line (the text between the dollars). `emit-error@-1 {{msg}}` takes
// the location and ranges from the line above instead (any offset), so the
// echoed source line can be free of braces. `emit-error-noloc {{msg}}` has
// no location. Markers are handled in file order.
//
//   calc-diag-test [--verify-diagnostics] [--split-input-file]
//                  [--show-colors] FILE
//
// Exit status 0 when no error was reported (or verification passed), 1
// otherwise, 2 on command-line misuse; like calcc check.
//
//===----------------------------------------------------------------------===//
#include "frontend/DiagnosticVerifier.h"
#include "frontend/Diagnostics.h"
#include "frontend/SplitInput.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace calc;
using namespace llvm;

static cl::opt<std::string> inputFile(cl::Positional, cl::Required,
                                      cl::desc("<file>"));
static cl::opt<bool> verifyDiagnostics("verify-diagnostics",
                                       cl::desc("Check expected-* comments"));
static cl::opt<bool> splitInput("split-input-file",
                                cl::desc("Split the input on // -----"));
static cl::opt<bool> showColors("show-colors", cl::desc("Colour diagnostics"));

/// The `$…$` spans of \p line, as ranges.
static SmallVector<SMRange, 2> dollarRanges(StringRef line) {
  SmallVector<SMRange, 2> ranges;
  size_t open = line.find('$');
  while (open != StringRef::npos) {
    size_t close = line.find('$', open + 1);
    if (close == StringRef::npos)
      break;
    ranges.push_back(SMRange(SMLoc::getFromPointer(line.data() + open + 1),
                             SMLoc::getFromPointer(line.data() + close)));
    open = line.find('$', close + 1);
  }
  return ranges;
}

/// Reports every marker of line \p index. Notes attach to \p last, the
/// latest error or warning.
static void emitLine(DiagnosticEngine &diags, ArrayRef<StringRef> lines,
                     size_t index, Optional<DiagnosticBuilder> &last) {
  StringRef line = lines[index];
  size_t pos = 0;
  while ((pos = line.find("emit-", pos)) != StringRef::npos) {
    StringRef rest = line.drop_front(pos + 5);
    const char *marker = line.data() + pos;
    pos += 5;
    size_t open = rest.find("{{"), close = rest.find("}}");
    if (open == StringRef::npos || close == StringRef::npos || close < open)
      continue;
    StringRef kind = rest.take_front(open).trim();
    StringRef message = rest.slice(open + 2, close);
    StringRef target = line;
    int offset = 0;
    if (kind.contains('@')) {
      StringRef off = kind.split('@').second;
      off.consume_front("+");
      if (off.getAsInteger(10, offset) || int(index) + offset < 0 ||
          index + offset >= lines.size()) {
        diags.error(SMLoc::getFromPointer(marker), "bad line offset");
        continue;
      }
      kind = kind.split('@').first;
      target = lines[index + offset];
    }
    // The target line's `@` (on the marker's own line, only one before the
    // marker); else the marker, or the first non-blank of another line.
    size_t at = target.find('@');
    const char *locPtr =
        offset ? target.data() + (target.size() - target.ltrim().size())
               : marker;
    if (at != StringRef::npos && (offset || target.data() + at < marker))
      locPtr = target.data() + at;
    SMLoc loc = SMLoc::getFromPointer(locPtr);
    SmallVector<SMRange, 2> ranges = dollarRanges(target);
    if (kind == "error")
      last.emplace(diags.error(loc, message, ranges));
    else if (kind == "warning")
      last.emplace(diags.warning(loc, message, ranges));
    else if (kind == "error-noloc")
      last.emplace(diags.error(message));
    else if (kind == "note" && last)
      last->note(loc, message, ranges);
    else if (kind == "note")
      diags.error("note '" + message + "' follows no error or warning");
  }
}

/// Compiles one chunk: reports its markers, then verifies or summarizes.
static bool processChunk(std::unique_ptr<MemoryBuffer> chunk) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(showColors);
  diags.setProgramName("calc-diag-test");
  StringRef text = chunk->getBuffer();
  sourceMgr.AddNewSourceBuffer(std::move(chunk), SMLoc());
  Optional<DiagnosticVerifier> verifier;
  if (verifyDiagnostics)
    verifier.emplace(diags);

  Optional<DiagnosticBuilder> last;
  SmallVector<StringRef, 32> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i)
    emitLine(diags, lines, i, last);

  bool ok = verifier ? verifier->verify() : !diags.hasErrors();
  diags.printSummary();
  return ok;
}

int main(int argc, char **argv) {
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "calcc diagnostics test driver\n"))
    return 2;
  auto buffer = MemoryBuffer::getFileOrSTDIN(inputFile, /*IsText=*/true);
  if (!buffer) {
    SourceMgr empty;
    DiagnosticEngine diags(empty);
    diags.setProgramName("calc-diag-test");
    diags.error("cannot open '" + inputFile +
                "': " + buffer.getError().message());
    diags.printSummary();
    return 1;
  }
  return processSplitInput(std::move(*buffer), splitInput, processChunk) ? 0
                                                                         : 1;
}
