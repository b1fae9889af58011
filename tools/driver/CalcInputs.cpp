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

#include "eval/CostInputs.h"
#include "eval/Statements.h"
#include "eval/cost/Training.h"
#include "frontend/Diagnostics.h"
#include "frontend/ImportResolver.h"
#include "frontend/Sema.h"
#include "ir/IRBuilder.h"
#include "ir/IRPrinter.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/thread.h"

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
  std::unique_ptr<Program> program =
      ImportResolver(diags, std::move(importOptions)).load(bufferId);
  if (!program)
    return false;
  Sema sema(diags);
  if (!sema.run(*program->prelude, *program->main))
    return false;
  ir::IRBuilder builder(sema, diags);
  std::unique_ptr<ir::Module> module = builder.build();
  if (!module)
    return false;
  std::string problem = ir::verifyModule(*module);
  if (!problem.empty()) {
    diags.error("internal error: invalid IR: " + problem);
    return false;
  }
  if (!eval::checkStatements(*module, diags))
    return false;
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

/// The evaluator and lowering recurse (bounded, see SemanticPhases.cpp), so
/// the phases run on a thread with a large reserved stack, as for `run`.
static constexpr unsigned loaderStackSize = 512u << 20;

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
    llvm::thread worker(Optional<unsigned>(loaderStackSize), [&] {
      ok = CalcInputLoader(diags, options).load(bufferId, kind, out);
    });
    worker.join();
  }
  ok &= !diags.hasErrors();
  diags.printSummary();
  return ok;
}
