//===- IRBuilderExpr.cpp - Names, types and dimensions of expressions -----===//
//
// docs/language-reference.md §3 and §5: `+ - < ==` need equal dimensions, `* /`
// combine them, `^` needs a dimensionless exponent (a constant integer when the
// base has a dimension, so the result's dimension is known), `as` checks the
// dimension. Names resolve innermost-out (§4.2). Every error yields an
// Error-typed expression so one mistake is reported once.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"
#include "ir/IRBuilderExpr.h"
#include "ir/CheckedInt.h"
#include "ir/Units.h"

#include "llvm/ADT/StringSwitch.h"

#include <cmath>

using namespace calc;
using namespace calc::ir;
using llvm::StringRef;


Expr *IRBuilder::lowerExpr(const ast::Expr *e, const Scope *scope,
                           const ast::File *file) {
  if (depth >= maxDepth) {
    if (!reportedTooDeep)
      diags.error(e->loc(), "definitions nested too deeply (more than " +
                                llvm::Twine(maxDepth) +
                                " levels); break the chain of definitions",
                  {e->range});
    reportedTooDeep = true;
    return module->newExpr(ExprKind::Const, Type::error(), e->range);
  }
  ++depth;
  Expr *out = ExprLowering(*this, scope, file).lower(e);
  --depth;
  return out;
}

Expr *ExprLowering::lower(const ast::Expr *e) {
  using K = ast::Expr::Kind;
  switch (e->getKind()) {
  case K::IntLiteral:
  case K::RealLiteral:
    return number(e, nullptr);
  case K::QuantityLiteral: {
    auto *q = llvm::cast<ast::QuantityLiteral>(e);
    auto u = unit(q->unit, q->unitRange, q);
    if (!u)
      return fail(e->range);
    Expr *r = number(q->number.get(), &*u);
    r->range = e->range;
    return r;
  }
  case K::ListLiteral:
    return list(llvm::cast<ast::ListLiteral>(e));
  case K::StringLiteral:
    return string(llvm::cast<ast::StringLiteral>(e));
  case K::BoolLiteral:
    return constant(Value::boolean(llvm::cast<ast::BoolLiteral>(e)->value),
                    Type::boolean(), e->range);
  case K::Name:
    return name(llvm::cast<ast::NameExpr>(e));
  case K::Member:
    return member(llvm::cast<ast::MemberExpr>(e));
  case K::Index:
    return index(llvm::cast<ast::IndexExpr>(e));
  case K::Call:
    return call(llvm::cast<ast::CallExpr>(e));
  case K::Unary:
    return unary(llvm::cast<ast::UnaryExpr>(e));
  case K::Binary:
    return binary(llvm::cast<ast::BinaryExpr>(e));
  case K::Within:
    return within(llvm::cast<ast::WithinExpr>(e));
  case K::If:
    return ifExpr(llvm::cast<ast::IfExpr>(e));
  case K::Range:
    return range(llvm::cast<ast::RangeExpr>(e));
  case K::As:
    return as(llvm::cast<ast::AsExpr>(e));
  case K::Amend:
    return amend(llvm::cast<ast::AmendExpr>(e));
  case K::Super:
    return super(llvm::cast<ast::SuperExpr>(e));
  case K::Steps:
    return steps(llvm::cast<ast::StepsExpr>(e));
  }
  return fail(e->range);
}

llvm::Optional<Unit> ExprLowering::unit(StringRef text, SMRange range,
                                       const ast::Expr *quantity) {
  UnitError err;
  auto u = parseUnit(text, &err);
  if (u)
    return u;
  // The AST keeps the unit without spaces; find the word in the source.
  StringRef source(range.Start.getPointer(),
                   range.End.getPointer() - range.Start.getPointer());
  size_t at = 0;
  for (unsigned i = 0; i < err.wordIndex; ++i)
    at = source.find('/', at) + 1;
  at = source.find(err.word, at);
  if (at == StringRef::npos || err.word.empty())
    at = 0;
  llvm::SMLoc loc = llvm::SMLoc::getFromPointer(range.Start.getPointer() + at);
  SMRange wordRange(loc, llvm::SMLoc::getFromPointer(loc.getPointer() +
                                                     err.word.size()));
  auto diag = diags.error(loc, err.message, {err.word.empty() ? range : wordRange});
  if (!err.suggestions.empty())
    diag.note(loc, err.suggestionText());
  if (err.wordIndex > 0 && quantity) {
    // `80 GiB / t`: the unit swallowed a division the user meant.
    StringRef before(quantity->range.Start.getPointer(),
                     loc.getPointer() - quantity->range.Start.getPointer());
    before = before.rtrim().drop_back().rtrim(); // Drop the last `/`.
    diag.note(loc, "write (" + before.str() + ") / " + err.word);
  }
  return llvm::None;
}

/// A number literal, scaled to base units by \p u: exactly, from the
/// literal's decimal digits (ir/ExactScale.h). An integer times a whole scale
/// stays an integer (`80 GiB`); anything else is a real.
Expr *ExprLowering::number(const ast::Expr *e, const Unit *u) {
  ExactScale scale = u ? u->exact : ExactScale();
  Dimension dim = u ? u->dim : Dimension();
  Value v;
  if (auto *i = llvm::dyn_cast<ast::IntLiteral>(e)) {
    llvm::Optional<int64_t> scaled, factor = scale.integer();
    if (factor)
      scaled = checkedMul(i->value, *factor);
    v = scaled ? Value::integer(*scaled, dim)
               : Value::real(scaleDecimal(std::to_string(i->value), scale),
                             dim);
  } else if (auto *r = llvm::dyn_cast<ast::RealLiteral>(e)) {
    v = Value::real(u ? scaleDecimal(r->digits, scale) : r->value, dim);
  } else {
    diags.error(e->loc(), "a unit must follow a number", {e->range});
    return fail(e->range);
  }
  if (v.kind == Value::Real && std::isinf(v.r)) {
    // `1e300 EB/ns`: the literal fits a double, the quantity does not.
    diags.error(e->loc(), "quantity is out of range in base units",
                {e->range});
    return fail(e->range);
  }
  if (u && !u->isNone())
    v.unit = *u;
  return constant(v, Type::number(dim), e->range);
}

Expr *ExprLowering::list(const ast::ListLiteral *e) {
  llvm::Optional<Unit> u;
  if (e->hasUnit() && !(u = unit(e->unit, e->unitRange)))
    return fail(e->range);
  Expr *out = make(ExprKind::List, Type::error(), e->range);
  Type elem;
  bool first = true, bad = false;
  for (const ast::ExprPtr &el : e->elements) {
    Expr *x = u ? number(el.get(), &*u) : lower(el.get());
    out->ops.push_back(x);
    if (x->type.isError()) {
      bad = true;
      continue;
    }
    if (x->type.kind == TypeKind::List) {
      diags.error(el->loc(), "lists of lists are not supported", {el->range});
      bad = true;
    } else if (first) {
      elem = x->type;
      first = false;
    } else if (x->type != elem) {
      diags.error(el->loc(), "list elements must have one type: " +
                                 x->type.str() + " after " + elem.str(),
                  {el->range});
      bad = true;
    }
  }
  if (bad)
    return fail(e->range);
  out->type = Type::listOf(elem); // `[]` has an Error element: fits any list.
  return out;
}

Expr *ExprLowering::string(const ast::StringLiteral *e) {
  if (e->isPlain())
    return constant(Value::string(e->plainText()), Type::string(), e->range);
  Expr *out = make(ExprKind::Interp, Type::string(), e->range);
  std::string text;
  for (const ast::StringPart &p : e->parts) {
    if (p.isText()) {
      text += p.text;
      continue;
    }
    out->parts.push_back(text);
    text.clear();
    out->ops.push_back(lower(p.expr.get()));
  }
  out->parts.push_back(text);
  return out;
}

/// A name that is the result of a main-file statement not visible here:
/// read by a declaration (which has no place in the statement order), or by
/// a statement before the one that binds it. Returns whether it reported.
bool ExprLowering::resultNotVisible(const ast::Identifier &id) {
  const ast::AnalysisStmt *binder = nullptr;
  for (const ast::StmtPtr &s : b.sema.mainFile()->stmts)
    if (auto *a = llvm::dyn_cast<ast::AnalysisStmt>(s.get()))
      if (a->name.name == id.name) {
        binder = a;
        break;
      }
  if (!binder)
    return false;
  std::string kind = binder->isSearch() ? "a 'search'" : "an 'evaluate'";
  std::string message =
      b.loweringStatements
          ? "'" + id.name + "' is bound by " + kind +
                " further down; a statement reads only the results of "
                "statements before it"
          : "'" + id.name + "' is the result of " + kind +
                "; a 'let' or an entity cannot read results (declarations are "
                "not ordered): read it in a later statement (output, assert, "
                "expect, evaluate or search)";
  diags.error(id.loc(), message, {id.range})
      .note(binder->name.loc(), "'" + id.name + "' is bound here",
            {binder->keywordRange, binder->name.range});
  return true;
}

void ExprLowering::unknownName(const ast::Identifier &id) {
  if (file == b.sema.mainFile() && resultNotVisible(id))
    return;
  std::vector<StringRef> candidates;
  for (const IRBuilder::Scope *s = scope; s; s = s->outer)
    for (const FieldDecl &f : s->schema->fields)
      candidates.push_back(f.name);
  for (const std::string &r : b.resultOrder)
    candidates.push_back(r);
  if (file)
    for (const auto &[n, sym] : b.sema.visible(file))
      candidates.push_back(n);
  // Inside a block or an output column, say where the name was looked up.
  std::string where;
  if (scope && !scope->what.empty())
    where = " (not a field of " + scope->what + ", a let or an entity)";
  auto diag = diags.error(id.loc(), "unknown name '" + id.name + "'" + where,
                          {id.range});
  if (auto best = closestMatch(id.name, candidates))
    diag.note(id.loc(), "did you mean '" + best->str() + "'?");
}

Expr *ExprLowering::name(const ast::NameExpr *e) {
  const ast::Identifier &id = e->name;
  unsigned depth = 0;
  for (const IRBuilder::Scope *s = scope; s; s = s->outer, ++depth) {
    int slot = s->schema->lookup(id.name);
    if (slot < 0)
      continue;
    Expr *x = make(ExprKind::Field, s->schema->fields[slot].type, e->range);
    x->slot = slot;
    x->depth = depth;
    x->fieldName = id.name;
    return x;
  }
  auto rit = b.results.find(id.name);
  if (rit != b.results.end()) {
    if (!rit->second.schema)
      return fail(e->range); // A failed analysis: reported already.
    Type t = Type::entity(rit->second.schema);
    if (rit->second.isSearch) // A search result: its rows.
      t = Type::listOf(t);
    Expr *x = make(ExprKind::ResultRef, t, e->range);
    x->slot = rit->second.index;
    return x;
  }
  unsigned used = 0;
  ast::Identifier parts[] = {id};
  if (const Symbol *sym = file ? b.sema.lookup(file, parts, used) : nullptr)
    return global(id, *sym, e->range);
  if (file && b.sema.visible(file).count(id.name)) {
    diags.error(id.loc(), "'" + id.name + "' is a namespace; write '" +
                              id.name + ".name'",
                {id.range});
    return fail(e->range);
  }
  if (b.schemas.count(id.name)) {
    diags.error(id.loc(), "schema '" + id.name + "' needs a block: write '" +
                              id.name + " { … }'",
                {id.range});
    return fail(e->range);
  }
  unknownName(id);
  return fail(e->range);
}

/// A reference to a file-level entity or let.
Expr *ExprLowering::global(const ast::Identifier &id, const Symbol &sym,
                           SMRange range) {
  if (auto *ed = llvm::dyn_cast<ast::EntityDecl>(sym.decl)) {
    Entity *ent = b.entityFor(ed);
    Expr *x = make(ExprKind::EntityRef, Type::entity(ent->schema), range);
    x->entity = ent;
    return x;
  }
  if (auto *ld = llvm::dyn_cast<ast::LetDecl>(sym.decl)) {
    Let *let = b.letFor(ld);
    if (!let) {
      diags.error(id.loc(), "'" + id.name + "' depends on itself", {id.range})
          .note(ld->name.loc(), "'" + id.name + "' declared here");
      return fail(range);
    }
    Expr *x = make(ExprKind::LetRef, let->value ? let->value->type : Type::error(), range);
    x->let = let;
    return x;
  }
  diags.error(id.loc(), "'" + id.name + "' is not a value", {id.range});
  return fail(range);
}

Expr *ExprLowering::fieldOf(Expr *base, const ast::Identifier &name,
                            SMRange range) {
  if (base->type.isError())
    return fail(range);
  if (base->type.kind != TypeKind::Entity) {
    diags.error(name.loc(), "'" + name.name + "' is not a field of " +
                                base->type.str(),
                {base->range, name.range});
    return fail(range);
  }
  const Schema *s = base->type.schema;
  int slot = s->lookup(name.name);
  if (slot < 0) {
    std::vector<StringRef> candidates;
    for (const FieldDecl &f : s->fields)
      candidates.push_back(f.name);
    // Name the value as written ("model 'm'", "memory 'm.mem1'"): the
    // schema alone does not say which of several entities was meant.
    std::string what(base->range.Start.getPointer(),
                     base->range.End.getPointer() -
                         base->range.Start.getPointer());
    if (what.size() > 40 || what.find('\n') != std::string::npos)
      what.clear(); // The range under the caret shows it better.
    auto diag = diags.error(name.loc(),
                            "no field '" + name.name + "' in " + s->name +
                                (what.empty() ? "" : " '" + what + "'"),
                            {name.range});
    if (auto best = closestMatch(name.name, candidates))
      diag.note(name.loc(), "did you mean '" + best->str() + "'?");
    return fail(range);
  }
  Expr *x = make(ExprKind::Member, s->fields[slot].type, range);
  x->ops.push_back(base);
  x->slot = slot;
  x->fieldName = name.name;
  return x;
}

Expr *ExprLowering::member(const ast::MemberExpr *e) {
  // `ns.name`: a namespaced global, unless a field shadows the namespace.
  if (auto *n = llvm::dyn_cast<ast::NameExpr>(e->base.get())) {
    bool shadowed = false;
    for (const IRBuilder::Scope *s = scope; s; s = s->outer)
      shadowed |= s->schema->lookup(n->name.name) >= 0;
    auto &vis = b.sema.visible(file);
    auto it = file && !shadowed ? vis.find(n->name.name) : vis.end();
    if (it != vis.end() && it->second.kind == Symbol::Namespace) {
      unsigned used = 0;
      ast::Identifier parts[] = {n->name, e->member};
      const Symbol *sym = b.sema.lookup(file, parts, used);
      if (!sym) {
        diags.error(e->member.loc(), "no '" + e->member.name + "' in '" +
                                         n->name.name + "'",
                    {e->member.range});
        return fail(e->range);
      }
      return global(e->member, *sym, e->range);
    }
  }
  return fieldOf(lower(e->base.get()), e->member, e->range);
}

Expr *ExprLowering::index(const ast::IndexExpr *e) {
  Expr *base = lower(e->base.get());
  Expr *idx = lower(e->index.get());
  if (base->type.isError() || idx->type.isError())
    return fail(e->range);
  // `[]` has no element type, and indexing it could only fail.
  if (base->type.kind != TypeKind::List || base->type.elem == TypeKind::Error) {
    diags.error(e->base->loc(), "cannot index " + base->type.str(),
                {e->base->range});
    return fail(e->range);
  }
  if (!idx->type.isNumber() || !idx->type.dim.isDimensionless()) {
    diags.error(e->index->loc(), "an index must be a dimensionless integer, not " +
                                     idx->type.str(),
                {e->index->range});
    return fail(e->range);
  }
  Expr *x = make(ExprKind::Index, base->type.element(), e->range);
  x->ops = {base, idx};
  return x;
}

bool ExprLowering::expect(Expr *e, TypeKind k, const char *what) {
  if (e->type.isError())
    return false;
  if (e->type.kind == k)
    return true;
  diags.error(e->range.Start, llvm::Twine("expected ") + what + ", not " +
                                  e->type.str(),
              {e->range});
  return false;
}

bool ExprLowering::sameDims(const char *verb, Expr *l, Expr *r, SMRange op) {
  if (l->type.isError() || r->type.isError())
    return false;
  if (!l->type.isNumber() || !r->type.isNumber()) {
    diags.error(op.Start, llvm::Twine("cannot ") + verb + " " + l->type.str() +
                              " and " + r->type.str(),
                {l->range, op, r->range});
    return false;
  }
  if (l->type.dim == r->type.dim)
    return true;
  diags.error(op.Start, llvm::Twine("cannot ") + verb + " " +
                            l->type.dim.str() + " and " + r->type.dim.str(),
              {l->range, op, r->range});
  return false;
}

Expr *ExprLowering::unary(const ast::UnaryExpr *e) {
  Expr *x = lower(e->operand.get());
  if (e->op == ast::UnaryExpr::Op::Not) {
    if (!expect(x, TypeKind::Bool, "a bool"))
      return fail(e->range);
    Expr *out = make(ExprKind::Not, Type::boolean(), e->range);
    out->ops.push_back(x);
    return out;
  }
  if (!expect(x, TypeKind::Number, "a number"))
    return fail(e->range);
  if (e->op == ast::UnaryExpr::Op::Plus)
    return x;
  Expr *out = make(ExprKind::Neg, x->type, e->range);
  out->ops.push_back(x);
  out->opLoc = e->opRange.Start;
  return out;
}
