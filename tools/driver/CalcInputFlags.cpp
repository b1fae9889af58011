//===- CalcInputFlags.cpp - -I and --stdlib-dir of the Calculon commands --===//
#include "tools/driver/CalcInputFlags.h"

using namespace llvm;
using namespace calc::driver;

CalcInputFlags::CalcInputFlags(cl::SubCommand &command, cl::SubCommand &alias)
    : includeDirs("I", cl::Prefix, cl::ZeroOrMore, cl::sub(command),
                  cl::sub(alias), cl::value_desc("dir"),
                  cl::desc("Search DIR for imports of .calc inputs")),
      stdlibDir("stdlib-dir", cl::sub(command), cl::sub(alias),
                cl::value_desc("dir"),
                cl::desc("Read std/ imports of .calc inputs from DIR")) {}

CalcInputOptions CalcInputFlags::options() const {
  CalcInputOptions options;
  options.includeDirs.assign(includeDirs.begin(), includeDirs.end());
  options.stdlibDir = stdlibDir;
  return options;
}
