//===- ASTDump.cpp - The `--emit=ast` tree printer ------------------------===//
#include "frontend/ASTDump.h"

#include "llvm/Support/Casting.h"

#include <fmt/format.h>

using namespace calc::ast;
using llvm::cast;
using llvm::dyn_cast;
using llvm::isa;

llvm::StringRef calc::ast::spelling(BinaryExpr::Op op) {
  static const char *const names[] = {"+",   "-",  "*",  "/",  "mod", "^",  "and",
                                      "or",  "==", "!=", "<",  "<=",  ">",  ">="};
  return names[static_cast<int>(op)];
}

llvm::StringRef calc::ast::spelling(UnaryExpr::Op op) {
  switch (op) {
  case UnaryExpr::Op::Neg:
    return "-";
  case UnaryExpr::Op::Plus:
    return "+";
  case UnaryExpr::Op::Not:
    return "not";
  }
  return "-";
}

namespace {

/// Writes \p text as a double-quoted string with escapes, on one line.
void writeQuoted(llvm::StringRef text, llvm::raw_ostream &os) {
  os << '"';
  for (char c : text) {
    if (c == '"' || c == '\\')
      os << '\\' << c;
    else if (c == '\n')
      os << "\\n";
    else if (c == '\t')
      os << "\\t";
    else
      os << c;
  }
  os << '"';
}

class Dumper {
public:
  explicit Dumper(llvm::raw_ostream &os) : os(os) {}

  void file(const File &file);
  void expr(const Expr *expr, unsigned indent);

private:
  llvm::raw_ostream &line(unsigned indent) { return os.indent(2 * indent); }
  void doc(const std::string &text, unsigned indent);
  void block(const Block &block, unsigned indent);
  void member(const Member &member, unsigned indent);
  void schemaType(const SchemaType &type);
  void decl(const Decl &decl, unsigned indent);
  void stmt(const Stmt &stmt, unsigned indent);
  void literalExpr(const Expr &expr);
  void compoundExpr(const Expr &expr, unsigned indent);
  void operatorExpr(const Expr &expr, unsigned indent);

  llvm::raw_ostream &os;
};

void Dumper::doc(const std::string &text, unsigned indent) {
  if (text.empty())
    return;
  llvm::StringRef rest = text;
  while (!rest.empty()) {
    auto [first, tail] = rest.split('\n');
    line(indent) << "/// " << first << "\n";
    rest = tail;
  }
}

void Dumper::file(const File &file) {
  os << "file '" << file.path << "'\n";
  for (const Import &import : file.imports) {
    line(1) << "import ";
    writeQuoted(import.path, os);
    if (import.hasAlias())
      os << " as " << import.alias.name;
    if (import.target)
      os << " -> '" << import.target->path << "'";
    os << "\n";
  }
  for (const DeclPtr &d : file.decls)
    decl(*d, 1);
  for (const StmtPtr &s : file.stmts)
    stmt(*s, 1);
}

void Dumper::decl(const Decl &d, unsigned indent) {
  doc(d.doc, indent);
  if (const auto *entity = dyn_cast<EntityDecl>(&d)) {
    line(indent) << EntityDecl::kindName(entity->entityKind) << ' ' << d.name.name;
    if (entity->hasBase())
      os << " : " << entity->base.str();
    os << "\n";
    block(entity->body, indent + 1);
  } else if (const auto *schema = dyn_cast<SchemaDecl>(&d)) {
    line(indent) << "schema " << d.name.name << "\n";
    for (const MemberPtr &m : schema->members)
      member(*m, indent + 1);
  } else if (const auto *let = dyn_cast<LetDecl>(&d)) {
    line(indent) << "let " << d.name.name << "\n";
    expr(let->value.get(), indent + 1);
  }
}

void Dumper::block(const Block &b, unsigned indent) {
  for (const MemberPtr &m : b.members)
    member(*m, indent);
}

void Dumper::schemaType(const SchemaType &type) {
  using K = SchemaType::Kind;
  switch (type.kind) {
  case K::Int:
  case K::Real:
  case K::Bool:
  case K::String:
    os << type.text;
    break;
  case K::Named:
    os << "named " << type.text;
    break;
  case K::Unit:
    os << "unit " << type.text;
    break;
  case K::Enum:
    os << "enum";
    for (const Identifier &value : type.enumValues) {
      os << ' ';
      writeQuoted(value.name, os);
    }
    break;
  case K::List:
    os << "list " << type.text;
    break;
  case K::Steps:
    os << "steps " << type.text;
    break;
  }
  if (type.optional)
    os << " optional";
}

void Dumper::member(const Member &m, unsigned indent) {
  doc(m.doc, indent);
  if (const auto *field = dyn_cast<FieldMember>(&m)) {
    line(indent) << "field " << field->name.name << "\n";
    expr(field->value.get(), indent + 1);
  } else if (const auto *domain = dyn_cast<DomainMember>(&m)) {
    line(indent) << "domain " << domain->name.name << "\n";
    expr(domain->domain.get(), indent + 1);
  } else if (const auto *nested = dyn_cast<NestedBlockMember>(&m)) {
    line(indent) << "nested " << nested->name.name << "\n";
    block(nested->body, indent + 1);
  } else if (const auto *indexed = dyn_cast<IndexedAmendMember>(&m)) {
    line(indent) << "amend-element " << indexed->name.name << "\n";
    line(indent + 1) << "index\n";
    expr(indexed->index.get(), indent + 2);
    block(indexed->body, indent + 1);
  } else if (const auto *req = dyn_cast<RequireMember>(&m)) {
    line(indent) << "require\n";
    expr(req->cond.get(), indent + 1);
    if (req->message)
      expr(req->message.get(), indent + 1);
  } else if (const auto *where = dyn_cast<WhereMember>(&m)) {
    line(indent) << "where\n";
    expr(where->cond.get(), indent + 1);
  } else if (const auto *objective = dyn_cast<ObjectiveMember>(&m)) {
    line(indent) << "objectives\n";
    for (const Objective &o : objective->objectives) {
      line(indent + 1) << (o.maximize ? "maximize" : "minimize") << "\n";
      expr(o.expr.get(), indent + 2);
    }
  } else if (const auto *keep = dyn_cast<KeepMember>(&m)) {
    line(indent) << "keep\n";
    expr(keep->count.get(), indent + 1);
  } else if (const auto *field = dyn_cast<SchemaFieldMember>(&m)) {
    line(indent) << (field->isDerived ? "derived " : "field ") << field->name.name
                 << ": ";
    schemaType(field->type);
    os << "\n";
    if (field->defaultValue)
      expr(field->defaultValue.get(), indent + 1);
  }
}

void Dumper::stmt(const Stmt &s, unsigned indent) {
  if (const auto *analysis = dyn_cast<AnalysisStmt>(&s)) {
    line(indent) << (analysis->isSearch() ? "search " : "evaluate ")
                 << analysis->name.name << " = " << analysis->analysis.name << "\n";
    block(analysis->body, indent + 1);
  } else if (const auto *output = dyn_cast<OutputStmt>(&s)) {
    line(indent) << "output " << OutputStmt::formatName(output->format) << ' '
                 << output->name.name;
    for (const Identifier &member : output->members)
      os << '.' << member.name;
    if (output->layout != OutputStmt::Layout::Auto)
      os << (output->layout == OutputStmt::Layout::Vertical ? " vertical"
                                                            : " horizontal");
    if (output->path) {
      os << " to ";
      writeQuoted(cast<StringLiteral>(*output->path).plainText(), os);
    }
    os << "\n";
    if (output->hasColumns) {
      line(indent + 1) << "columns\n";
      for (size_t i = 0; i < output->columns.size(); ++i) {
        if (output->directions[i])
          line(indent + 2) << (output->directions[i] > 0 ? "maximize\n"
                                                         : "minimize\n");
        expr(output->columns[i].get(), indent + 2);
        if (output->labels[i])
          expr(output->labels[i].get(), indent + 3);
      }
    }
  } else if (const auto *check = dyn_cast<CheckStmt>(&s)) {
    line(indent) << (check->isExpect() ? "expect" : "assert") << "\n";
    expr(check->cond.get(), indent + 1);
    if (check->message)
      expr(check->message.get(), indent + 1);
  }
}

void Dumper::literalExpr(const Expr &e) {
  if (const auto *i = dyn_cast<IntLiteral>(&e))
    os << "int " << i->value;
  else if (const auto *r = dyn_cast<RealLiteral>(&e))
    os << "real " << fmt::format("{}", r->value);
  else if (const auto *b = dyn_cast<BoolLiteral>(&e))
    os << "bool " << (b->value ? "true" : "false");
  else if (const auto *n = dyn_cast<NameExpr>(&e))
    os << "name " << n->name.name;
  else if (const auto *s = dyn_cast<SuperExpr>(&e))
    os << "super " << s->field.name;
}

void Dumper::expr(const Expr *e, unsigned indent) {
  if (!e) {
    line(indent) << "<null>\n";
    return;
  }
  if (isa<IntLiteral, RealLiteral, BoolLiteral, NameExpr, SuperExpr>(e)) {
    line(indent);
    literalExpr(*e);
    os << "\n";
    return;
  }
  compoundExpr(*e, indent);
}

void Dumper::compoundExpr(const Expr &e, unsigned indent) {
  unsigned child = indent + 1;
  if (const auto *q = dyn_cast<QuantityLiteral>(&e)) {
    line(indent) << "quantity '" << q->unit << "'\n";
    expr(q->number.get(), child);
  } else if (const auto *list = dyn_cast<ListLiteral>(&e)) {
    line(indent) << "list";
    if (list->hasUnit())
      os << " '" << list->unit << "'";
    os << "\n";
    for (const ExprPtr &element : list->elements)
      expr(element.get(), child);
  } else if (const auto *str = dyn_cast<StringLiteral>(&e)) {
    line(indent) << "string";
    if (str->isPlain()) {
      os << ' ';
      writeQuoted(str->plainText(), os);
      os << "\n";
      return;
    }
    os << "\n";
    for (const StringPart &part : str->parts) {
      if (part.isText()) {
        line(child) << "text ";
        writeQuoted(part.text, os);
        os << "\n";
      } else {
        line(child) << "interpolation\n";
        expr(part.expr.get(), child + 1);
      }
    }
  } else {
    operatorExpr(e, indent);
  }
}

void Dumper::operatorExpr(const Expr &e, unsigned indent) {
  unsigned child = indent + 1;
  if (const auto *m = dyn_cast<MemberExpr>(&e)) {
    line(indent) << "member ." << m->member.name << "\n";
    expr(m->base.get(), child);
  } else if (const auto *ix = dyn_cast<IndexExpr>(&e)) {
    line(indent) << "index\n";
    expr(ix->base.get(), child);
    expr(ix->index.get(), child);
  } else if (const auto *call = dyn_cast<CallExpr>(&e)) {
    line(indent) << "call\n";
    expr(call->callee.get(), child);
    for (const ExprPtr &arg : call->args)
      expr(arg.get(), child);
  } else if (const auto *u = dyn_cast<UnaryExpr>(&e)) {
    line(indent) << "unary '" << spelling(u->op) << "'\n";
    expr(u->operand.get(), child);
  } else if (const auto *b = dyn_cast<BinaryExpr>(&e)) {
    line(indent) << "binary '" << spelling(b->op) << "'\n";
    expr(b->lhs.get(), child);
    expr(b->rhs.get(), child);
  } else if (const auto *w = dyn_cast<WithinExpr>(&e)) {
    line(indent) << "within '" << (w->isEqual ? "==" : "!=") << "'\n";
    expr(w->lhs.get(), child);
    expr(w->rhs.get(), child);
    expr(w->tolerance.get(), child);
  } else if (const auto *i = dyn_cast<IfExpr>(&e)) {
    line(indent) << "if\n";
    expr(i->cond.get(), child);
    expr(i->thenExpr.get(), child);
    expr(i->elseExpr.get(), child);
  } else if (const auto *r = dyn_cast<RangeExpr>(&e)) {
    line(indent) << "range" << (r->step ? " by" : "") << "\n";
    expr(r->lo.get(), child);
    expr(r->hi.get(), child);
    if (r->step)
      expr(r->step.get(), child);
  } else if (const auto *a = dyn_cast<AsExpr>(&e)) {
    line(indent) << "as '" << a->unit << "'\n";
    expr(a->operand.get(), child);
  } else if (const auto *amend = dyn_cast<AmendExpr>(&e)) {
    line(indent) << "amend " << amend->base.str() << "\n";
    block(amend->body, child);
  } else if (const auto *steps = dyn_cast<StepsExpr>(&e)) {
    line(indent) << "steps\n";
    for (const StepEntry &entry : steps->entries) {
      line(child) << "entry\n";
      expr(entry.key.get(), child + 1);
      expr(entry.value.get(), child + 1);
    }
  }
}

} // namespace

void calc::ast::dump(const File &file, llvm::raw_ostream &os) {
  Dumper(os).file(file);
}

void calc::ast::dump(const Expr &expr, llvm::raw_ostream &os, unsigned indent) {
  Dumper(os).expr(&expr, indent);
}
