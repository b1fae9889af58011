//===- IRBuilderOps.cpp - Operators, calls, amends, steps -----------------===//
//
// The typing rules of docs/language-reference.md §3 and §5 for operators and
// built-ins; amends (§4.2) resolve their base to an entity, a nested entity
// path (`a100_80g.mem1`) or a schema name (`network { … }`).
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"
#include "ir/IRBuilderExpr.h"

#include "llvm/ADT/StringSwitch.h"

using namespace calc;
using namespace calc::ir;
using llvm::SMRange;
using llvm::StringRef;

static ExprKind binaryKind(ast::BinaryExpr::Op op) {
  using O = ast::BinaryExpr::Op;
  switch (op) {
  case O::Add: return ExprKind::Add;
  case O::Sub: return ExprKind::Sub;
  case O::Mul: return ExprKind::Mul;
  case O::Div: return ExprKind::Div;
  case O::Mod: return ExprKind::Mod;
  case O::Pow: return ExprKind::Pow;
  case O::And: return ExprKind::And;
  case O::Or: return ExprKind::Or;
  case O::Eq: return ExprKind::Eq;
  case O::Ne: return ExprKind::Ne;
  case O::Lt: return ExprKind::Lt;
  case O::Le: return ExprKind::Le;
  case O::Gt: return ExprKind::Gt;
  case O::Ge: return ExprKind::Ge;
  }
  return ExprKind::Add;
}

static const char *verbOf(ExprKind k) {
  switch (k) {
  case ExprKind::Add: return "add";
  case ExprKind::Sub: return "subtract";
  case ExprKind::Mod: return "take 'mod' of";
  default: return "compare";
  }
}

/// Comparison typing: equal dimensions for numbers; `==`/`!=` also on
/// strings and bools.
Type ExprLowering::comparison(ExprKind k, Expr *l, Expr *r, SMRange op) {
  if (l->type.isError() || r->type.isError())
    return Type::error();
  bool equality = k == ExprKind::Eq || k == ExprKind::Ne;
  TypeKind lk = l->type.kind;
  if (equality && (lk == TypeKind::Bool || lk == TypeKind::String) &&
      l->type.kind == r->type.kind)
    return Type::boolean();
  // Lists compare element-wise; `[]` fits any list.
  if (equality && lk == TypeKind::List && r->type.kind == TypeKind::List &&
      (l->type == r->type || l->type.elem == TypeKind::Error ||
       r->type.elem == TypeKind::Error))
    return Type::boolean();
  return sameDims("compare", l, r, op) ? Type::boolean() : Type::error();
}

static StringRef sourceText(SMRange range) {
  return StringRef(range.Start.getPointer(),
                   range.End.getPointer() - range.Start.getPointer());
}

/// The value of a literal number (`3`, `-3`, `2 GB`), if \p e is one.
static llvm::Optional<double> literalNumber(const Expr *e) {
  bool negate = e->kind == ExprKind::Neg;
  if (negate)
    e = e->ops[0];
  if (e->kind != ExprKind::Const || !e->value.isNumber())
    return llvm::None;
  return negate ? -e->value.asDouble() : e->value.asDouble();
}

/// Whether the range \p r (lo, hi[, by]) is written with literal ends and
/// has no element (`5..3`): surely a mistake, unlike an empty computed range.
/// A literal step that is not positive (`8..1 by -1`) is left to its own
/// error.
static bool isEmptyRange(const Expr *r) {
  auto lo = literalNumber(r->ops[0]), hi = literalNumber(r->ops[1]);
  if (r->ops.size() > 2)
    if (auto by = literalNumber(r->ops[2]); by && *by <= 0)
      return false;
  return lo && hi && *lo > *hi;
}

/// `xs + ys` joins two lists of one element type (`[]` joins any list).
Type ExprLowering::concatenation(Expr *l, Expr *r, SMRange op) {
  if (l->type.isError() || r->type.isError())
    return Type::error();
  bool lList = l->type.kind == TypeKind::List;
  bool rList = r->type.kind == TypeKind::List;
  if (lList && rList) {
    if (r->type.elem == TypeKind::Error || l->type == r->type)
      return l->type;
    if (l->type.elem == TypeKind::Error)
      return r->type;
    diags.error(op.Start, "cannot join " + l->type.str() + " and " +
                              r->type.str() +
                              ": '+' on lists needs one element type",
                {l->range, op, r->range});
    return Type::error();
  }
  auto diag = diags.error(op.Start, "cannot add " + l->type.str() + " and " +
                                        r->type.str(),
                          {l->range, op, r->range});
  const Type &list = lList ? l->type : r->type;
  const Expr *item = lList ? r : l;
  if (list.elem == TypeKind::Error || list.element() == item->type)
    diag.note(item->range.Start, "to add an element, make it a list: [" +
                                     sourceText(item->range).str() + "]",
              {item->range});
  return Type::error();
}

Expr *ExprLowering::binary(const ast::BinaryExpr *e) {
  ExprKind k = binaryKind(e->op);
  Expr *l = lower(e->lhs.get());
  Expr *r = lower(e->rhs.get());
  Expr *out = make(k, Type::error(), e->range);
  out->ops = {l, r};
  out->opLoc = e->opRange.Start;
  switch (k) {
  case ExprKind::And:
  case ExprKind::Or: {
    bool ok = expect(l, TypeKind::Bool, "a bool");
    ok &= expect(r, TypeKind::Bool, "a bool");
    out->type = ok ? Type::boolean() : Type::error();
    return out;
  }
  case ExprKind::Add:
    if (l->type.kind == TypeKind::List || r->type.kind == TypeKind::List) {
      out->type = concatenation(l, r, e->opRange);
      return out;
    }
    [[fallthrough]];
  case ExprKind::Sub:
  case ExprKind::Mod:
    if (sameDims(verbOf(k), l, r, e->opRange))
      out->type = l->type;
    return out;
  case ExprKind::Mul:
  case ExprKind::Div: {
    bool ok = expect(l, TypeKind::Number, "a number");
    ok &= expect(r, TypeKind::Number, "a number");
    if (ok)
      out->type = Type::number(k == ExprKind::Mul ? l->type.dim * r->type.dim
                                                  : l->type.dim / r->type.dim);
    return out;
  }
  case ExprKind::Pow:
    out->type = power(l, r, e->opRange);
    return out;
  default:
    out->type = comparison(k, l, r, e->opRange);
    return out;
  }
}

/// `^` needs a dimensionless exponent; with a dimensioned base it must be a
/// constant integer so the result's dimension is known.
Type ExprLowering::power(Expr *l, Expr *r, SMRange op) {
  // Both operands are checked, so both errors are reported.
  bool baseOk = expect(l, TypeKind::Number, "a number");
  bool exponentOk = expect(r, TypeKind::Number, "a number");
  if (!baseOk || !exponentOk)
    return Type::error();
  if (!r->type.dim.isDimensionless()) {
    diags.error(r->range.Start, "the exponent must be dimensionless, not " +
                                    r->type.dim.str(),
                {r->range});
    return Type::error();
  }
  if (l->type.dim.isDimensionless())
    return l->type;
  const Expr *c = r;
  bool negate = false;
  if (c->kind == ExprKind::Neg) {
    negate = true;
    c = c->ops[0];
  }
  if (c->kind != ExprKind::Const || c->value.kind != Value::Int) {
    diags.error(r->range.Start,
                "the exponent of a quantity of " + l->type.dim.str() +
                    " must be a constant integer",
                {r->range});
    return Type::error();
  }
  auto d = l->type.dim.pow(negate ? -c->value.i : c->value.i);
  if (!d) {
    diags.error(op.Start, "dimension exponent too large", {op});
    return Type::error();
  }
  return Type::number(*d);
}

Expr *ExprLowering::within(const ast::WithinExpr *e) {
  Expr *l = lower(e->lhs.get());
  Expr *r = lower(e->rhs.get());
  Expr *t = lower(e->tolerance.get());
  Expr *out = make(e->isEqual ? ExprKind::Eq : ExprKind::Ne, Type::error(), e->range);
  out->ops = {l, r, t};
  out->opLoc = e->opRange.Start;
  if (!sameDims("compare", l, r, e->opRange) || t->type.isError())
    return out;
  out->withinPercent = t->kind == ExprKind::Const && t->value.unit.isPercent();
  if (out->withinPercent || (t->type.isNumber() && t->type.dim == l->type.dim)) {
    out->type = Type::boolean();
    return out;
  }
  diags.error(t->range.Start, "the tolerance must be a '%' or have the operands' dimension " +
                                  l->type.dim.str() + ", not " + t->type.str(),
              {t->range});
  return out;
}

Expr *ExprLowering::ifExpr(const ast::IfExpr *e) {
  Expr *c = lower(e->cond.get());
  Expr *a = lower(e->thenExpr.get());
  Expr *x = lower(e->elseExpr.get());
  Expr *out = make(ExprKind::If, Type::error(), e->range);
  out->ops = {c, a, x};
  if (!expect(c, TypeKind::Bool, "a bool condition") || a->type.isError() ||
      x->type.isError())
    return out;
  if (a->type != x->type) {
    diags.error(e->elseExpr->loc(), "the branches of 'if' differ: " +
                                        a->type.str() + " and " + x->type.str(),
                {e->thenExpr->range, e->elseExpr->range});
    return out;
  }
  out->type = a->type;
  return out;
}

Expr *ExprLowering::range(const ast::RangeExpr *e) {
  Expr *lo = lower(e->lo.get());
  Expr *hi = lower(e->hi.get());
  Expr *out = make(ExprKind::Range, Type::error(), e->range);
  out->ops = {lo, hi};
  bool ok = sameDims("make a range of", lo, hi, e->range);
  if (e->step) {
    Expr *by = lower(e->step.get());
    out->ops.push_back(by);
    ok = ok && sameDims("make a range of", lo, by, e->step->range);
  } else if (ok && !lo->type.dim.isDimensionless()) {
    diags.error(e->hi->range.End, "a range of quantities needs 'by'",
                {e->range});
    ok = false;
  }
  if (ok && isEmptyRange(out)) {
    std::string swapped = sourceText(e->hi->range).str() + ".." +
                          sourceText(e->lo->range).str();
    if (e->step)
      swapped += " by " + sourceText(e->step->range).str();
    diags.error(e->loc(), "range " + sourceText(e->range) +
                              " is empty; did you mean " + swapped + "?",
                {e->range});
    ok = false;
  }
  if (ok)
    out->type = Type::listOf(lo->type);
  return out;
}

Expr *ExprLowering::as(const ast::AsExpr *e) {
  Expr *x = lower(e->operand.get());
  auto u = unit(e->unit, e->unitRange);
  if (!u || x->type.isError())
    return fail(e->range);
  if (!x->type.isNumber() || x->type.dim != u->dim) {
    diags.error(e->unitRange.Start, "cannot show " + x->type.str() + " as '" +
                                        e->unit + "' " + u->dim.str(),
                {e->operand->range, e->unitRange});
    return fail(e->range);
  }
  Expr *out = make(ExprKind::As, x->type, e->range);
  out->ops.push_back(x);
  out->unit = *u;
  return out;
}

Expr *ExprLowering::super(const ast::SuperExpr *e) {
  if (!scope || scope->inSchema) {
    diags.error(e->loc(), "'super' is only allowed in a block", {e->range});
    return fail(e->range);
  }
  int slot = scope->schema->lookup(e->field.name);
  if (slot < 0) {
    std::vector<StringRef> candidates;
    for (const FieldDecl &f : scope->schema->fields)
      candidates.push_back(f.name);
    auto diag = diags.error(e->field.loc(), "no field '" + e->field.name +
                                                "' in " + scope->schema->name,
                            {e->field.range});
    if (auto best = closestMatch(e->field.name, candidates))
      diag.note(e->field.loc(), "did you mean '" + best->str() + "'?");
    return fail(e->range);
  }
  Expr *out = make(ExprKind::Super, scope->schema->fields[slot].type, e->range);
  out->slot = slot;
  out->fieldName = e->field.name;
  return out;
}

Expr *ExprLowering::steps(const ast::StepsExpr *e) {
  Expr *out = make(ExprKind::Steps, Type::error(), e->range);
  Expr *firstKey = nullptr, *firstValue = nullptr;
  bool ok = !e->entries.empty();
  if (!ok)
    diags.error(e->loc(), "a steps table needs at least one entry", {e->range});
  for (const ast::StepEntry &entry : e->entries) {
    Expr *k = lower(entry.key.get());
    Expr *v = lower(entry.value.get());
    out->ops.push_back(k);
    out->ops.push_back(v);
    if (k->type.isError() || v->type.isError()) {
      ok = false;
      continue;
    }
    if (k->kind != ExprKind::Const) {
      diags.error(k->range.Start, "steps keys must be constants", {k->range});
      ok = false;
    }
    if (!firstKey) {
      firstKey = k;
      firstValue = v;
      ok &= expect(k, TypeKind::Number, "a number key") &&
            expect(v, TypeKind::Number, "a number value");
      continue;
    }
    ok &= sameDims("mix keys", firstKey, k, entry.range) &&
          sameDims("mix values", firstValue, v, entry.range);
  }
  if (ok)
    out->type = Type::steps(firstKey->type.dim, firstValue->type.dim);
  return out;
}

/// `base { … }` where base names an entity, a nested entity of one
/// (`a100_80g.mem1`), or a schema.
Expr *ExprLowering::amend(const ast::AmendExpr *e) {
  const auto &parts = e->base.parts;
  Expr *base = nullptr;
  const Schema *schema = nullptr;
  auto sit = b.schemas.find(parts[0].name);
  bool isField = false;
  for (const IRBuilder::Scope *s = scope; s; s = s->outer)
    isField |= s->schema->lookup(parts[0].name) >= 0;
  if (parts.size() == 1 && sit != b.schemas.end() && !isField &&
      !b.sema.visible(file).count(parts[0].name)) {
    schema = sit->second;
  } else {
    // Build `a.b.c` as member accesses and lower it like an expression.
    std::unique_ptr<ast::Expr> chain =
        std::make_unique<ast::NameExpr>(parts[0]);
    for (size_t i = 1; i < parts.size(); ++i) {
      SMRange r(parts[0].range.Start, parts[i].range.End);
      chain = std::make_unique<ast::MemberExpr>(r, std::move(chain), parts[i]);
    }
    base = lower(chain.get());
    if (base->type.isError())
      return fail(e->range);
    if (base->type.kind != TypeKind::Entity) {
      diags.error(e->base.range.Start, "cannot amend " + base->type.str() +
                                           "; only entities have fields",
                  {e->base.range});
      return fail(e->range);
    }
    schema = base->type.schema;
  }
  if (schema->isResult) {
    diags.error(e->base.range.Start, "cannot amend an analysis result",
                {e->base.range});
    return fail(e->range);
  }
  Expr *out = make(ExprKind::Amend, Type::entity(schema), e->range);
  if (base)
    out->ops.push_back(base);
  std::string what = base ? schema->name + " '" + e->base.str() + " {…}'"
                          : schema->name + " block";
  out->block = b.lowerBlock(e->body, schema, scope, what, file);
  return out;
}
