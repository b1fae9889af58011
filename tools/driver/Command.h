//===- Command.h - calcc subcommands and their registry -------------------===//
//
// Each subcommand lives in its own file in tools/driver/: it defines a static
// llvm::cl::SubCommand, its options with cl::sub(), and a static Command object
// that registers the function to run once the command line is parsed. main()
// parses once and runs the active subcommand. Exit codes: 0 success, 1 input
// error or failed check, 2 command-line misuse (docs/language-reference.md §7).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_COMMAND_H
#define CALC_TOOLS_DRIVER_COMMAND_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/CommandLine.h"

namespace calc::driver {

/// Exit statuses shared by every command.
enum ExitCode : int { ExitSuccess = 0, ExitInputError = 1, ExitUsageError = 2 };

/// A registered subcommand. Construct one at namespace scope, after the
/// SubCommand it refers to, in the same file.
class Command {
public:
  using RunFn = int (*)();
  Command(llvm::cl::SubCommand &sub, RunFn run);

  llvm::cl::SubCommand &subCommand() const { return *sub; }
  int run() const { return runFn(); }

  /// Every registered command, in registration order.
  static llvm::ArrayRef<const Command *> all();

private:
  llvm::cl::SubCommand *sub;
  RunFn runFn;
};

/// --max-candidates by default (run, test, loe, lae): a search of more
/// candidates is refused before it starts. At 10^5–10^6 candidates a second
/// per thread, 10^9 is minutes to hours: anything larger is more likely a
/// mistake (a forgotten `where`, a domain too wide) than a plan.
constexpr unsigned long long DefaultMaxCandidates = 1000000000ULL;

/// How diagnostics are coloured (`--color`, shared by every command).
enum class ColorMode { Auto, Always, Never };
ColorMode colorMode();

/// Whether to colour stderr: `--color`, and for `auto` whether stderr is a
/// terminal that takes colours.
bool useColors();

/// Prints "<prefix>error: <message>" to stderr, "error:" in bold red when
/// useColors(); \p prefix is e.g. "calcc llm: " or empty. Returns \p code.
int reportError(llvm::StringRef prefix, const llvm::Twine &message,
                int code = ExitInputError);

/// Prints "<prefix>warning: <message>" to stderr, like reportError.
void reportWarning(llvm::StringRef prefix, const llvm::Twine &message);

} // namespace calc::driver

#endif
