//===- IRBuilder.cpp - Entities, lets, statements and `-D` overrides ------===//
//
// Lowers every declaration of every loaded file (entities lazily, so a
// reference only needs the Entity, whose body may still be in progress;
// lets eagerly typed with cycle detection) and the main file's statements.
// Statements of imported files do not run (docs/language-reference.md §4.3).
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"

using namespace calc;
using namespace calc::ir;
using llvm::StringRef;

static StringRef schemaNameOf(const ast::EntityDecl *decl) {
  return ast::EntityDecl::kindName(decl->entityKind);
}

std::unique_ptr<Module> IRBuilder::build(llvm::ArrayRef<Override> overrides) {
  unsigned errorsBefore = diags.errorCount();
  declareSchemas();
  applyOverrides(overrides);
  for (const ast::File *file : sema.files())
    for (const ast::DeclPtr &d : file->decls) {
      if (auto *e = llvm::dyn_cast<ast::EntityDecl>(d.get()))
        entityFor(e);
      else if (auto *l = llvm::dyn_cast<ast::LetDecl>(d.get()))
        letFor(l);
    }
  lowerStatements();
  warnOverriddenDefines();
  if (diags.errorCount() != errorsBefore)
    return nullptr;
  return std::move(module);
}

Entity *IRBuilder::entityFor(const ast::EntityDecl *decl) {
  auto it = entities.find(decl);
  if (it != entities.end())
    return it->second;
  Entity *e = module->newEntity(decl->name.name);
  entities[decl] = e;
  e->loc = decl->name.loc();
  e->inMainFile = sema.fileOf(decl) == sema.mainFile();
  e->schema = schemas.lookup(schemaNameOf(decl));
  if (!e->schema) {
    diags.error(decl->loc(), "the prelude has no schema '" +
                                 schemaNameOf(decl) + "'",
                {decl->name.range});
    return e;
  }
  if (const ast::EntityDecl *base = sema.baseOf(decl))
    e->base = entityFor(base);
  std::string what = e->schema->name + " '" + e->name + "'";
  const ast::File *file = sema.fileOf(decl);
  e->body = lowerBlock(decl->body, e->schema, nullptr, what, file);
  auto ov = overridesOf.find(decl);
  if (ov != overridesOf.end())
    overrideLayers(e, ov->second, what);
  return e;
}

/// One component of a `-D` path: `networks[1]` is the field `networks` and
/// the index 1 (-1: none). The driver checked the syntax.
static std::pair<StringRef, int64_t> pathPart(StringRef part) {
  size_t open = part.find('[');
  if (open == StringRef::npos || !part.endswith("]"))
    return {part, -1};
  int64_t index = -1;
  part.slice(open + 1, part.size() - 1).getAsInteger(10, index);
  return {part.take_front(open), index};
}

/// The `-D` layers of entity \p e: `a.b.c = X` becomes `b { c = X }`,
/// `a.l[1].c = X` becomes `l[1] { c = X }`. A later override goes in the
/// top layer unless it needs another element of a list the layer already
/// amends, which a block cannot say twice: then in a new layer on top.
void IRBuilder::overrideLayers(Entity *e, llvm::ArrayRef<const Override *> list,
                               const std::string &what) {
  for (const Override *o : list) {
    bool conflict = false;
    if (!e->overrides.empty() &&
        (placeOverride(const_cast<Block *>(e->overrides.front()), *o,
                       e->schema, what, conflict) ||
         !conflict))
      continue;
    Block *layer = module->newBlock(e->schema);
    e->overrides.insert(e->overrides.begin(), layer);
    placeOverride(layer, *o, e->schema, what, conflict);
  }
}

/// Places \p o in \p layer. Returns false after an error, or with \p
/// conflict set (and nothing added) when the layer amends another element
/// of a list on the path.
bool IRBuilder::placeOverride(Block *layer, const Override &o,
                              const Schema *schema, const std::string &what,
                              bool &conflict) {
  llvm::SmallVector<StringRef, 4> path;
  StringRef(o.path).split(path, '.');
  Block *block = layer;
  Scope scope{schema, nullptr, what, false};
  std::vector<std::unique_ptr<Scope>> scopes;
  for (size_t i = 1; i < path.size(); ++i) {
    auto [name, index] = pathPart(path[i]);
    ast::Identifier id{name.str(), o.range};
    int slot = fieldSlot(id, block->schema, scope.what, true);
    if (slot < 0)
      return false;
    const FieldDecl &field = block->schema->fields[slot];
    bool last = i + 1 == path.size();
    if (index < 0 && last) {
      overrideField(block, slot, o, scope);
      return true;
    }
    if (index >= 0 && (field.type.kind != TypeKind::List ||
                       field.type.elem != TypeKind::Entity)) {
      diags.error(o.range.Start, "'" + name + "' in '" + o.path + "' is " +
                                     field.type.str() +
                                     ", not a list of blocks to index",
                  {o.range});
      return false;
    }
    if (index < 0 && field.type.kind != TypeKind::Entity) {
      diags.error(o.range.Start, "'" + name + "' in '" + o.path + "' is " +
                                     field.type.str() + ", not a nested block",
                  {o.range});
      return false;
    }
    if (last) {
      diags.error(o.range.Start,
                  "-D path '" + o.path + "' names an element of '" + name +
                      "'; give one of its fields, e.g. '" + o.path +
                      ".field=EXPR'",
                  {o.range});
      return false;
    }
    const Member *existing = block->find(slot);
    if (existing && index >= 0 &&
        (existing->kind != MemberKind::IndexAmend ||
         existing->index->value.i != index)) {
      conflict = true;
      return false;
    }
    if (!existing) {
      Member m;
      m.kind = index >= 0 ? MemberKind::IndexAmend : MemberKind::Nested;
      m.slot = slot;
      m.block = module->newBlock(field.type.schema);
      m.range = o.range;
      if (index >= 0)
        m.index = module->newExpr(ExprKind::Const, Type::number(Dimension()),
                                  o.range);
      if (m.index)
        m.index->value = Value::integer(index);
      addMember(block, m, o.range);
      existing = block->find(slot);
    }
    scopes.push_back(std::make_unique<Scope>(scope));
    scope = Scope{field.type.schema, scopes.back().get(),
                  field.type.schema->name + " '" + path[i].str() + "'", false};
    block = const_cast<Block *>(existing->block);
  }
  return true;
}

/// `field = EXPR` in an override layer; a later `-D` of the same path wins.
void IRBuilder::overrideField(Block *block, unsigned slot, const Override &o,
                              const Scope &scope) {
  Member m;
  m.slot = slot;
  m.value = lowerExpr(o.value, &scope, sema.mainFile());
  m.range = o.range;
  checkAssignable(block->schema->fields[slot], m.value);
  block->memberOf.resize(block->schema->fields.size(), -1);
  if (block->memberOf[slot] >= 0)
    block->members[block->memberOf[slot]] = m;
  else
    addMember(block, m, o.range);
}

Let *IRBuilder::letFor(const ast::LetDecl *decl) {
  auto it = lets.find(decl);
  if (it != lets.end())
    return it->second;
  if (letState[decl] == 1)
    return nullptr; // A cycle; the caller reports it.
  letState[decl] = 1;
  const ast::Expr *valueExpr = decl->value.get();
  auto ov = overridesOf.find(decl);
  if (ov != overridesOf.end())
    valueExpr = ov->second.back()->value;
  Expr *value = lowerExpr(valueExpr, nullptr, sema.fileOf(decl));
  Let *l = module->newLet(decl->name.name);
  l->value = value;
  l->loc = decl->name.loc();
  l->inMainFile = sema.fileOf(decl) == sema.mainFile();
  lets[decl] = l;
  letState[decl] = 2;
  return l;
}

/// Sorts `-D` overrides by the declaration they name; unknown paths are
/// errors with a did-you-mean.
void IRBuilder::applyOverrides(llvm::ArrayRef<Override> overrides) {
  for (const Override &o : overrides) {
    StringRef head = StringRef(o.path).split('.').first;
    const NameTable &names = sema.visible(sema.mainFile());
    auto it = names.find(head);
    if (it == names.end() || it->second.kind != Symbol::Decl ||
        llvm::isa<ast::SchemaDecl>(it->second.decl)) {
      std::vector<StringRef> candidates;
      for (const auto &[n, sym] : names)
        if (sym.kind == Symbol::Decl)
          candidates.push_back(n);
      auto diag =
          diags.error(o.range.Start,
                      "unknown -D path '" + o.path + "': no let or entity '" +
                          head + "' in the main file or its imports",
                      {o.range});
      if (auto best = closestMatch(head, candidates))
        diag.note(o.range.Start, "did you mean '" + best->str() + "'?");
      continue;
    }
    const ast::Decl *decl = it->second.decl;
    if (llvm::isa<ast::LetDecl>(decl) && head.size() != o.path.size()) {
      diags.error(o.range.Start, "'" + head + "' is a let; it has no fields",
                  {o.range});
      continue;
    }
    if (llvm::isa<ast::EntityDecl>(decl) && head.size() == o.path.size()) {
      diags.error(o.range.Start, "-D needs a field of '" + head +
                                     "', e.g. '" + head + ".field=EXPR'",
                  {o.range});
      continue;
    }
    overridesOf[decl].push_back(&o);
  }
}
