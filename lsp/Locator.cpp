//===- Locator.cpp - What the name under the cursor refers to -------------===//
#include "lsp/Locator.h"

#include "llvm/ADT/StringMap.h"

using namespace calc;
using namespace calc::lsp;
using namespace calc::ast;

const ir::Schema *lsp::schemaOfDecl(const ast::Decl *decl,
                                    const SchemaTable &schemas) {
  if (auto *e = llvm::dyn_cast_or_null<EntityDecl>(decl))
    return schemas.get(EntityDecl::kindName(e->entityKind));
  return nullptr;
}

namespace {

/// The schema an entity-typed field holds (also for lists of entities).
const ir::Schema *schemaOfField(const ir::FieldDecl *field) {
  return field ? field->type.schema : nullptr;
}

const ir::FieldDecl *fieldOf(const ir::Schema *schema, llvm::StringRef name) {
  if (!schema)
    return nullptr;
  int slot = schema->lookup(name);
  return slot < 0 ? nullptr : &schema->fields[slot];
}

class Walker {
public:
  Walker(const DocumentAnalysis &doc, const SchemaTable &schemas, size_t offset)
      : schemas(schemas), sema(doc.sema()), main(doc.mainFile()),
        at(doc.locAt(offset).getPointer()) {}

  Referent run() {
    for (const Import &import : main->imports)
      if (hits(import.pathRange) && import.target) {
        found.kind = Referent::Import;
        found.range = import.pathRange;
        found.file = import.target;
      }
    for (const DeclPtr &d : main->decls)
      decl(*d);
    for (const StmtPtr &s : main->stmts)
      stmt(*s);
    return found;
  }

private:
  using Scope = llvm::SmallVector<const ir::Schema *, 4>;

  bool hits(llvm::SMRange r) const {
    return r.Start.isValid() && r.Start.getPointer() <= at &&
           at <= r.End.getPointer();
  }

  void setDecl(llvm::SMRange range, const ast::Decl *d) {
    found = Referent();
    found.kind = Referent::Decl;
    found.range = range;
    found.decl = d;
  }
  void setField(llvm::SMRange range, const ir::Schema *schema,
                const ir::FieldDecl *field) {
    if (!field)
      return;
    found = Referent();
    found.kind = Referent::Field;
    found.range = range;
    found.schema = schema;
    found.field = field;
  }

  /// A file-level name (possibly `ns.name`) of the main file.
  const ast::Decl *lookupDecl(llvm::ArrayRef<Identifier> parts,
                              unsigned &used) const {
    used = 0;
    const Symbol *sym = sema ? sema->lookup(main, parts, used) : nullptr;
    return sym && sym->kind == Symbol::Decl ? sym->decl : nullptr;
  }

  void decl(const ast::Decl &d) {
    if (hits(d.name.range))
      setDecl(d.name.range, &d);
    if (auto *e = llvm::dyn_cast<EntityDecl>(&d)) {
      qualified(e->base);
      Scope scope{schemaOfDecl(e, schemas)};
      block(e->body, scope);
    } else if (auto *l = llvm::dyn_cast<LetDecl>(&d)) {
      expr(l->value.get(), {}, nullptr);
    }
  }

  /// An entity reference written as a dotted name (a base, an amend's base).
  /// Returns the schema of what it names.
  const ir::Schema *qualified(const QualifiedName &name) {
    unsigned used;
    const ast::Decl *d = lookupDecl(name.parts, used);
    if (!d)
      return nullptr;
    for (unsigned i = 0; i < used; ++i)
      if (hits(name.parts[i].range))
        setDecl(name.parts[i].range, d);
    const ir::Schema *schema = schemaOfDecl(d, schemas);
    for (unsigned i = used; i < name.parts.size() && schema; ++i) {
      const ir::FieldDecl *f = fieldOf(schema, name.parts[i].name);
      if (hits(name.parts[i].range))
        setField(name.parts[i].range, schema, f);
      schema = schemaOfField(f);
    }
    return schema;
  }

  void stmt(const Stmt &s) {
    if (auto *a = llvm::dyn_cast<AnalysisStmt>(&s)) {
      const ir::Schema *schema = schemas.get(a->analysis.name);
      if (hits(a->analysis.range) && schema) {
        found = Referent();
        found.kind = Referent::Analysis;
        found.range = a->analysis.range;
        found.schema = schema;
      }
      block(a->body, Scope{schema});
      // Later statements read the result by name (a search's rows have the
      // result's fields too).
      results[a->name.name] = schemas.get(a->analysis.name + "_result");
    } else if (auto *o = llvm::dyn_cast<OutputStmt>(&s)) {
      // Columns are read in the output's target.
      Scope scope{results.lookup(o->name.name)};
      for (const ExprPtr &c : o->columns)
        expr(c.get(), scope, nullptr);
    } else if (auto *c = llvm::dyn_cast<CheckStmt>(&s)) {
      expr(c->cond.get(), {}, nullptr);
    }
  }

  void block(const Block &b, const Scope &scope) {
    const ir::Schema *schema = scope.empty() ? nullptr : scope.back();
    for (const MemberPtr &m : b.members) {
      if (!hits(m->range))
        continue;
      if (auto *f = llvm::dyn_cast<FieldMember>(m.get())) {
        const ir::FieldDecl *field = fieldOf(schema, f->name.name);
        if (hits(f->name.range))
          setField(f->name.range, schema, field);
        expr(f->value.get(), scope, schemaOfField(field));
      } else if (auto *d = llvm::dyn_cast<DomainMember>(m.get())) {
        if (hits(d->name.range))
          setField(d->name.range, schema, fieldOf(schema, d->name.name));
        expr(d->domain.get(), scope, nullptr);
      } else if (auto *n = llvm::dyn_cast<NestedBlockMember>(m.get())) {
        const ir::FieldDecl *field = fieldOf(schema, n->name.name);
        if (hits(n->name.range))
          setField(n->name.range, schema, field);
        Scope inner = scope;
        inner.push_back(schemaOfField(field));
        block(n->body, inner);
      } else if (auto *i = llvm::dyn_cast<IndexedAmendMember>(m.get())) {
        const ir::FieldDecl *field = fieldOf(schema, i->name.name);
        if (hits(i->name.range))
          setField(i->name.range, schema, field);
        expr(i->index.get(), scope, nullptr);
        Scope inner = scope;
        inner.push_back(schemaOfField(field));
        block(i->body, inner);
      } else if (auto *r = llvm::dyn_cast<RequireMember>(m.get())) {
        expr(r->cond.get(), scope, nullptr);
      } else if (auto *w = llvm::dyn_cast<WhereMember>(m.get())) {
        expr(w->cond.get(), scope, nullptr);
      } else if (auto *o = llvm::dyn_cast<ObjectiveMember>(m.get())) {
        for (const Objective &obj : o->objectives)
          expr(obj.expr.get(), scope, nullptr);
      }
    }
  }

  /// A bare name: a field of an enclosing block, innermost first, else a
  /// file-level name. Returns the schema of its value.
  const ir::Schema *name(const Identifier &id, const Scope &scope) {
    for (auto it = scope.rbegin(); it != scope.rend(); ++it)
      if (const ir::FieldDecl *f = fieldOf(*it, id.name)) {
        if (hits(id.range))
          setField(id.range, *it, f);
        return schemaOfField(f);
      }
    unsigned used;
    const ast::Decl *d = lookupDecl(llvm::makeArrayRef(id), used);
    if (d && hits(id.range))
      setDecl(id.range, d);
    if (!d)
      return results.lookup(id.name);
    return schemaOfDecl(d, schemas);
  }

  /// Walks \p e (null is fine) and returns the schema of its value when it
  /// is an entity; \p expected is the schema the context asks for (the type
  /// of the field it is assigned to).
  const ir::Schema *expr(const Expr *e, const Scope &scope,
                         const ir::Schema *expected) {
    if (!e)
      return nullptr;
    switch (e->getKind()) {
    case Expr::Kind::Name:
      return name(llvm::cast<NameExpr>(e)->name, scope);
    case Expr::Kind::Member: {
      auto *m = llvm::cast<MemberExpr>(e);
      const ir::Schema *base = expr(m->base.get(), scope, nullptr);
      const ir::FieldDecl *f = fieldOf(base, m->member.name);
      if (hits(m->member.range))
        setField(m->member.range, base, f);
      return schemaOfField(f);
    }
    case Expr::Kind::Index: {
      auto *i = llvm::cast<IndexExpr>(e);
      expr(i->index.get(), scope, nullptr);
      return expr(i->base.get(), scope, nullptr);
    }
    case Expr::Kind::Super: {
      auto *s = llvm::cast<SuperExpr>(e);
      const ir::Schema *schema = scope.empty() ? nullptr : scope.back();
      const ir::FieldDecl *f = fieldOf(schema, s->field.name);
      if (hits(s->field.range))
        setField(s->field.range, schema, f);
      return schemaOfField(f);
    }
    case Expr::Kind::Amend: {
      auto *a = llvm::cast<AmendExpr>(e);
      const ir::Schema *schema = qualified(a->base);
      if (!schema && !a->base.parts.empty()) // A field path: `networks { … }`.
        schema = name(a->base.parts[0], scope);
      if (expected)
        schema = expected;
      Scope inner = scope;
      inner.push_back(schema);
      block(a->body, inner);
      return schema;
    }
    case Expr::Kind::QuantityLiteral:
      return expr(llvm::cast<QuantityLiteral>(e)->number.get(), scope, nullptr);
    case Expr::Kind::ListLiteral: {
      const ir::Schema *element = nullptr;
      for (const ExprPtr &x : llvm::cast<ListLiteral>(e)->elements)
        element = expr(x.get(), scope, expected);
      return element;
    }
    case Expr::Kind::StringLiteral:
      for (const StringPart &p : llvm::cast<StringLiteral>(e)->parts)
        expr(p.expr.get(), scope, nullptr);
      return nullptr;
    case Expr::Kind::Call:
      for (const ExprPtr &x : llvm::cast<CallExpr>(e)->args)
        expr(x.get(), scope, nullptr);
      return nullptr;
    case Expr::Kind::Unary:
      expr(llvm::cast<UnaryExpr>(e)->operand.get(), scope, nullptr);
      return nullptr;
    case Expr::Kind::Binary: {
      auto *b = llvm::cast<BinaryExpr>(e);
      expr(b->lhs.get(), scope, nullptr);
      expr(b->rhs.get(), scope, nullptr);
      return nullptr;
    }
    case Expr::Kind::Within: {
      auto *w = llvm::cast<WithinExpr>(e);
      expr(w->lhs.get(), scope, nullptr);
      expr(w->rhs.get(), scope, nullptr);
      expr(w->tolerance.get(), scope, nullptr);
      return nullptr;
    }
    case Expr::Kind::If: {
      auto *i = llvm::cast<IfExpr>(e);
      expr(i->cond.get(), scope, nullptr);
      const ir::Schema *t = expr(i->thenExpr.get(), scope, expected);
      const ir::Schema *f = expr(i->elseExpr.get(), scope, expected);
      return t ? t : f;
    }
    case Expr::Kind::Range: {
      auto *r = llvm::cast<RangeExpr>(e);
      expr(r->lo.get(), scope, nullptr);
      expr(r->hi.get(), scope, nullptr);
      expr(r->step.get(), scope, nullptr);
      return nullptr;
    }
    case Expr::Kind::As:
      expr(llvm::cast<AsExpr>(e)->operand.get(), scope, nullptr);
      return nullptr;
    case Expr::Kind::Steps:
      for (const StepEntry &s : llvm::cast<StepsExpr>(e)->entries) {
        expr(s.key.get(), scope, nullptr);
        expr(s.value.get(), scope, nullptr);
      }
      return nullptr;
    case Expr::Kind::IntLiteral:
    case Expr::Kind::RealLiteral:
    case Expr::Kind::BoolLiteral:
      return nullptr;
    }
    return nullptr;
  }

  const SchemaTable &schemas;
  const Sema *sema;
  const ast::File *main;
  const char *at;
  Referent found;
  /// The results of the statements walked so far: name -> result schema.
  llvm::StringMap<const ir::Schema *> results;
};

} // namespace

Referent lsp::locate(const DocumentAnalysis &doc, const SchemaTable &schemas,
                     size_t offset) {
  if (!doc.mainFile())
    return Referent();
  return Walker(doc, schemas, offset).run();
}
