//===- LlmParameterCalculatorCommand.cpp - `calcc lpc` --------------------===//
//
// Calculon's `llm-parameter-calculator APP [-a N]` (docs/calculon-model.md §13.1): the
// model file's stem padded to N characters, " -> ", the parameter count in
// base-1000 human form ("megatron-1T   -> 1.008 T"); a mixture-of-experts
// model adds its active parameters ("mixtral-8x7b -> 46.712 G total,
// 12.880 G active"). A `.calc` model (CalcInputs.h) is named by its
// entity, the name a user wrote for it.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/CalcInputFlags.h"
#include "tools/driver/Command.h"
#include "tools/driver/LlmInputs.h"

#include "eval/cost/HumanFormat.h"
#include "eval/cost/Parameters.h"

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
  cost::ParameterCount count = cost::countParameters(model);
  outs() << " -> " << cost::humanFormat(count.total, 1000, "");
  // A mixture of experts also says what one token uses.
  if (model.isMoe())
    outs() << " total, " << cost::humanFormat(count.active, 1000, "")
           << " active";
  outs() << "\n";
  return driver::ExitSuccess;
}

static driver::Command lpcRegistration(lpcCommand, runLpc);
static driver::Command lpcAliasRegistration(lpcAlias, runLpc);
