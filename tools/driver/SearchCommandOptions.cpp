//===- SearchCommandOptions.cpp - Options shared by `loe` and `lae` -------===//
#include "tools/driver/SearchCommandOptions.h"
#include "tools/driver/Command.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;
using namespace calc::driver;

SearchCommandOptions::SearchCommandOptions(cl::SubCommand &command,
                                           cl::SubCommand &alias,
                                           StringRef debugHelp)
    : args(cl::Positional, cl::sub(command), cl::sub(alias),
           cl::desc("APP NUM_PROCS MAX_BATCH DATATYPE SYSTEM OUT"),
           cl::ZeroOrMore),
      fused("f", cl::sub(command), cl::sub(alias), cl::init("true"),
            cl::desc("Fused activation: true, false or both"),
            cl::value_desc("MODE")),
      fusedLong("fused_activation", cl::aliasopt(fused)),
      noneOkOpt("n", cl::sub(command), cl::sub(alias),
                cl::desc("Exit 0 even if nothing fits")),
      noneOkLong("noneok", cl::aliasopt(noneOkOpt)),
      debugOpt("d", cl::sub(command), cl::sub(alias), cl::desc(debugHelp)),
      debugLong("debug", cl::aliasopt(debugOpt)),
      cpusOpt("c", cl::sub(command), cl::sub(alias), cl::init(0),
              cl::desc("Worker threads (default: one per core)"),
              cl::value_desc("N")),
      cpusLong("cpus", cl::aliasopt(cpusOpt)),
      imbalanceOpt("expert-imbalance", cl::sub(command), cl::sub(alias),
                   cl::init(1.0),
                   cl::desc("MoE models: the busiest expert's load over the "
                            "mean, >= 1 (default 1: balanced routing)"),
                   cl::value_desc("X")),
      maxCandidatesOpt(
          "max-candidates", cl::sub(command), cl::sub(alias),
          cl::init(DefaultMaxCandidates),
          cl::desc("Refuse a search space of more candidates (default 1e9; "
                   "0: no limit)"),
          cl::value_desc("N")),
      // A testing aid: 0 prints the progress line after every chunk.
      progressIntervalOpt(
          "progress-interval", cl::sub(command), cl::sub(alias), cl::Hidden,
          cl::init(search::ProgressLog::DefaultIntervalSeconds),
          cl::desc("Seconds between progress lines when stderr is not a "
                   "terminal (< 0: none)"),
          cl::value_desc("S")),
      inputFlags(command, alias) {}

bool SearchCommandOptions::announceSize(uint64_t candidates,
                                        bool atMost) const {
  std::string size = (atMost ? "at most " : "") + std::to_string(candidates);
  errs() << "Search space: " << size << " candidates\n";
  if (!maxCandidatesOpt || candidates <= maxCandidatesOpt)
    return true;
  reportError("", "the search space has " + size +
                      " candidates, more than --max-candidates=" +
                      std::to_string(maxCandidatesOpt) +
                      "; raise the limit with --max-candidates=N, or "
                      "--max-candidates=0 for none");
  return false;
}

search::ProgressLog SearchCommandOptions::progressLog(StringRef label,
                                                      uint64_t candidates) const {
  search::ProgressLog log;
  log.label = label.str();
  log.total = candidates;
  log.intervalSeconds = progressIntervalOpt;
  return log;
}

bool SearchCommandOptions::parse(calculon::SearchArgs &out,
                                 std::string &error) {
  if (!calculon::parseSearchArgs(args, out, error))
    return false;
  if (cpusOpt < 0) {
    error = "-c must be >= 1";
    return false;
  }
  if (!calculon::parseFusedMode(fused, out.space.fused)) {
    error = "-f must be true, false or both, got '" + fused + "'";
    return false;
  }
  if (!(imbalanceOpt >= 1)) {
    error = "--expert-imbalance must be >= 1";
    return false;
  }
  out.space.expertImbalance = imbalanceOpt;
  return true;
}
