//===- LlmParameterCalculatorCommand.cpp - `calcc lpc` --------------------===//
//
// Calculon's `llm-parameter-calculator APP [-a N]` (reference §13.1): the
// model file's stem padded to N characters, " -> ", the parameter count in
// base-1000 human form ("megatron-1T   -> 1.008 T").
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/Validation.h"
#include "eval/cost/HumanFormat.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand lpcCommand("llm-parameter-calculator",
                                 "Count a model's parameters (Calculon 'lpc')");
static cl::SubCommand lpcAlias("lpc", "Alias of llm-parameter-calculator");
static cl::opt<std::string> lpcModel(cl::Positional, cl::sub(lpcCommand),
                                     cl::sub(lpcAlias), cl::Required,
                                     cl::desc("MODEL.json"));
static cl::opt<unsigned> lpcAlign("alignment", cl::sub(lpcCommand),
                                  cl::sub(lpcAlias), cl::init(13),
                                  cl::desc("Pad the name to N characters"),
                                  cl::value_desc("N"));
static cl::alias lpcAlignShort("a", cl::aliasopt(lpcAlign));

static int runLpc() {
  cost::Model model;
  std::string error;
  if (!calculon::loadModel(lpcModel, model, error)) {
    return driver::reportError("", error);
  }
  StringRef name = sys::path::stem(lpcModel);
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
