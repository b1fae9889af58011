//===- LlmParameterCalculatorCommand.cpp - `calcc lpc` --------------------===//
//
// Calculon's `llm-parameter-calculator APP [-a N]` (docs/calculon-model.md
// §13.1): the model file's stem padded to N characters, " -> ", the parameter
// count in base-1000 human form ("megatron-1T   -> 1.008 T"). A `.calc` model
// (CalcInputs.h) is named by its entity, the name a user wrote for it.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/CalcInputFlags.h"
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"

#include "eval/calculon/Validation.h"
#include "eval/cost/HumanFormat.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand lpcCommand("llm-parameter-calculator",
                                 "Count a model's parameters (Calculon 'lpc')");
static cl::SubCommand lpcAlias("lpc", "Alias of llm-parameter-calculator");
static cl::opt<std::string> lpcModel(cl::Positional, cl::sub(lpcCommand),
                                     cl::sub(lpcAlias), cl::Required,
                                     cl::desc("MODEL.json or MODEL.calc"));
static cl::opt<unsigned> lpcAlign("alignment", cl::sub(lpcCommand),
                                  cl::sub(lpcAlias), cl::init(13),
                                  cl::desc("Pad the name to N characters"),
                                  cl::value_desc("N"));
static cl::alias lpcAlignShort("a", cl::aliasopt(lpcAlign));
static driver::CalcInputFlags lpcInputFlags(lpcCommand, lpcAlias);

static int runLpc() {
  cost::Model model;
  std::string name;
  if (!driver::loadModelInput(lpcModel, lpcInputFlags.options(), model, &name))
    return driver::ExitInputError;
  outs() << name;
  if (name.size() < lpcAlign)
    outs().indent(lpcAlign - name.size());
  outs() << " -> "
         << cost::humanFormat(calculon::parameterCount(model), 1000, "")
         << "\n";
  return driver::ExitSuccess;
}

static driver::Command lpcRegistration(lpcCommand, runLpc);
static driver::Command lpcAliasRegistration(lpcAlias, runLpc);
