//===- IRPrinter.cpp - `--emit=ir` and the IR verifier --------------------===//
#include "ir/IRPrinter.h"
#include "ir/NumberFormat.h"

using namespace calc;
using namespace calc::ir;

static void printValue(const Value &v, llvm::raw_ostream &os) {
  switch (v.kind) {
  case Value::Error:
    os << "<error>";
    return;
  case Value::Int:
    os << formatInt(v.i);
    break;
  case Value::Real:
    os << formatShortest(v.r);
    break;
  case Value::Bool:
    os << (v.b ? "true" : "false");
    return;
  case Value::String:
    os << '"' << v.getString() << '"';
    return;
  default:
    os << "<aggregate>";
    return;
  }
  if (!v.unit.isNone())
    os << " (" << v.unit.text << ")";
}

static void printInlineBlock(const Block *b, llvm::raw_ostream &os);

void calc::ir::printExpr(const Expr *e, llvm::raw_ostream &os) {
  os << "(" << spelling(e->kind);
  switch (e->kind) {
  case ExprKind::Const:
    os << " ";
    printValue(e->value, os);
    break;
  case ExprKind::Field:
    os << "^" << e->depth << " " << e->fieldName;
    break;
  case ExprKind::Super:
  case ExprKind::Member:
    os << " " << e->fieldName;
    break;
  case ExprKind::EntityRef:
    os << " " << e->entity->name;
    break;
  case ExprKind::LetRef:
    os << " " << e->let->name;
    break;
  case ExprKind::ResultRef:
    os << " #" << e->slot;
    break;
  case ExprKind::Domain:
    os << " #" << e->slot << " " << e->fieldName;
    break;
  case ExprKind::Call:
    os << " " << spelling(e->builtin);
    break;
  case ExprKind::As:
    os << " " << e->unit.text;
    break;
  case ExprKind::Eq:
  case ExprKind::Ne:
    if (e->withinPercent)
      os << " within%";
    else if (e->ops.size() == 3)
      os << " within";
    break;
  default:
    break;
  }
  os << " : " << e->type.str();
  for (const Expr *op : e->ops) {
    os << " ";
    printExpr(op, os);
  }
  if (e->kind == ExprKind::Interp)
    for (const std::string &p : e->parts)
      os << " \"" << p << "\"";
  if (e->kind == ExprKind::Amend && e->block) {
    os << " ";
    printInlineBlock(e->block, os);
  }
  os << ")";
}

/// An amend's block on one line (expressions print on one line):
/// `{f = (…); g {…}; xs[(…)] {…}; require (…)}`.
static void printInlineBlock(const Block *b, llvm::raw_ostream &os) {
  os << "{";
  const char *sep = "";
  for (const Member &m : b->members) {
    os << sep << b->schema->fields[m.slot].name;
    sep = "; ";
    switch (m.kind) {
    case MemberKind::Assign:
      os << " = ";
      printExpr(m.value, os);
      break;
    case MemberKind::Nested:
      os << " ";
      printInlineBlock(m.block, os);
      break;
    case MemberKind::IndexAmend:
      os << "[";
      printExpr(m.index, os);
      os << "] ";
      printInlineBlock(m.block, os);
      break;
    }
  }
  for (const Require &r : b->requires) {
    os << sep << "require ";
    printExpr(r.cond, os);
    sep = "; ";
  }
  os << "}";
}

/// Prints a field slot by name when the schema is known.
static void printBlock(const Block *b, llvm::raw_ostream &os, unsigned indent) {
  os << "{\n";
  for (const Member &m : b->members) {
    os.indent(indent + 2) << b->schema->fields[m.slot].name;
    switch (m.kind) {
    case MemberKind::Assign:
      os << " = ";
      printExpr(m.value, os);
      os << "\n";
      break;
    case MemberKind::Nested:
      os << " ";
      printBlock(m.block, os, indent + 2);
      break;
    case MemberKind::IndexAmend:
      os << "[";
      printExpr(m.index, os);
      os << "] ";
      printBlock(m.block, os, indent + 2);
      break;
    }
  }
  for (const Require &r : b->requires) {
    os.indent(indent + 2) << "require ";
    printExpr(r.cond, os);
    os << "\n";
  }
  os.indent(indent) << "}\n";
}

static const char *formatName(OutputFormat f) {
  switch (f) {
  case OutputFormat::Table:
    return "table";
  case OutputFormat::Csv:
    return "csv";
  case OutputFormat::Json:
    return "json";
  case OutputFormat::Plot:
    return "plot";
  }
  return "table";
}

void calc::ir::printModule(const Module &module, llvm::raw_ostream &os) {
  for (const auto &l : module.lets()) {
    if (!l->inMainFile)
      continue;
    os << "let " << l->name << " = ";
    printExpr(l->value, os);
    os << "\n";
  }
  for (const auto &e : module.entities()) {
    if (!e->inMainFile)
      continue;
    os << e->schema->name << " " << e->name;
    if (e->base)
      os << " : " << e->base->name;
    os << " ";
    printBlock(e->body, os, 0);
  }
  for (const Stmt &s : module.statements) {
    switch (s.kind) {
    case StmtKind::Evaluate:
      os << "evaluate " << s.name << " #" << s.resultIndex << " = "
         << s.analysis->schema->name << " -> " << s.resultSchema->name << " ";
      printBlock(s.analysis, os, 0);
      break;
    case StmtKind::Search:
      os << "search " << s.name << " #" << s.resultIndex << " = "
         << s.analysis->schema->name << " -> " << s.resultSchema->name << " ";
      printBlock(s.analysis, os, 0);
      for (const SearchDomain &d : s.search->domains) {
        os << "  domain " << d.path << " in ";
        printExpr(d.values, os);
        os << "\n";
      }
      for (const SearchWhere &w : s.search->wheres) {
        os << (w.readsResults ? "  where (results) " : "  where (inputs) ");
        printExpr(w.cond, os);
        os << "\n";
      }
      for (const SearchObjective &o : s.search->objectives) {
        os << (o.maximize ? "  maximize " : "  minimize ");
        printExpr(o.value, os);
        os << "\n";
      }
      if (s.search->keep != UINT64_MAX)
        os << "  keep " << s.search->keep << "\n";
      break;
    case StmtKind::Output:
      os << "output " << formatName(s.format) << " ";
      printExpr(s.target, os);
      if (s.layout != OutputLayout::Auto)
        os << (s.layout == OutputLayout::Vertical ? " vertical"
                                                  : " horizontal");
      for (const OutputColumn &c : s.columns) {
        os << "\n  column '" << c.label << "'" << (c.hasLabel ? " (label)" : "")
           << (c.direction > 0 ? " (maximize)"
               : c.direction < 0 ? " (minimize)"
                                 : "")
           << " = ";
        printExpr(c.value, os);
      }
      if (!s.path.empty())
        os << "\n  to \"" << s.path << "\"";
      os << "\n";
      break;
    case StmtKind::Assert:
    case StmtKind::Expect:
      os << (s.kind == StmtKind::Assert ? "assert " : "expect ");
      printExpr(s.cond, os);
      os << "\n";
      break;
    }
  }
}

static std::string verifyExpr(const Expr *e) {
  if (e->type.isError())
    return "expression of error type in a checked module";
  if (e->kind == ExprKind::Field || e->kind == ExprKind::Member)
    if (e->kind == ExprKind::Member &&
        (e->ops.size() != 1 || e->ops[0]->type.kind != TypeKind::Entity ||
         e->slot >= e->ops[0]->type.schema->fields.size()))
      return "member access on a non-entity or out of range";
  if (e->kind == ExprKind::EntityRef && !e->entity)
    return "entity reference without an entity";
  if (e->kind == ExprKind::LetRef && !e->let)
    return "let reference without a let";
  if (e->kind == ExprKind::Amend && !e->block)
    return "amend without a block";
  for (const Expr *op : e->ops)
    if (std::string p = verifyExpr(op); !p.empty())
      return p;
  return "";
}

static std::string verifyBlock(const Block *b) {
  for (const Member &m : b->members) {
    if (m.slot >= b->schema->fields.size())
      return "member slot out of range";
    if (m.kind == MemberKind::Assign) {
      if (std::string p = verifyExpr(m.value); !p.empty())
        return p;
    } else if (std::string p = verifyBlock(m.block); !p.empty()) {
      return p;
    }
  }
  return "";
}

std::string calc::ir::verifyModule(const Module &module) {
  for (const auto &e : module.entities())
    if (e->body)
      if (std::string p = verifyBlock(e->body); !p.empty())
        return "entity '" + e->name + "': " + p;
  for (const auto &l : module.lets())
    if (std::string p = verifyExpr(l->value); !p.empty())
      return "let '" + l->name + "': " + p;
  return "";
}
