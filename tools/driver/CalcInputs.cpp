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
  /// The entity \p name, of whichever convertible kind it is.
  bool loadNamed(unsigned bufferId, StringRef name, CalcEntity &out,
                 EntityKind &kind);

private:
  /// Builds the buffer and converts the entity \p find picks (of \p kind,
  /// which \p find may set).
  bool compile(
      unsigned bufferId,
      llvm::function_ref<const ir::Entity *(const ir::Module &, StringRef)>
          find,
      EntityKind &kind, CalcEntity &out);
  const ir::Entity *findEntity(const ir::Module &module, EntityKind kind,
                               StringRef path);
  const ir::Entity *findNamed(const ir::Module &module, StringRef name,
                              StringRef path, EntityKind &kind);
  bool convert(const ir::Module &module, const ir::Entity &entity,
               EntityKind kind, CalcEntity &out);

  DiagnosticEngine &diags;
  const CalcInputOptions &options;
};

} // namespace

bool CalcInputLoader::compile(
    unsigned bufferId,
    function_ref<const ir::Entity *(const ir::Module &, StringRef)> find,
    EntityKind &kind, CalcEntity &out) {
  ImportOptions importOptions;
  importOptions.includeDirs = options.includeDirs;
  importOptions.stdlibDir = options.stdlibDir;
  Compilation compilation(diags, std::move(importOptions));
  if (!compilation.build(bufferId))
    return false;
  const ir::Module &module = compilation.module();
  StringRef path =
      diags.getSourceMgr().getMemoryBuffer(bufferId)->getBufferIdentifier();
  const ir::Entity *entity = find(module, path);
  return entity && convert(module, *entity, kind, out);
}

bool CalcInputLoader::load(unsigned bufferId, EntityKind kind,
                           CalcEntity &out) {
  return compile(
      bufferId,
      [&](const ir::Module &m, StringRef path) {
        return findEntity(m, kind, path);
      },
      kind, out);
}

bool CalcInputLoader::loadNamed(unsigned bufferId, StringRef name,
                                CalcEntity &out, EntityKind &kind) {
  return compile(
      bufferId,
      [&](const ir::Module &m, StringRef path) {
        return findNamed(m, name, path, kind);
      },
      kind, out);
}

/// Whether \p e is a model, an execution or a system, and which.
static bool convertibleKind(const ir::Entity &e, EntityKind &kind) {
  for (EntityKind k :
       {EntityKind::Model, EntityKind::Execution, EntityKind::System})
    if (e.schema->name == entityKindName(k)) {
      kind = k;
      return true;
    }
  return false;
}

/// The entity called \p name in the file or its imports, or without a
/// name the one model, execution or system the file declares.
const ir::Entity *CalcInputLoader::findNamed(const ir::Module &module,
                                             StringRef name, StringRef path,
                                             EntityKind &kind) {
  if (name.empty()) {
    SmallVector<const ir::Entity *, 4> matches;
    for (const std::unique_ptr<ir::Entity> &e : module.entities())
      if (e->inMainFile && convertibleKind(*e, kind))
        matches.push_back(e.get());
    if (matches.size() == 1) {
      convertibleKind(*matches.front(), kind);
      return matches.front();
    }
    auto diag = diags.error(
        "'" + path + "' declares " +
        (matches.empty() ? Twine("no model, execution or system")
                         : Twine(unsigned(matches.size())) +
                               " models, executions and systems") +
        (matches.empty() ? "" : "; choose one with --entity NAME"));
    for (const ir::Entity *e : matches)
      diag.note(e->loc, "'" + e->name + "' is " +
                            (e->schema->name == "execution" ? "an " : "a ") +
                            e->schema->name);
    return nullptr;
  }
  const ir::Entity *found = nullptr;
  SmallVector<StringRef, 16> names;
  for (const std::unique_ptr<ir::Entity> &e : module.entities()) {
    names.push_back(e->name);
    if (e->name == name)
      found = e.get();
  }
  if (!found) {
    auto diag = diags.error("'" + path + "' declares no entity '" + name +
                            "' (nor do its imports)");
    if (Optional<StringRef> guess = closestMatch(name, names))
      diag.note("did you mean '" + *guess + "'?");
    return nullptr;
  }
  if (convertibleKind(*found, kind))
    return found;
  diags.error(found->loc, "'" + name + "' is " +
                              (found->schema->name == "execution" ? "an "
                                                                  : "a ") +
                              found->schema->name +
                              "; only a model, an execution or a system "
                              "converts to Calculon JSON");
  return nullptr;
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

/// Runs \p load on \p buffer (or reports why there is none) with
/// diagnostics printed clang style, ending with their summary.
static bool
withCalcBuffer(StringRef path, ErrorOr<std::unique_ptr<MemoryBuffer>> buffer,
               function_ref<bool(CalcInputLoader &, unsigned)> load,
               const CalcInputOptions &options) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(useColors());
  bool ok = false;
  if (!buffer) {
    diags.error("cannot open '" + path + "': " + buffer.getError().message());
  } else {
    unsigned bufferId =
        sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
    CalcInputLoader loader(diags, options);
    Compilation::onLargeStack([&] { ok = load(loader, bufferId); });
  }
  ok &= !diags.hasErrors();
  diags.printSummary();
  return ok;
}

static ErrorOr<std::unique_ptr<MemoryBuffer>> readCalcFile(StringRef path) {
  return MemoryBuffer::getFile(path, /*IsText=*/false,
                               /*RequiresNullTerminator=*/false);
}

bool calc::driver::loadCalcEntity(StringRef path, EntityKind kind,
                                  const CalcInputOptions &options,
                                  CalcEntity &out) {
  return withCalcBuffer(
      path, readCalcFile(path),
      [&](CalcInputLoader &l, unsigned id) { return l.load(id, kind, out); },
      options);
}

bool calc::driver::loadNamedCalcEntity(StringRef path, StringRef name,
                                       const CalcInputOptions &options,
                                       CalcEntity &out, EntityKind &kind) {
  return withCalcBuffer(
      path, readCalcFile(path),
      [&](CalcInputLoader &l, unsigned id) {
        return l.loadNamed(id, name, out, kind);
      },
      options);
}

bool calc::driver::loadCalcEntityFromText(StringRef bufferName, StringRef text,
                                          EntityKind kind,
                                          const CalcInputOptions &options,
                                          CalcEntity &out) {
  return withCalcBuffer(
      bufferName, MemoryBuffer::getMemBufferCopy(text, bufferName),
      [&](CalcInputLoader &l, unsigned id) { return l.load(id, kind, out); },
      options);
}
