//===- main.cpp - The calcc driver ----------------------------------------===//
//
// Parses the command line once (llvm::cl subcommands) and runs the active
// subcommand. Every command reports errors through diagnostics and an exit
// code; nothing here may abort or print a stack trace.
//
//===----------------------------------------------------------------------===//
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
#include "tools/driver/Command.h"

#include "eval/output/AtomicFile.h"
#include "eval/output/TempFiles.h"
#ifdef CALC_WITH_MPI
#include "eval/search/mpi/MpiTransport.h"
#endif

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <fcntl.h>
#include <memory>
#include <unistd.h>
#include <vector>

using namespace llvm;
using namespace calc::driver;

static std::vector<const Command *> &registry() {
  static std::vector<const Command *> commands;
  return commands;
}

Command::Command(cl::SubCommand &sub, RunFn run) : sub(&sub), runFn(run) {
  registry().push_back(this);
}

ArrayRef<const Command *> Command::all() { return registry(); }

/// `--color=auto|always|never`. LLVMSupport already registers a boolean
/// `--color` (WithColor); ours replaces it, so it is created in main() after
/// LLVM's has been removed from the registry.
static cl::opt<ColorMode> *colorOption = nullptr;

static void registerColorOption() {
  auto &options = cl::getRegisteredOptions(*cl::TopLevelSubCommand);
  auto llvmColor = options.find("color");
  if (llvmColor != options.end())
    llvmColor->second->removeArgument();
  static cl::opt<ColorMode> option(
      "color", cl::desc("Colour diagnostics"), cl::init(ColorMode::Auto),
      cl::values(clEnumValN(ColorMode::Auto, "auto", "when stderr is a terminal"),
                 clEnumValN(ColorMode::Always, "always", "always"),
                 clEnumValN(ColorMode::Never, "never", "never")),
      cl::sub(*cl::AllSubCommands));
  colorOption = &option;
}

ColorMode calc::driver::colorMode() {
  return colorOption ? static_cast<ColorMode>(*colorOption) : ColorMode::Auto;
}

bool calc::driver::useColors() {
  switch (colorMode()) {
  case ColorMode::Always:
    return true;
  case ColorMode::Never:
    return false;
  case ColorMode::Auto:
    return sys::Process::StandardErrHasColors();
  }
  return false;
}

/// "<prefix><label>: <message>" on stderr, the label bold and coloured
/// when useColors().
static void report(StringRef prefix, StringRef label,
                   raw_ostream::Colors color, const Twine &message) {
  raw_ostream &os = errs();
  bool colors = useColors();
  // errs() only emits escapes while colours are enabled on it; restore the
  // stream's own setting afterwards.
  bool hadColors = os.colors_enabled();
  os.enable_colors(colors);
  os << prefix;
  if (colors)
    os.changeColor(color, /*Bold=*/true);
  os << label << ": ";
  if (colors)
    os.resetColor();
  os << message << "\n";
  os.enable_colors(hadColors);
}

int calc::driver::reportError(StringRef prefix, const Twine &message,
                              int code) {
  report(prefix, "error", raw_ostream::RED, message);
  return code;
}

void calc::driver::reportWarning(StringRef prefix, const Twine &message) {
  report(prefix, "warning", raw_ostream::MAGENTA, message);
}

static void printVersion(raw_ostream &os) {
  os << "calcc version " CALC_VERSION "\n";
}

/// Lists the subcommands, for `calcc` without one.
static void printUsage(raw_ostream &os) {
  os << "usage: calcc <command> [options] [arguments]\n\ncommands:\n";
  for (const Command *c : Command::all()) {
    cl::SubCommand &s = c->subCommand();
    os << "  ";
    os.indent(0) << s.getName();
    os.indent(s.getName().size() < 26 ? 26 - s.getName().size() : 1)
        << s.getDescription() << "\n";
  }
  os << "\nRun 'calcc <command> --help' for the options of a command.\n";
}

/// A search worker's evaluator frees its arena every few thousand
/// candidates and builds it again; with glibc's default thresholds each
/// cycle returns the pages to the kernel and faults them back in, which cost
/// more than the evaluations (a generation search spent 60% of its time in
/// page faults). Keeping freed memory in the process removes that churn;
/// peak memory is unchanged.
static void keepFreedMemory() {
#ifdef M_TRIM_THRESHOLD
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
}

/// Runs the command line's subcommand.
static int runCommandLine(int argc, char **argv) {
  if (argc < 2) {
    printUsage(errs());
    return ExitUsageError;
  }
  StringRef first = argv[1];
  if (!first.startswith("-")) {
    bool known = false;
    for (const Command *c : Command::all())
      known |= c->subCommand().getName() == first;
    if (!known) {
      reportError("calcc: ", "unknown command '" + first + "'");
      printUsage(errs());
      return ExitUsageError;
    }
  }
  if (!cl::ParseCommandLineOptions(argc, argv, "calcc: the .calc compiler\n",
                                   &errs()))
    return ExitUsageError;
  for (const Command *c : Command::all())
    if (c->subCommand())
      return c->run();
  printUsage(errs());
  return ExitUsageError;
}

/// Under an MPI launcher every rank runs the whole command on the same
/// input (so every rank reaches the same searches, and an input error ends
/// every rank with status 1); searches share their chunks over the ranks
/// (eval/search/SearchTransport.h). Only rank 0 prints and writes files:
/// the others' stdout and stderr go to /dev/null and their file writes are
/// dropped. Without a launcher, MPI is never initialized.
static int runOnRanks(int argc, char **argv) {
#ifdef CALC_WITH_MPI
  if (calc::search::launchedByMpi()) {
    std::string error;
    std::unique_ptr<calc::search::SearchTransport> ranks =
        calc::search::startMpiTransport(argc, argv, error);
    if (!ranks)
      return reportError("calcc: ", error, ExitUsageError);
    calc::search::setTransport(ranks.get());
    if (!ranks->isRoot()) {
      calc::eval::setFileOutputDiscarded(true);
      int null = open("/dev/null", O_WRONLY);
      if (null >= 0) {
        dup2(null, STDOUT_FILENO);
        dup2(null, STDERR_FILENO);
        close(null);
      }
    }
    int code = runCommandLine(argc, argv);
    outs().flush();
    errs().flush();
    calc::search::setTransport(nullptr);
    ranks.reset();
    return calc::search::finishMpi(code);
  }
#endif
  return runCommandLine(argc, argv);
}

int main(int argc, char **argv) {
  keepFreedMemory();
  // Before any output: a signal removes the temporaries of unfinished
  // outputs and ends calcc with the signal's status.
  calc::eval::installSignalCleanup();
  cl::SetVersionPrinter(printVersion);
  registerColorOption();
  return runOnRanks(argc, argv);
}
