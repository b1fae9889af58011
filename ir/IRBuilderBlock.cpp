//===- IRBuilderBlock.cpp - Blocks: fields, nested blocks, requires -------===//
//
// docs/language-reference.md §4.1–4.2: a block assigns fields its schema
// declares (others are errors with a did-you-mean), never derived ones;
// `f { … }` amends a nested entity and `f[i] { … }` one element of a list of
// entities; values must fit the field's type and dimension. Search-only
// members (`in`, `where`, objectives, `keep`) are rejected outside a search.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"

using namespace calc;
using namespace calc::ir;
using llvm::SMRange;
using llvm::StringRef;

/// Type::str() with an article where it has none ("a string", "a bool"), for
/// messages of the form "'x' expects T, not U".
static std::string typeWithArticle(const Type &type) {
  bool bare = type.kind == TypeKind::String || type.kind == TypeKind::Bool;
  return (bare ? "a " : "") + type.str();
}

Block *IRBuilder::lowerBlock(const ast::Block &body, const Schema *schema,
                             const Scope *outer, std::string what,
                             const ast::File *file) {
  Block *block = module->newBlock(schema);
  block->loc = body.range.Start;
  Scope scope{schema, outer, std::move(what), false};
  for (const ast::MemberPtr &m : body.members)
    lowerMember(*m, block, scope, file);
  return block;
}

/// The slot of \p name in \p schema, or -1 after reporting an error.
int IRBuilder::fieldSlot(const ast::Identifier &name, const Schema *schema,
                         const std::string &what, bool assigning) {
  int slot = schema->lookup(name.name);
  if (slot < 0) {
    std::vector<StringRef> candidates;
    for (const FieldDecl &f : schema->fields)
      if (!f.derived)
        candidates.push_back(f.name);
    auto diag = diags.error(name.loc(), "unknown field '" + name.name +
                                            "' in " + what,
                            {name.range});
    if (auto best = closestMatch(name.name, candidates))
      diag.note(name.loc(), "did you mean '" + best->str() + "'?");
    return -1;
  }
  const FieldDecl &f = schema->fields[slot];
  if (assigning && f.derived) {
    diags.error(name.loc(), "cannot assign '" + name.name +
                                "': it is derived (read-only)",
                {name.range})
        .note(f.loc, "'" + f.name + "' declared here");
    return -1;
  }
  return slot;
}

void IRBuilder::addMember(Block *block, Member member, SMRange range) {
  if (block->memberOf.size() < block->schema->fields.size())
    block->memberOf.resize(block->schema->fields.size(), -1);
  int &index = block->memberOf[member.slot];
  if (index >= 0) {
    diags.error(range.Start, "'" + block->schema->fields[member.slot].name +
                                 "' is defined twice in this block",
                {range})
        .note(block->members[index].range.Start, "previous definition is here");
    return;
  }
  index = block->members.size();
  block->members.push_back(member);
}

/// Whether \p value fits \p field: same kind, dimension and schema; enum
/// literals must be listed values.
bool IRBuilder::checkAssignable(const FieldDecl &field, const Expr *value) {
  const Type &want = field.type, &got = value->type;
  if (want.isError() || got.isError())
    return false;
  bool ok = want.kind == got.kind;
  if (ok && want.kind == TypeKind::Number)
    ok = want.dim == got.dim;
  if (ok && want.kind == TypeKind::Entity)
    ok = want.schema == got.schema;
  if (ok && want.kind == TypeKind::List)
    ok = got.elem == TypeKind::Error ||
         (got.elem == want.elem && got.schema == want.schema &&
          (want.elem != TypeKind::Number || got.dim == want.dim));
  if (ok && want.kind == TypeKind::Steps)
    ok = want.dim == got.dim && want.valueDim == got.valueDim;
  if (!ok) {
    diags
        .error(value->range.Start,
               "'" + field.name + "' expects " + typeWithArticle(want) +
                   ", not " + typeWithArticle(got),
               {value->range})
        .note(field.loc, "'" + field.name + "' declared here");
    return false;
  }
  if (field.enumValues.empty() || value->kind != ExprKind::Const)
    return true;
  StringRef text = value->value.getString();
  for (const std::string &e : field.enumValues)
    if (e == text)
      return true;
  std::vector<StringRef> values(field.enumValues.begin(), field.enumValues.end());
  std::string allowed;
  for (StringRef v : values)
    allowed += (allowed.empty() ? "'" : ", '") + v.str() + "'";
  auto diag = diags.error(value->range.Start,
                          "'" + text.str() + "' is not a valid '" + field.name +
                              "'; expected one of " + allowed,
                          {value->range});
  if (auto best = closestMatch(text, values))
    diag.note(value->range.Start, "did you mean '" + best->str() + "'?");
  return false;
}

void IRBuilder::lowerMember(const ast::Member &m, Block *block,
                            const Scope &scope, const ast::File *file) {
  switch (m.getKind()) {
  case ast::Member::Kind::Field:
    return lowerFieldMember(llvm::cast<ast::FieldMember>(m), block, scope, file);
  case ast::Member::Kind::NestedBlock: {
    auto &n = llvm::cast<ast::NestedBlockMember>(m);
    return lowerNestedMember(n.name, nullptr, n.body, block, scope, file);
  }
  case ast::Member::Kind::IndexedAmend: {
    auto &ia = llvm::cast<ast::IndexedAmendMember>(m);
    return lowerNestedMember(ia.name, ia.index.get(), ia.body, block, scope, file);
  }
  case ast::Member::Kind::Require:
    block->requires.push_back(
        lowerRequire(llvm::cast<ast::RequireMember>(m), scope, file));
    return;
  case ast::Member::Kind::Domain:
    return lowerDomainMember(llvm::cast<ast::DomainMember>(m), block, scope,
                             file);
  case ast::Member::Kind::Where:
  case ast::Member::Kind::Objective:
  case ast::Member::Kind::Keep:
    diags.error(m.loc(), "only a search block may have 'where', 'maximize', "
                         "'minimize' or 'keep'; use search",
                {m.range});
    return;
  case ast::Member::Kind::SchemaField:
    diags.error(m.loc(), "a schema field may only appear in a schema", {m.range});
    return;
  }
}

void IRBuilder::lowerFieldMember(const ast::FieldMember &f, Block *block,
                                 const Scope &scope, const ast::File *file) {
  // In a search, an amend in the value extends the route to domains.
  int known = block->schema->lookup(f.name.name);
  if (searching) {
    searching->route.push_back(RouteStep{unsigned(std::max(known, 0)), -1});
    searching->path.push_back(f.name.name);
  }
  Expr *value = lowerExpr(f.value.get(), &scope, file);
  if (searching) {
    searching->route.pop_back();
    searching->path.pop_back();
  }
  int slot = fieldSlot(f.name, block->schema, scope.what, true);
  if (slot < 0)
    return;
  if (checkAssignable(block->schema->fields[slot], value) && searching &&
      (value->type.isNumber() || value->type.kind == TypeKind::Bool ||
       value->type.kind == TypeKind::String)) {
    std::string path;
    for (const std::string &p : searching->path)
      path += p + ".";
    addSearchColumn(path + f.name.name, slot);
  }
  Member mem;
  mem.slot = slot;
  mem.value = value;
  mem.range = f.name.range;
  addMember(block, mem, f.name.range);
}

/// `name { … }` (index null) or `name[index] { … }`.
void IRBuilder::lowerNestedMember(const ast::Identifier &name,
                                  const ast::Expr *index, const ast::Block &body,
                                  Block *block, const Scope &scope,
                                  const ast::File *file) {
  int slot = fieldSlot(name, block->schema, scope.what, true);
  if (slot < 0)
    return;
  const FieldDecl &field = block->schema->fields[slot];
  bool indexed = index != nullptr;
  TypeKind want = indexed ? TypeKind::List : TypeKind::Entity;
  if (field.type.kind != want ||
      (indexed && field.type.elem != TypeKind::Entity)) {
    diags
        .error(
            name.loc(),
            "'" + name.name + "' is " + typeWithArticle(field.type) +
                (indexed ? ", not a list of entities" : ", not a nested block"),
            {name.range})
        .note(field.loc, "'" + field.name + "' declared here");
    return;
  }
  Member mem;
  mem.kind = indexed ? MemberKind::IndexAmend : MemberKind::Nested;
  mem.slot = slot;
  mem.range = name.range;
  if (indexed) {
    mem.index = lowerExpr(index, &scope, file);
    const Type &t = mem.index->type;
    if (!t.isError() && (!t.isNumber() || !t.dim.isDimensionless()))
      diags.error(index->loc(), "an index must be a dimensionless integer",
                  {index->range});
  }
  std::string what = field.type.schema->name + " '" + name.name + "'";
  if (searching) {
    int at = -1;
    if (mem.index && mem.index->kind == ExprKind::Const &&
        mem.index->value.kind == Value::Int)
      at = int(mem.index->value.i);
    searching->route.push_back(RouteStep{unsigned(slot), indexed ? at : -1});
    searching->path.push_back(indexed ? name.name + "[" + std::to_string(at) + "]"
                                      : name.name);
  }
  mem.block = lowerBlock(body, field.type.schema, &scope, what, file);
  if (searching) {
    searching->route.pop_back();
    searching->path.pop_back();
  }
  addMember(block, mem, name.range);
}

Require IRBuilder::lowerRequire(const ast::RequireMember &r, const Scope &scope,
                                const ast::File *file) {
  Require req;
  req.cond = lowerExpr(r.cond.get(), &scope, file);
  req.range = r.cond->range;
  if (auto *msg = llvm::dyn_cast_or_null<ast::StringLiteral>(r.message.get()))
    req.message = msg->plainText();
  if (!req.cond->type.isError() && req.cond->type.kind != TypeKind::Bool)
    diags.error(r.cond->loc(), "a require needs a bool, not " +
                                   req.cond->type.str(),
                {r.cond->range});
  return req;
}
