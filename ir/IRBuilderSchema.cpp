//===- IRBuilderSchema.cpp - Lowering the prelude's schemas ---------------===//
//
// docs/language-reference.md §4.1: each `schema` member is a field
// (`name: type [= default]`), a derived field or a `require`. Field types are lowered first
// for every schema (defaults may read fields of nested schemas), then the
// defaults and requires, in the schema's own scope.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"
#include "ir/Units.h"

using namespace calc;
using namespace calc::ir;

void IRBuilder::declareSchemas() {
  for (const ast::SchemaDecl *decl : sema.schemas()) {
    Schema *s = module->newSchema(decl->name.name);
    s->loc = decl->name.loc();
    s->isResult = llvm::StringRef(decl->name.name).endswith("_result");
    schemas[decl->name.name] = s;
  }
  for (const ast::SchemaDecl *decl : sema.schemas())
    lowerSchemaFields(decl, schemas[decl->name.name]);
  for (const ast::SchemaDecl *decl : sema.schemas()) {
    Schema *s = schemas[decl->name.name];
    Scope scope{s, nullptr, "schema '" + s->name + "'", true};
    const ast::File *file = sema.fileOf(decl);
    for (const ast::MemberPtr &m : decl->members) {
      if (auto *f = llvm::dyn_cast<ast::SchemaFieldMember>(m.get())) {
        if (!f->defaultValue)
          continue;
        FieldDecl &field = s->fields[s->lookup(f->name.name)];
        field.defaultValue = lowerExpr(f->defaultValue.get(), &scope, file);
        checkAssignable(field, field.defaultValue);
      } else if (auto *r = llvm::dyn_cast<ast::RequireMember>(m.get())) {
        s->requires.push_back(lowerRequire(*r, scope, file));
      }
    }
  }
}

void IRBuilder::lowerSchemaFields(const ast::SchemaDecl *decl, Schema *s) {
  for (const ast::MemberPtr &m : decl->members) {
    auto *f = llvm::dyn_cast<ast::SchemaFieldMember>(m.get());
    if (!f)
      continue;
    if (s->lookup(f->name.name) >= 0) {
      diags.error(f->name.loc(), "duplicate field '" + f->name.name + "'",
                  {f->name.range});
      continue;
    }
    FieldDecl field;
    field.name = f->name.name;
    field.loc = f->name.loc();
    field.doc = f->doc;
    field.derived = f->isDerived;
    field.optional = f->type.optional;
    field.type = schemaFieldType(f->type, field);
    s->addField(std::move(field));
  }
}

/// The IR type of a schema field type; fills the unit, kind and enum values
/// of \p field.
Type IRBuilder::schemaFieldType(const ast::SchemaType &t, FieldDecl &field) {
  using K = ast::SchemaType::Kind;
  switch (t.kind) {
  case K::Int:
    field.isInt = true;
    return Type::number(Dimension());
  case K::Real:
    return Type::number(Dimension());
  case K::Bool:
    return Type::boolean();
  case K::String:
    return Type::string();
  case K::Enum:
    for (const ast::Identifier &v : t.enumValues)
      field.enumValues.push_back(v.name);
    return Type::string();
  case K::List: {
    auto it = schemas.find(t.text);
    if (it == schemas.end())
      break;
    return Type::listOf(Type::entity(it->second));
  }
  case K::Named: {
    auto it = schemas.find(t.text);
    if (it != schemas.end())
      return Type::entity(it->second);
    LLVM_FALLTHROUGH;
  }
  case K::Unit:
  case K::Steps: {
    // `: 1` is a dimensionless quantity: a real without a display unit.
    if (t.kind == K::Unit && t.text == "1")
      return Type::number(Dimension());
    UnitError err;
    auto unit = parseUnit(t.text, &err);
    if (!unit) {
      auto diag = diags.error(t.range.Start, err.message, {t.range});
      if (!err.suggestions.empty())
        diag.note(err.suggestionText());
      return Type::error();
    }
    if (t.kind == K::Steps)
      return Type::steps(unit->dim, Dimension());
    field.unit = *unit;
    return Type::number(unit->dim);
  }
  }
  diags.error(t.range.Start, "unknown schema '" + t.text + "'", {t.range});
  return Type::error();
}
