//===- LlmValidationCommand.cpp - `calcc llm-validation` (`lv`) -----------===//
//
// Calculon's comparison against Korthikanti et al. 2022 (reference §12).
// Inputs come from -b/--base_dir (models/, systems/, validation/seqsel/). By
// default: the current directory when it holds validation/seqsel (Calculon's
// layout), else ../shared/goldens/calculon-inputs (running from a calcc
// checkout next to the shared inputs).
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "eval/calculon/Validation.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand lvCommand("llm-validation",
                                "Compare with published measurements "
                                "(Calculon 'lv')");
static cl::SubCommand lvAlias("lv", "Alias of llm-validation");
static cl::opt<std::string> lvBase("base_dir", cl::sub(lvCommand),
                                   cl::sub(lvAlias),
                                   cl::desc("Calculon's input folder"),
                                   cl::value_desc("DIR"));
static cl::alias lvBaseShort("b", cl::aliasopt(lvBase));
static cl::opt<bool> lvVerbose("verbose", cl::sub(lvCommand), cl::sub(lvAlias),
                               cl::desc("Name each run"));
static cl::alias lvVerboseShort("v", cl::aliasopt(lvVerbose));

static std::string defaultBase() {
  if (sys::fs::is_directory("validation/seqsel"))
    return ".";
  return "../shared/goldens/calculon-inputs";
}

static int runLv() {
  std::string base = lvBase.empty() ? defaultBase() : lvBase.getValue();
  std::string error;
  if (!calculon::runValidation(base, lvVerbose, outs(), error)) {
    return driver::reportError("", error);
  }
  return driver::ExitSuccess;
}

static driver::Command lvRegistration(lvCommand, runLv);
static driver::Command lvAliasRegistration(lvAlias, runLv);
