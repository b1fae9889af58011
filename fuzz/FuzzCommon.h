//===- FuzzCommon.h - What every libFuzzer target of calcc shares ---------===//
//
// The targets (docs/fuzzing.md) run calcc's libraries in-process on bytes
// libFuzzer chooses. A crash, a sanitizer report or a timeout is a finding
// by itself; these helpers turn the findings that are not crashes into one
// too: an "internal error" diagnostic (a broken invariant reported instead
// of a crash), a failure without any message (output lost), and the two
// runs of a differential target disagreeing. Each one prints what it saw and
// aborts, so libFuzzer saves the input.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FUZZ_FUZZCOMMON_H
#define CALC_FUZZ_FUZZCOMMON_H

#include "eval/Compilation.h"
#include "frontend/Diagnostics.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <string>

namespace calc::fuzz {

/// Prints "calc-fuzz: <what>" and \p detail to stderr and aborts.
[[noreturn]] void finding(llvm::StringRef what, llvm::StringRef detail = "");

/// The name the fuzzed main file gets: in a directory that does not exist,
/// so a relative `import` fails the same way wherever the fuzzer runs.
constexpr const char *mainFileName = "/nonexistent-calc-fuzz/input.calc";

/// One compilation of a `.calc` text, its diagnostics collected in a string
/// (so they can be compared and never reach the terminal) and counted as
/// they are made: the text echoes source lines, which the fuzzer controls,
/// so the checks read the diagnostics themselves, never the text.
struct CompiledText {
  std::string diagnostics;
  llvm::raw_string_ostream diagStream{diagnostics};
  llvm::SourceMgr sourceMgr;
  DiagnosticEngine diags{sourceMgr, diagStream};
  Compilation compilation{diags, ImportOptions()};
  unsigned bufferId = 0;
  /// Errors whose message begins "internal error" (a broken invariant).
  unsigned internalErrors = 0;

  explicit CompiledText(llvm::StringRef text);
  /// Loads the text (the prelude, the embedded stdlib's imports).
  bool load() { return compilation.load(bufferId); }
};

/// The findings every run of the compiler is checked for: an "internal
/// error" diagnostic, or \p ok false with no error reported at all.
void checkDiagnostics(CompiledText &compiled, bool ok, llvm::StringRef input);

} // namespace calc::fuzz

#endif
