//===- SearchCommandOptions.h - Options shared by `loe` and `lae` ---------===//
//
// Calculon's two search commands take the same positional arguments and the
// flags -f, -n, -d, -c (docs/calculon-model.md §11.2–11.3), plus -I and
// --stdlib-dir for `.calc` inputs, --expert-imbalance for MoE models,
// --max-candidates and the hidden --progress-interval. Each
// command file owns one instance, constructed after its SubCommands in the same
// file, so the options are registered with subcommands that already exist.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_SEARCHCOMMANDOPTIONS_H
#define CALC_TOOLS_DRIVER_SEARCHCOMMANDOPTIONS_H

#include "tools/driver/CalcInputFlags.h"
#include "tools/driver/LlmInputs.h"

#include "eval/calculon/search/SearchArgs.h"
#include "eval/search/ProgressBar.h"

#include "llvm/Support/CommandLine.h"

#include <string>

namespace calc::driver {

class SearchCommandOptions {
public:
  /// Registers the options with `command` and its `alias`; `debugHelp`
  /// says what -d does for this command.
  SearchCommandOptions(llvm::cl::SubCommand &command,
                       llvm::cl::SubCommand &alias, llvm::StringRef debugHelp);

  /// Fills `args` from the positional arguments, -f and -c; an error names
  /// the bad argument.
  bool parse(calculon::SearchArgs &args, std::string &error);

  /// -I and --stdlib-dir, for the .calc inputs.
  CalcInputOptions inputOptions() const { return inputFlags.options(); }

  /// Prints "Search space: N candidates" ("at most N" when \p atMost) to
  /// stderr and refuses a space larger than --max-candidates: false after
  /// printing the error.
  bool announceSize(uint64_t candidates, bool atMost) const;
  /// The progress line printed to a non-terminal stderr.
  search::ProgressLog progressLog(llvm::StringRef label,
                                  uint64_t candidates) const;

  bool noneOk() const { return noneOkOpt; }
  bool debug() const { return debugOpt; }
  unsigned cpus() const { return unsigned(cpusOpt); }

private:
  llvm::cl::list<std::string> args;
  llvm::cl::opt<std::string> fused;
  llvm::cl::alias fusedLong;
  llvm::cl::opt<bool> noneOkOpt;
  llvm::cl::alias noneOkLong;
  llvm::cl::opt<bool> debugOpt;
  llvm::cl::alias debugLong;
  llvm::cl::opt<int> cpusOpt;
  llvm::cl::alias cpusLong;
  llvm::cl::opt<double> imbalanceOpt;
  llvm::cl::opt<unsigned long long> maxCandidatesOpt;
  llvm::cl::opt<double> progressIntervalOpt;
  CalcInputFlags inputFlags;
};

} // namespace calc::driver

#endif
