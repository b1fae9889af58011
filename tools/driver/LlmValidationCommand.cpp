//===- LlmValidationCommand.cpp - `calcc llm-validation` (`lv`) -----------===//
//
// Calculon's comparison against Korthikanti et al. 2022 (docs/calculon-model.md
// §12). Inputs come from -b/--base_dir (Calculon's layout: models/, systems/,
// validation/seqsel/); without it, from the copies of Calculon's files built
// into calcc (eval/calculon/ValidationInputs.h), so the output never depends
// on the current directory.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "eval/calculon/Validation.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand lvCommand("llm-validation",
                                "Compare with published measurements "
                                "(Calculon 'lv')");
static cl::SubCommand lvAlias("lv", "Alias of llm-validation");
static cl::opt<std::string> lvBase("base_dir", cl::sub(lvCommand),
                                   cl::sub(lvAlias),
                                   cl::desc("Calculon's input folder (default: "
                                            "the copy built into calcc)"),
                                   cl::value_desc("DIR"));
static cl::alias lvBaseShort("b", cl::aliasopt(lvBase));
static cl::opt<bool> lvVerbose("verbose", cl::sub(lvCommand), cl::sub(lvAlias),
                               cl::desc("Name each run"));
static cl::alias lvVerboseShort("v", cl::aliasopt(lvVerbose));

static int runLv() {
  // An empty base selects the embedded inputs.
  std::string base = lvBase.getValue();
  std::string error;
  if (!calculon::runValidation(base, lvVerbose, outs(), error)) {
    return driver::reportError("", error);
  }
  return driver::ExitSuccess;
}

static driver::Command lvRegistration(lvCommand, runLv);
static driver::Command lvAliasRegistration(lvAlias, runLv);
