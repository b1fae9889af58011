//===- Hover.cpp - textDocument/hover -------------------------------------===//
//
// Markdown: a `calc` code block with the declaration as written, then what
// the program knows of it. An entity's fields are evaluated with the
// document's IR, as `--emit=result` would, on a private diagnostic engine:
// a field that fails to evaluate shows the evaluator's message instead of a
// value, and nothing is reported to the editor (`calcc check` does not
// evaluate, so neither do the published diagnostics).
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"
#include "lsp/Positions.h"

#include "eval/Evaluator.h"

using namespace calc;
using namespace calc::lsp;

const ast::SchemaFieldMember *lsp::schemaField(const ast::File *prelude,
                                               llvm::StringRef schema,
                                               llvm::StringRef field) {
  if (!prelude)
    return nullptr;
  for (const ast::DeclPtr &d : prelude->decls)
    if (auto *s = llvm::dyn_cast<ast::SchemaDecl>(d.get()))
      if (s->name.name == schema)
        for (const ast::MemberPtr &m : s->members)
          if (auto *f = llvm::dyn_cast<ast::SchemaFieldMember>(m.get()))
            if (f->name.name == field)
              return f;
  return nullptr;
}

std::string lsp::typeText(const ir::FieldDecl &field) {
  const ir::Type &t = field.type;
  if (t.kind == ir::TypeKind::Number)
    return std::string(field.isInt ? "int" : "real") +
           (t.dim.isDimensionless() ? "" : " " + t.dim.str());
  if (t.kind == ir::TypeKind::String && !field.enumValues.empty()) {
    std::string text;
    for (const std::string &v : field.enumValues)
      text += (text.empty() ? "\"" : " | \"") + v + "\"";
    return text;
  }
  if (t.kind == ir::TypeKind::Entity && t.schema)
    return t.schema->name;
  if (t.kind == ir::TypeKind::List && t.elem == ir::TypeKind::Entity &&
      t.schema)
    return "list of " + t.schema->name;
  return t.str();
}

static llvm::StringRef textOf(llvm::SMRange range) {
  if (!range.Start.isValid() || !range.End.isValid())
    return "";
  return llvm::StringRef(range.Start.getPointer(),
                         range.End.getPointer() - range.Start.getPointer());
}

/// Doc comments are kept without their `///`; a line break in markdown
/// needs a blank line, so joined lines read as one paragraph.
static std::string docText(llvm::StringRef doc) {
  std::string out;
  llvm::SmallVector<llvm::StringRef, 8> lines;
  doc.split(lines, '\n');
  for (llvm::StringRef line : lines) {
    line = line.trim();
    if (!out.empty())
      out += line.empty() ? "\n\n" : " ";
    out += line.str();
  }
  return out;
}

static std::string fieldHover(const DocumentAnalysis &doc,
                              const ir::Schema *schema,
                              const ir::FieldDecl *field) {
  const ast::SchemaFieldMember *member =
      schemaField(doc.prelude(), schema->name, field->name);
  std::string declared = member ? textOf(member->range).split('\n').first.str()
                                : field->name + ": " + field->type.str();
  std::string text = "```calc\n" + declared + "\n```\n";
  text += "Field of `" + schema->name + "`; type `" + typeText(*field) + "`";
  if (!field->unit.isNone())
    text += "; unit `" + field->unit.text.str() + "`";
  if (field->derived)
    text += "; derived (read-only)";
  if (field->optional)
    text += "; optional";
  text += ".";
  if (!field->doc.empty())
    text += "\n\n" + docText(field->doc);
  return text;
}

namespace {

/// Evaluates an entity's or a let's values for display, reporting nowhere.
class ValueReader {
public:
  ValueReader(DocumentAnalysis &doc, const ir::Module &module)
      : diags(doc.sourceMgr(), discard), ev(module, diags) {
    diags.setConsumer([this](const Diagnostic &d) {
      if (d.severity == Severity::Error && firstError.empty())
        firstError = d.message;
    });
  }

  /// "name = value" lines for the fields of \p inst; nested entities one
  /// level deep by name of their schema.
  void fields(eval::Instance *inst, std::string &out) {
    const ir::Schema *s = inst->schema;
    for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
      const ir::FieldDecl &f = s->fields[slot];
      bool explicitly = false;
      for (const eval::AmendLayer &l : inst->layers)
        explicitly |= l.block && l.block->find(slot);
      if (!explicitly && f.optional)
        continue;
      out += f.name + " = ";
      if (!explicitly && !f.defaultValue &&
          f.type.kind != ir::TypeKind::Entity) {
        out += "<missing>\n";
        continue;
      }
      out += show(ev.field(inst, slot, llvm::SMRange())) + "\n";
    }
  }

  std::string let(const ir::Let *let) {
    return show(ev.let(let, llvm::SMRange()));
  }
  eval::Instance *entity(const ir::Entity *e) { return ev.entity(e); }

private:
  std::string show(const ir::Value &v) {
    if (v.isError()) {
      std::string why = firstError.empty() ? "failed" : firstError;
      firstError.clear();
      return "<error: " + why + ">";
    }
    if (v.kind == ir::Value::Object)
      return v.object->schema->name + " { … }";
    if (v.kind == ir::Value::List && !v.elements().empty() &&
        v.elements()[0].kind == ir::Value::Object)
      return "[" + std::to_string(v.elements().size()) + " × " +
             v.elements()[0].object->schema->name + " { … }]";
    return ev.format(v);
  }

  llvm::raw_null_ostream discard;
  DiagnosticEngine diags;
  eval::Evaluator ev;
  std::string firstError;
};

} // namespace

static std::string declHover(DocumentAnalysis &doc, const ast::Decl *d) {
  std::string text = "```calc\n";
  if (auto *e = llvm::dyn_cast<ast::EntityDecl>(d)) {
    text += ast::EntityDecl::kindName(e->entityKind).str() + " " + d->name.name;
    if (e->hasBase())
      text += " : " + e->base.str();
  } else if (llvm::isa<ast::LetDecl>(d)) {
    text += "let " + d->name.name;
  } else {
    text += "schema " + d->name.name;
  }
  text += "\n```\n";
  if (const Sema *sema = doc.sema())
    if (const ast::File *file = sema->fileOf(d))
      if (file != doc.mainFile())
        text += "Declared in `" + file->path + "`.\n";
  if (!d->doc.empty())
    text += "\n" + docText(d->doc) + "\n";
  const ir::Module *module = doc.module();
  if (!module) {
    if (!llvm::isa<ast::SchemaDecl>(d))
      text += "\n*Not evaluated: the file has errors.*\n";
    return text;
  }
  std::string values;
  Compilation::onLargeStack([&] {
    ValueReader reader(doc, *module);
    if (const ir::Entity *entity = doc.entityOf(d)) {
      reader.fields(reader.entity(entity), values);
      return;
    }
    for (const auto &l : module->lets())
      if (l->loc == d->name.loc())
        values = l->name + " = " + reader.let(l.get()) + "\n";
  });
  if (!values.empty())
    text += "\n```calc\n" + values + "```\n";
  return text;
}

llvm::json::Value lsp::hover(DocumentAnalysis &doc, const SchemaTable &schemas,
                             size_t offset) {
  Referent r = locate(doc, schemas, offset);
  std::string text;
  switch (r.kind) {
  case Referent::None:
    return nullptr;
  case Referent::Field:
    text = fieldHover(doc, r.schema, r.field);
    break;
  case Referent::Decl:
    text = declHover(doc, r.decl);
    break;
  case Referent::Import:
    text = "Imports `" + r.file->path + "`.";
    break;
  case Referent::Analysis: {
    text = "```calc\n" + r.schema->name + "\n```\nAnalysis; inputs:";
    for (const ir::FieldDecl &f : r.schema->fields)
      text += " `" + f.name + "`";
    text += "; its result is a `" + r.schema->name + "_result`.";
    break;
  }
  }
  llvm::json::Object result{
      {"contents",
       llvm::json::Object{{"kind", "markdown"}, {"value", std::move(text)}}},
      {"range", rangeJSON(doc.sourceMgr(), doc.mainBuffer(), r.range)}};
  return result;
}
