//===- ConvertCommand.cpp - `calcc convert`: Calculon JSON <-> .calc ------===//
//
// `calcc convert IN [-o OUT] [--entity NAME]` (docs/cli.md, "convert"):
// a Calculon model, execution or system JSON file becomes one `.calc`
// entity (named after the file, or NAME), and a `.calc` model, execution or
// system (the file's only one, or NAME) becomes the JSON file Calculon's
// `llm` reads. Either way the result is read back before it is written and
// compared field by field with what was read, so a conversion never changes
// a number silently; output goes to OUT atomically, or to stdout.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/CalcInputFlags.h"
#include "tools/driver/CalcInputs.h"
#include "tools/driver/Command.h"

#include "eval/calculon/CalcWriter.h"
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/InputDifference.h"
#include "eval/calculon/InputKind.h"
#include "eval/calculon/InputWriter.h"
#include "eval/calculon/JsonReader.h"
#include "eval/output/AtomicFile.h"
#include "frontend/Names.h"

#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace calc;

static cl::SubCommand convertCommand(
    "convert", "Convert Calculon JSON to .calc, or a .calc entity to JSON");
static cl::opt<std::string> convertInput(cl::Positional, cl::sub(convertCommand),
                                         cl::Required,
                                         cl::desc("IN.json or IN.calc"));
static cl::opt<std::string>
    convertOutput("o", cl::sub(convertCommand),
                  cl::desc("Write to FILE (default: standard output)"),
                  cl::value_desc("FILE"));
static cl::opt<std::string> convertEntity(
    "entity", cl::sub(convertCommand),
    cl::desc("The .calc entity to convert, or the name to give a JSON "
             "file's entity"),
    cl::value_desc("NAME"));
static driver::CalcInputFlags convertInputFlags(convertCommand,
                                                convertCommand);

static constexpr StringRef Prefix = "calcc convert: ";

static int fail(const Twine &message) {
  return driver::reportError(Prefix, message);
}

static void warnAll(const std::vector<std::string> &warnings) {
  for (const std::string &w : warnings)
    driver::reportWarning(Prefix, w);
}

/// OUT, or stdout without -o.
static int emit(StringRef text) {
  if (convertOutput.empty()) {
    outs() << text;
    outs().flush();
    return driver::ExitSuccess;
  }
  std::string error;
  if (!eval::writeFileAtomically(convertOutput, text, error))
    return fail(error);
  return driver::ExitSuccess;
}

static driver::EntityKind entityKindOf(calculon::InputKind kind) {
  switch (kind) {
  case calculon::InputKind::Execution:
    return driver::EntityKind::Execution;
  case calculon::InputKind::System:
    return driver::EntityKind::System;
  default:
    return driver::EntityKind::Model;
  }
}

/// A model without kv_heads means multi-head attention in both readers,
/// spelt 0 by the JSON one until an execution is applied.
static cost::Model withKvHeads(cost::Model m) {
  if (m.kvHeads == 0)
    m.kvHeads = m.attnHeads;
  return m;
}

static int jsonToCalc(StringRef path) {
  calculon::JsonReader reader(path);
  if (reader.failed())
    return fail(reader.error());
  calculon::InputKind kind = calculon::detectInputKind(*reader.root());
  if (kind == calculon::InputKind::Unknown)
    return fail(path + ": not a Calculon model, execution or system file "
                       "(it has too few of their keys)");
  std::string name = convertEntity;
  if (name.empty())
    name = nameFromText(sys::path::stem(path), calculon::inputKindName(kind));
  else if (!isValidName(name))
    return driver::reportError(Prefix,
                               "--entity '" + name + "' is not a valid name",
                               driver::ExitUsageError);

  // Read it as `llm` would: what fails there fails here, with its message.
  driver::CalcEntity original;
  calculon::AttentionType attention;
  std::string error;
  bool ok = false;
  switch (kind) {
  case calculon::InputKind::Model:
    ok = calculon::loadModel(reader, original.model, error);
    break;
  case calculon::InputKind::Execution:
    ok = calculon::loadExecution(reader, original.exe, attention, error);
    break;
  case calculon::InputKind::System:
    ok = calculon::loadSystem(reader, original.system, error);
    break;
  case calculon::InputKind::Unknown:
    break;
  }
  if (!ok)
    return fail(error);

  std::string text;
  raw_string_ostream os(text);
  std::vector<std::string> warnings;
  os << "// Calculon " << calculon::inputKindName(kind) << " "
     << sys::path::filename(path) << ", converted by `calcc convert`.\n\n";
  calculon::writeCalcEntity(*reader.root(), kind, name,
                            sys::path::filename(path), os, warnings);
  os.flush();

  driver::CalcEntity back;
  std::string bufferName =
      convertOutput.empty() ? (name + ".calc") : convertOutput.getValue();
  if (!driver::loadCalcEntityFromText(bufferName, text, entityKindOf(kind),
                                      convertInputFlags.options(), back))
    return fail(path + ": the language rejects the converted " +
                calculon::inputKindName(kind) +
                " (above); nothing written");
  std::string difference;
  switch (kind) {
  case calculon::InputKind::Model:
    difference = calculon::firstDifference(withKvHeads(original.model),
                                           withKvHeads(back.model));
    break;
  case calculon::InputKind::Execution:
    difference = calculon::firstDifference(original.exe, back.exe);
    break;
  default:
    difference = calculon::firstDifference(original.system, back.system);
    break;
  }
  if (!difference.empty())
    return fail("internal error: the converted file reads differently (" +
                difference + "); nothing written");
  warnAll(warnings);
  return emit(text);
}

static int calcToJson(StringRef path) {
  driver::CalcEntity entity;
  driver::EntityKind kind;
  if (!driver::loadNamedCalcEntity(path, convertEntity,
                                   convertInputFlags.options(), entity, kind))
    return driver::ExitInputError;
  std::string text;
  raw_string_ostream os(text);
  std::vector<std::string> warnings;
  switch (kind) {
  case driver::EntityKind::Model:
    calculon::writeModelJson(entity.model, os);
    break;
  case driver::EntityKind::Execution:
    calculon::writeExecutionJson(entity.exe, os);
    break;
  case driver::EntityKind::System:
    calculon::writeSystemJson(entity.system, os, warnings);
    break;
  }
  os.flush();

  // Read the JSON back as `llm` will.
  std::string name =
      convertOutput.empty() ? entity.name + ".json" : convertOutput.getValue();
  calculon::JsonReader reader(name, text);
  driver::CalcEntity back;
  calculon::AttentionType attention;
  std::string error, difference;
  bool ok = !reader.failed();
  switch (kind) {
  case driver::EntityKind::Model:
    ok = ok && calculon::loadModel(reader, back.model, error);
    difference = calculon::firstDifference(withKvHeads(entity.model),
                                           withKvHeads(back.model));
    break;
  case driver::EntityKind::Execution:
    ok = ok && calculon::loadExecution(reader, back.exe, attention, error);
    difference = calculon::firstDifference(entity.exe, back.exe);
    break;
  case driver::EntityKind::System:
    ok = ok && calculon::loadSystem(reader, back.system, error);
    difference = calculon::firstDifference(entity.system, back.system);
    break;
  }
  if (!ok)
    return fail("internal error: the JSON written does not read back: " +
                (reader.failed() ? reader.error() : error));
  // A number Calculon cannot hold exactly is a warning already; any other
  // difference is a bug, and nothing is written.
  if (!difference.empty() && warnings.empty())
    return fail("internal error: the JSON written reads differently (" +
                difference + "); nothing written");
  warnAll(warnings);
  return emit(text);
}

static int runConvert() {
  StringRef in = convertInput;
  if (driver::isCalcInput(in))
    return calcToJson(in);
  if (sys::path::extension(in) == ".json")
    return jsonToCalc(in);
  return driver::reportError(Prefix,
                             "'" + in + "': expected a .json or .calc file",
                             driver::ExitUsageError);
}

static driver::Command convertRegistration(convertCommand, runConvert);
