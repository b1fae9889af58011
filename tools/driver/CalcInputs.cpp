//===- CalcInputs.cpp - A .calc file as an input of the Calculon commands -===//
//
// The same phases as `calcc check` (read, parse, imports, Sema, IR, verifier,
// statement checks), then the evaluator on the one entity asked for: it is
// validated like an `evaluate` input (complete, `require` lines hold) and
// converted by eval/CostInputs. The file's statements are checked but not
// run: the command, not the file, says what to compute.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/CalcInputs.h"
#include "tools/driver/Command.h"

#include "eval/Compilation.h"
#include "eval/CostInputs.h"
#include "eval/Evaluator.h"
#include "eval/cost/Training.h"
#include "frontend/Diagnostics.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using namespace calc;
using namespace calc::driver;

StringRef calc::driver::entityKindName(EntityKind kind) {
  switch (kind) {
  case EntityKind::Model:
    return "model";
  case EntityKind::Execution:
    return "execution";
  case EntityKind::System:
    return "system";
  }
  return "model";
}

bool calc::driver::isCalcInput(StringRef path) {
  return sys::path::extension(path) == ".calc";
}

namespace {

/// One .calc input being compiled; diagnostics go through `diags`.
class CalcInputLoader {
public:
  CalcInputLoader(DiagnosticEngine &diags, const CalcInputOptions &options)
      : diags(diags), options(options) {}

  bool load(unsigned bufferId, EntityKind kind, CalcEntity &out);

private:
  const ir::Entity *findEntity(const ir::Module &module, EntityKind kind,
                               StringRef path);
  bool convert(const ir::Module &module, const ir::Entity &entity,
               EntityKind kind, CalcEntity &out);

  DiagnosticEngine &diags;
  const CalcInputOptions &options;
};

} // namespace

bool CalcInputLoader::load(unsigned bufferId, EntityKind kind,
                           CalcEntity &out) {
  ImportOptions importOptions;
  importOptions.includeDirs = options.includeDirs;
  importOptions.stdlibDir = options.stdlibDir;
  Compilation compilation(diags, std::move(importOptions));
  if (!compilation.build(bufferId))
    return false;
  const ir::Module *module = &compilation.module();
  StringRef path =
      diags.getSourceMgr().getMemoryBuffer(bufferId)->getBufferIdentifier();
  const ir::Entity *entity = findEntity(*module, kind, path);
  return entity && convert(*module, *entity, kind, out);
}

/// The one entity of `kind` declared in the main file; reports zero or
/// several (naming what the file does declare).
const ir::Entity *CalcInputLoader::findEntity(const ir::Module &module,
                                              EntityKind kind,
                                              StringRef path) {
  StringRef kindName = entityKindName(kind);
  SmallVector<const ir::Entity *, 4> matches, others;
  for (const std::unique_ptr<ir::Entity> &e : module.entities())
    if (e->inMainFile)
      (e->schema->name == kindName ? matches : others).push_back(e.get());
  if (matches.size() == 1)
    return matches.front();
  if (matches.empty()) {
    auto diag = diags.error("'" + path + "' declares no " + kindName +
                            "; expected exactly one");
    for (const ir::Entity *e : others)
      diag.note(e->loc, "'" + e->name + "' is " +
                            (e->schema->name == "execution" ? "an " : "a ") +
                            e->schema->name);
    return nullptr;
  }
  std::string names;
  for (const ir::Entity *e : matches)
    names += (names.empty() ? "'" : ", '") + e->name + "'";
  auto diag = diags.error(matches[1]->loc,
                          "'" + path + "' declares " +
                              Twine(unsigned(matches.size())) + " " +
                              kindName + "s (" + names +
                              "); expected exactly one");
  for (const ir::Entity *e : matches)
    diag.note(e->loc, "'" + e->name + "' declared here");
  return nullptr;
}

/// Evaluates and validates the entity, then converts it.
bool CalcInputLoader::convert(const ir::Module &module,
                              const ir::Entity &entity, EntityKind kind,
                              CalcEntity &out) {
  eval::Evaluator ev(module, diags);
  eval::Instance *inst = ev.entity(&entity);
  SMRange use(entity.loc, entity.loc);
  if (!inst || !ev.validate(inst, use))
    return false;
  eval::FieldReader r(ev, use);
  out.name = entity.name;
  switch (kind) {
  case EntityKind::Model:
    out.model = eval::toCostModel(r, inst);
    break;
  case EntityKind::Execution:
    out.exe = eval::toCostExecution(r, inst);
    break;
  case EntityKind::System:
    out.system = eval::toCostSystem(r, inst);
    break;
  }
  if (!r.ok)
    return false;
  if (kind != EntityKind::System)
    return true;
  // Calculon's own system check (§2.4 #15), as for its JSON systems.
  cost::EvalStatus status = cost::checkSystem(out.system);
  if (status.ok())
    return true;
  std::string message;
  raw_string_ostream os(message);
  cost::renderStatus(status, os);
  diags.error(entity.loc, "system '" + entity.name + "' is not usable: " +
                              os.str());
  return false;
}

bool calc::driver::loadCalcEntity(StringRef path, EntityKind kind,
                                  const CalcInputOptions &options,
                                  CalcEntity &out) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(useColors());
  auto buffer = MemoryBuffer::getFile(path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  bool ok = false;
  if (!buffer) {
    diags.error("cannot open '" + path + "': " + buffer.getError().message());
  } else {
    unsigned bufferId =
        sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
    Compilation::onLargeStack(
        [&] { ok = CalcInputLoader(diags, options).load(bufferId, kind, out); });
  }
  ok &= !diags.hasErrors();
  diags.printSummary();
  return ok;
}
