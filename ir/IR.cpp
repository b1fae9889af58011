//===- IR.cpp - IR ownership, types and spellings -------------------------===//
#include "ir/IR.h"

using namespace calc;
using namespace calc::ir;

Expr *Module::newExpr(ExprKind kind, Type type, llvm::SMRange range) {
  exprs.push_back(std::make_unique<Expr>());
  Expr *e = exprs.back().get();
  e->kind = kind;
  e->type = type;
  e->range = range;
  return e;
}

Block *Module::newBlock(const Schema *schema) {
  blocks.push_back(std::make_unique<Block>());
  blocks.back()->schema = schema;
  return blocks.back().get();
}

Schema *Module::newSchema(llvm::StringRef name) {
  schemaList.push_back(std::make_unique<Schema>());
  schemaList.back()->name = name.str();
  return schemaList.back().get();
}

Entity *Module::newEntity(llvm::StringRef name) {
  entityList.push_back(std::make_unique<Entity>());
  entityList.back()->name = name.str();
  return entityList.back().get();
}

Let *Module::newLet(llvm::StringRef name) {
  letList.push_back(std::make_unique<Let>());
  letList.back()->name = name.str();
  return letList.back().get();
}

SearchInfo *Module::newSearch() {
  searchList.push_back(std::make_unique<SearchInfo>());
  return searchList.back().get();
}

bool Type::operator==(const Type &o) const {
  if (kind != o.kind)
    return false;
  switch (kind) {
  case TypeKind::Number:
    return dim == o.dim;
  case TypeKind::Entity:
    return schema == o.schema;
  case TypeKind::List:
    return element() == o.element();
  case TypeKind::Steps:
    return dim == o.dim && valueDim == o.valueDim;
  default:
    return true;
  }
}

std::string Type::str() const {
  switch (kind) {
  case TypeKind::Error:
    return "<error>";
  case TypeKind::Number:
    return dim.isDimensionless() ? "a number" : dim.str();
  case TypeKind::Bool:
    return "bool";
  case TypeKind::String:
    return "string";
  case TypeKind::Entity:
    return "'" + schema->name + "'";
  case TypeKind::List:
    if (elem == TypeKind::Error)
      return "an empty list";
    if (elem == TypeKind::Number && dim.isDimensionless())
      return "a list of numbers";
    if (elem == TypeKind::String || elem == TypeKind::Bool)
      return "a list of " + element().str() + "s";
    return "a list of " + element().str();
  case TypeKind::Steps:
    return "steps of " + dim.str() + " to " + valueDim.str();
  }
  return "?";
}

const ValueList &Value::elements() const {
  static const ValueList empty;
  if (range) {
    const RangeSeq &r = *range;
    std::call_once(r.materializeOnce, [&r] {
      r.materialized.reserve(r.count);
      for (uint64_t k = 0; k < r.count; ++k)
        r.materialized.push_back(r.at(k));
    });
    return r.materialized;
  }
  return list ? *list : empty;
}

uint64_t Value::size() const {
  return range ? range->count : list ? list->size() : 0;
}

Value Value::at(uint64_t i) const {
  return range ? range->at(i) : (*list)[i];
}

Value Value::makeRange(const RangeSeq &seq) {
  Value x;
  x.kind = List;
  auto r = std::make_shared<RangeSeq>();
  r->ints = seq.ints;
  r->firstI = seq.firstI;
  r->stepI = seq.stepI;
  r->firstR = seq.firstR;
  r->stepR = seq.stepR;
  r->count = seq.count;
  r->dim = seq.dim;
  r->unit = seq.unit;
  x.range = std::move(r);
  return x;
}

llvm::StringRef calc::ir::spelling(ExprKind kind) {
  switch (kind) {
  case ExprKind::Add: return "+";
  case ExprKind::Sub: return "-";
  case ExprKind::Mul: return "*";
  case ExprKind::Div: return "/";
  case ExprKind::Mod: return "mod";
  case ExprKind::Pow: return "^";
  case ExprKind::Eq: return "==";
  case ExprKind::Ne: return "!=";
  case ExprKind::Lt: return "<";
  case ExprKind::Le: return "<=";
  case ExprKind::Gt: return ">";
  case ExprKind::Ge: return ">=";
  case ExprKind::And: return "and";
  case ExprKind::Or: return "or";
  case ExprKind::Neg: return "neg";
  case ExprKind::Not: return "not";
  case ExprKind::Const: return "const";
  case ExprKind::Field: return "field";
  case ExprKind::Super: return "super";
  case ExprKind::EntityRef: return "entity";
  case ExprKind::LetRef: return "let";
  case ExprKind::ResultRef: return "result";
  case ExprKind::Member: return "member";
  case ExprKind::Index: return "index";
  case ExprKind::If: return "if";
  case ExprKind::Call: return "call";
  case ExprKind::List: return "list";
  case ExprKind::Range: return "range";
  case ExprKind::Steps: return "steps";
  case ExprKind::Amend: return "amend";
  case ExprKind::As: return "as";
  case ExprKind::Interp: return "interp";
  case ExprKind::Lookup: return "lookup";
  case ExprKind::Domain: return "domain";
  }
  return "?";
}

llvm::StringRef calc::ir::spelling(Builtin builtin) {
  static const char *const names[] = {"min",   "max",  "abs",  "ceil",
                                      "floor", "round", "sqrt", "log2",
                                      "pow2",  "divisors", "clamp", "sum",
                                      "len", "model_params",
                                      "model_active_params"};
  return names[unsigned(builtin)];
}
