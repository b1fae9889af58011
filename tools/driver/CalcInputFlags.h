//===- CalcInputFlags.h - -I and --stdlib-dir of the Calculon commands ----===//
//
// `llm`, `loe`, `lae` and `lpc` read `.calc` inputs (CalcInputs.h) whose
// imports are found as for `calcc run`: -I DIR (repeatable, in order) and
// --stdlib-dir DIR. One object registers both flags with a command and its
// alias; it must be constructed after those SubCommands (same file, later).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_CALCINPUTFLAGS_H
#define CALC_TOOLS_DRIVER_CALCINPUTFLAGS_H

#include "tools/driver/CalcInputs.h"

#include "llvm/Support/CommandLine.h"

#include <string>

namespace calc::driver {

class CalcInputFlags {
public:
  /// Registers the flags with \p command and \p alias (a command without an
  /// alias passes itself twice).
  CalcInputFlags(llvm::cl::SubCommand &command, llvm::cl::SubCommand &alias);

  /// The flags' values.
  CalcInputOptions options() const;

private:
  llvm::cl::list<std::string> includeDirs;
  llvm::cl::opt<std::string> stdlibDir;
};

} // namespace calc::driver

#endif
