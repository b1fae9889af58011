//===- Sema.cpp - Top-level names, imports visibility and inheritance -----===//
//
// docs/language-reference.md §4.3: one namespace for every top-level name;
// `import "f"` brings in f's names and those f imports without `as` (the same
// declaration reached twice is not a duplicate); `as ns` puts them under `ns.`
// only; a collision is an error showing both declarations.
//
//===----------------------------------------------------------------------===//
#include "frontend/Sema.h"

#include "llvm/ADT/SmallVector.h"

using namespace calc;
using namespace calc::ast;
using llvm::SMRange;
using llvm::StringRef;

static StringRef declKindName(const Decl *d) {
  if (auto *e = llvm::dyn_cast<EntityDecl>(d))
    return EntityDecl::kindName(e->entityKind);
  return llvm::isa<SchemaDecl>(d) ? "schema" : "let";
}

/// "a model", "an execution": the kind with its indefinite article.
static std::string withArticle(StringRef kind) {
  bool vowel = !kind.empty() && StringRef("aeiou").contains(kind.front());
  return (vowel ? "an " : "a ") + kind.str();
}

bool Sema::run(const File &preludeFile, const File &mainFile) {
  unsigned errorsBefore = diags.errorCount();
  prelude = &preludeFile;
  main = &mainFile;
  for (const DeclPtr &d : prelude->decls) {
    declFile[d.get()] = prelude;
    if (auto *s = llvm::dyn_cast<SchemaDecl>(d.get())) {
      if (schemaByName.count(s->name.name)) {
        diags.error(s->name.loc(), "duplicate schema '" + s->name.name + "'",
                    {s->name.range});
        continue;
      }
      schemaByName[s->name.name] = s;
      schemaList.push_back(s);
    }
  }
  collectFiles(main);
  for (const File *f : fileOrder)
    buildExports(f);
  for (const File *f : fileOrder)
    buildVisible(f);
  for (const File *f : fileOrder)
    resolveBases(f);
  checkCycles();
  return diags.errorCount() == errorsBefore;
}

/// Orders files so that imports come before importers (the ImportResolver
/// has already rejected import cycles).
void Sema::collectFiles(const File *file) {
  if (fileState[file])
    return;
  fileState[file] = 1;
  for (const Import &imp : file->imports)
    if (imp.target)
      collectFiles(imp.target);
  for (const DeclPtr &d : file->decls) {
    declFile[d.get()] = file;
    if (auto *s = llvm::dyn_cast<SchemaDecl>(d.get()))
      if (!file->isPrelude)
        diags.error(s->loc(), "schemas may only be declared in the prelude",
                    {s->name.range});
    if (auto *e = llvm::dyn_cast<EntityDecl>(d.get()))
      entityList.push_back(e);
  }
  fileOrder.push_back(file);
}

void Sema::addName(NameTable &table, StringRef name, const Symbol &symbol,
                   SMRange useRange, bool local) {
  auto [it, inserted] = table.insert({name, symbol});
  if (inserted)
    return;
  const Symbol &old = it->second;
  if (old.kind == Symbol::Decl && symbol.kind == Symbol::Decl &&
      old.decl == symbol.decl)
    return; // The same declaration reached twice.
  llvm::SMLoc newLoc = symbol.kind == Symbol::Decl ? symbol.decl->name.loc()
                                                   : symbol.aliasRange.Start;
  llvm::SMLoc oldLoc = old.kind == Symbol::Decl ? old.decl->name.loc()
                                                : old.aliasRange.Start;
  SMRange range = useRange.isValid() ? useRange
                  : symbol.kind == Symbol::Decl ? symbol.decl->name.range
                                                : symbol.aliasRange;
  std::string what = local ? "'" + name.str() + "' collides with an imported name"
                           : "'" + name.str() + "' is imported twice";
  if (local && old.kind == Symbol::Decl && declFile.lookup(old.decl) == declFile.lookup(symbol.decl))
    what = "duplicate declaration of '" + name.str() + "'";
  auto diag = diags.error(range.Start, what, {range});
  if (newLoc != range.Start && newLoc.isValid())
    diag.note(newLoc, "declared here");
  if (!oldLoc.isValid())
    return;
  const File *oldFile = old.kind == Symbol::Decl ? declFile.lookup(old.decl) : nullptr;
  if (local && oldFile && what.rfind("duplicate", 0) != 0)
    diag.note(oldLoc, "'" + name + "' is also declared in '" + oldFile->path + "'");
  else
    diag.note(oldLoc, "previous declaration is here");
}

void Sema::buildExports(const File *file) {
  auto table = std::make_unique<NameTable>();
  // Imported names first, so a local declaration that collides with one is
  // the error (at the local name, with the imported one as a note).
  for (const Import &imp : file->imports) {
    if (!imp.target || imp.hasAlias())
      continue;
    for (const auto &[name, sym] : exported(imp.target))
      addName(*table, name, sym, imp.pathRange, /*local=*/false);
  }
  for (const DeclPtr &d : file->decls) {
    if (llvm::isa<SchemaDecl>(d.get()))
      continue;
    if (schemaByName.count(d->name.name)) {
      diags.error(d->name.loc(),
                  "'" + d->name.name + "' is a schema of the prelude; choose another name",
                  {d->name.range});
      continue;
    }
    addName(*table, d->name.name, Symbol{Symbol::Decl, d.get(), file, {}},
            SMRange(), /*local=*/true);
  }
  exports[file] = std::move(table);
}

void Sema::buildVisible(const File *file) {
  auto table = std::make_unique<NameTable>(exported(file));
  for (const Import &imp : file->imports) {
    if (!imp.target || !imp.hasAlias())
      continue;
    Symbol ns{Symbol::Namespace, nullptr, imp.target, imp.alias.range};
    addName(*table, imp.alias.name, ns, imp.alias.range, /*local=*/true);
  }
  visibleNames[file] = std::move(table);
}

const NameTable &Sema::visible(const File *file) const {
  static const NameTable empty;
  auto it = visibleNames.find(file);
  return it == visibleNames.end() ? empty : *it->second;
}

const NameTable &Sema::exported(const File *file) const {
  static const NameTable empty;
  auto it = exports.find(file);
  return it == exports.end() ? empty : *it->second;
}

const File *Sema::fileOf(const Decl *decl) const { return declFile.lookup(decl); }

const EntityDecl *Sema::baseOf(const EntityDecl *entity) const {
  return bases.lookup(entity);
}

const SchemaDecl *Sema::schema(StringRef name) const {
  return schemaByName.lookup(name);
}

const Symbol *Sema::lookup(const File *file, llvm::ArrayRef<Identifier> parts,
                           unsigned &used) const {
  used = 0;
  if (parts.empty())
    return nullptr;
  const NameTable *table = &visible(file);
  auto it = table->find(parts[0].name);
  if (it == table->end())
    return nullptr;
  if (it->second.kind == Symbol::Decl) {
    used = 1;
    return &it->second;
  }
  if (parts.size() < 2)
    return nullptr;
  const NameTable &inner = exported(it->second.file);
  auto jt = inner.find(parts[1].name);
  if (jt == inner.end())
    return nullptr;
  used = 2;
  return &jt->second;
}

/// Resolves `model b : a` to a declaration of the same kind.
void Sema::resolveBases(const File *file) {
  for (const DeclPtr &d : file->decls) {
    auto *e = llvm::dyn_cast<EntityDecl>(d.get());
    if (!e || !e->hasBase())
      continue;
    unsigned used = 0;
    const Symbol *sym = lookup(file, e->base.parts, used);
    if (!sym || used != e->base.parts.size()) {
      std::vector<StringRef> candidates;
      for (const auto &[name, s] : visible(file))
        if (s.kind == Symbol::Decl && llvm::isa<EntityDecl>(s.decl))
          candidates.push_back(name);
      auto diag = diags.error(e->base.range.Start,
                              "unknown " +
                                  EntityDecl::kindName(e->entityKind).str() +
                                  " '" + e->base.str() + "'",
                              {e->base.range});
      if (auto best = closestMatch(e->base.str(), candidates))
        diag.note(e->base.range.Start, "did you mean '" + best->str() + "'?");
      continue;
    }
    auto *base = llvm::dyn_cast<EntityDecl>(sym->decl);
    if (!base || base->entityKind != e->entityKind) {
      diags
          .error(e->base.range.Start,
                 "'" + e->base.str() + "' is " +
                     withArticle(declKindName(sym->decl)) + ", not " +
                     withArticle(EntityDecl::kindName(e->entityKind)),
                 {e->base.range})
          .note(sym->decl->name.loc(), "declared here");
      continue;
    }
    bases[e] = base;
  }
}

void Sema::checkCycles() {
  llvm::DenseMap<const EntityDecl *, unsigned> state; // 1 visiting, 2 done
  for (const EntityDecl *start : entityList) {
    llvm::SmallVector<const EntityDecl *, 8> chain;
    const EntityDecl *e = start;
    while (e && !state[e]) {
      state[e] = 1;
      chain.push_back(e);
      e = bases.lookup(e);
    }
    if (e && state[e] == 1) {
      std::string text;
      auto begin = llvm::find(chain, e);
      for (auto it = begin; it != chain.end(); ++it)
        text += "'" + (*it)->name.name + "' -> ";
      text += "'" + e->name.name + "'";
      diags.error(e->base.range.Start, "inheritance cycle: " + text,
                  {e->base.range});
      bases.erase(e); // Break the cycle so later phases terminate.
    }
    for (const EntityDecl *c : chain)
      state[c] = 2;
  }
}
