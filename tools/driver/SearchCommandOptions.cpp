//===- SearchCommandOptions.cpp - Options shared by `loe` and `lae` -------===//
#include "tools/driver/SearchCommandOptions.h"

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
      inputFlags(command, alias) {}

bool SearchCommandOptions::parse(search::SearchArgs &out, std::string &error) {
  if (!search::parseSearchArgs(args, out, error))
    return false;
  if (cpusOpt < 0) {
    error = "-c must be >= 1";
    return false;
  }
  if (!search::parseFusedMode(fused, out.space.fused)) {
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
