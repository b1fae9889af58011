//===- IRBuilderSearch.cpp - Lowering `search n = analysis { … }` ---------===//
//
// docs/language-reference.md §6: a search is an analysis block whose model,
// system and execution blocks (and `networks[i] {…}` amends) may hold `in`
// domains, plus `where` clauses, one objective chain and `keep N` at its top
// level. Domains become members whose value is a Domain expression (the value
// the enumeration chose); each records the route from the analysis record to
// the instance its block is a layer of, so the evaluator can compute the
// domain's list in its own scope. `where` and objectives are lowered over the
// search scope: the result fields, then the analysis inputs, so a `where` that
// reads no result can prune before evaluation.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include <cmath>

using namespace calc;
using namespace calc::ir;
using llvm::SMRange;

static std::string textOf(SMRange r) {
  return std::string(r.Start.getPointer(),
                     r.End.getPointer() - r.Start.getPointer());
}

/// The result fields (same slots), then the analysis inputs; with \p row,
/// then `rank`.
const Schema *IRBuilder::searchScopeSchema(const Schema *result,
                                           const Schema *analysis, bool row) {
  Schema *s = module->newSchema(result->name + (row ? "_row" : "_scope"));
  s->fields = result->fields;
  for (unsigned i = 0; i < s->fields.size(); ++i)
    s->index[s->fields[i].name] = i;
  s->isResult = true;
  for (const FieldDecl &f : analysis->fields)
    s->addField(f);
  if (row) {
    FieldDecl rank;
    rank.name = "rank";
    rank.type = Type::number(Dimension());
    rank.isInt = true;
    rank.doc = "The row's rank in the search result, from 1.";
    s->addField(std::move(rank));
  }
  return s;
}

/// A column over a row: the member \p slot of the instance at the current
/// search route.
void IRBuilder::addSearchColumn(const std::string &label, unsigned slot) {
  SearchInfo *info = searching->info;
  const Schema *row = info->row;
  auto make = [&](ExprKind k, Type t) {
    return module->newExpr(k, t, SMRange());
  };
  llvm::SmallVector<RouteStep, 5> steps(searching->route.begin(),
                                        searching->route.end());
  steps.push_back(RouteStep{slot, -1});
  Expr *e = nullptr;
  const Schema *schema = searching->analysis;
  for (const RouteStep &st : steps) {
    if (st.slot >= schema->fields.size())
      return;
    const FieldDecl &f = schema->fields[st.slot];
    if (!e) {
      e = make(ExprKind::Field, f.type);
      e->slot = info->firstInput + st.slot;
    } else {
      Expr *m = make(ExprKind::Member, f.type);
      m->slot = st.slot;
      m->ops.push_back(e);
      e = m;
    }
    e->fieldName = f.name;
    Type t = f.type;
    if (st.index >= 0) {
      if (t.kind != TypeKind::List || t.elem != TypeKind::Entity)
        return;
      Expr *idx = make(ExprKind::Const, Type::number(Dimension()));
      idx->value = Value::integer(st.index);
      Expr *ix = make(ExprKind::Index, t.element());
      ix->ops.push_back(e);
      ix->ops.push_back(idx);
      e = ix;
      t = t.element();
    }
    if (t.kind == TypeKind::Entity)
      schema = t.schema;
  }
  (void)row;
  info->columns.push_back(OutputColumn{label, e, false});
}

bool IRBuilder::checkDomainValues(const FieldDecl &field,
                                  const std::string &path,
                                  const Expr *values) {
  // A literal list's elements; a range's first element and step (its
  // other elements are integral exactly when both are).
  llvm::SmallVector<const Expr *, 8> known;
  if (values->kind == ExprKind::List)
    known.append(values->ops.begin(), values->ops.end());
  else if (values->kind == ExprKind::Range && field.isInt) {
    known.push_back(values->ops[0]);
    if (values->ops.size() == 3)
      known.push_back(values->ops[2]);
  }
  bool ok = true;
  for (const Expr *x : known) {
    if (x->kind != ExprKind::Const)
      continue;
    if (field.isInt && x->value.kind == Value::Real &&
        !exactInt(x->value.r)) {
      // `a..b` has no step: ops[2] exists only for `a..b by c`.
      bool isStep = values->kind == ExprKind::Range &&
                    values->ops.size() == 3 && x == values->ops[2];
      double v = x->value.r;
      bool whole = std::isfinite(v) && v == std::floor(v);
      diags
          .error(x->range.Start,
                 (isStep ? "the step " : "the value ") +
                     formatSignificant(v, 6) + " of domain '" + path +
                     (whole ? "' is out of the integer range"
                            : "' is not an integer"),
                 {x->range})
          .note(field.loc, "'" + field.name + "' is an integer field");
      ok = false;
    } else if (!field.enumValues.empty() && x->value.kind == Value::String) {
      ok &= checkAssignable(field, x);
    }
  }
  return ok;
}

void IRBuilder::lowerDomainMember(const ast::DomainMember &d, Block *block,
                                  const Scope &scope, const ast::File *file) {
  if (!searching) {
    diags.error(d.loc(),
                "a domain ('in') is only allowed in a search; use search",
                {d.range});
    return;
  }
  Expr *values = lowerExpr(d.domain.get(), &scope, file);
  int slot = fieldSlot(d.name, block->schema, scope.what, true);
  if (slot < 0 || values->type.isError())
    return;
  if (values->type.kind != TypeKind::List) {
    diags.error(d.domain->loc(),
                "a domain needs a list (`[…]`, `a..b`, "
                "`divisors(n)`, `pow2(lo..hi)`), not " +
                    values->type.str(),
                {d.domain->range});
    return;
  }
  // `x in []`: the whole search would have no candidate.
  if (values->kind == ExprKind::List && values->ops.empty()) {
    diags.error(d.domain->loc(),
                "the domain of '" + d.name.name +
                    "' is empty, so the search has no candidates",
                {d.domain->range});
    return;
  }
  const FieldDecl &field = block->schema->fields[slot];
  SearchInfo *info = searching->info;
  std::string path;
  for (const std::string &p : searching->path)
    path += p + ".";
  path += d.name.name;
  Type elem = values->type.elem == TypeKind::Error ? field.type // `[]`
                                                   : values->type.element();
  Expr *var = module->newExpr(ExprKind::Domain, elem, d.name.range);
  var->slot = info->domains.size();
  var->fieldName = path;
  if (!checkAssignable(field, var) || !checkDomainValues(field, path, values))
    return;
  Member mem;
  mem.slot = slot;
  mem.value = var;
  mem.range = d.name.range;
  addMember(block, mem, d.name.range);
  SearchDomain dom;
  dom.path = path;
  dom.values = values;
  dom.block = block;
  dom.route.assign(searching->route.begin(), searching->route.end());
  dom.range = d.range;
  info->domains.push_back(std::move(dom));
  addSearchColumn(path, slot);
}

void IRBuilder::lowerSearch(const ast::AnalysisStmt *a, Stmt &stmt) {
  const ast::File *main = sema.mainFile();
  const Schema *analysis = schemas.lookup(a->analysis.name);
  SearchInfo *info = module->newSearch();
  stmt.search = info;
  info->scope = searchScopeSchema(stmt.resultSchema, analysis, false);
  info->row = searchScopeSchema(stmt.resultSchema, analysis, true);
  info->firstInput = stmt.resultSchema->fields.size();
  info->rankSlot = info->row->fields.size() - 1;
  SearchLowering lowering;
  lowering.info = info;
  lowering.analysis = analysis;
  searching = &lowering;
  Block *block = module->newBlock(analysis);
  block->loc = a->body.range.Start;
  Scope scope{analysis, nullptr,
              analysis->name + " search '" + a->name.name + "'", false};
  for (const ast::MemberPtr &m : a->body.members) {
    auto k = m->getKind();
    if (k != ast::Member::Kind::Where && k != ast::Member::Kind::Objective &&
        k != ast::Member::Kind::Keep)
      lowerMember(*m, block, scope, main);
  }
  searching = nullptr;
  stmt.analysis = block;
  lowerSearchClauses(a, stmt, info);
}

/// Whether \p e reads a field of the search scope (a result or an input).
static bool readsSearchScope(const Expr *e) {
  if (e->kind == ExprKind::Field && e->depth == 0)
    return true;
  for (const Expr *op : e->ops)
    if (readsSearchScope(op))
      return true;
  return false;
}

/// Whether \p e reads a field of the search scope below \p firstInput.
static bool readsResults(const Expr *e, unsigned firstInput) {
  if (e->kind == ExprKind::Field && e->depth == 0 && e->slot < firstInput)
    return true;
  for (const Expr *op : e->ops)
    if (readsResults(op, firstInput))
      return true;
  return false;
}

/// `keep N`: a constant positive integer.
static bool keepCount(const Expr *e, uint64_t &out, std::string &problem) {
  bool negate = false;
  if (e->kind == ExprKind::Neg && e->ops.size() == 1) {
    negate = true;
    e = e->ops[0];
  }
  if (e->kind != ExprKind::Const || !e->type.isNumber()) {
    problem = "'keep' needs a constant integer";
    return false;
  }
  const Value &v = e->value;
  if (!v.dim.isDimensionless() || v.kind != Value::Int) {
    problem = "'keep' needs an integer, not '" + textOf(e->range) + "'";
    return false;
  }
  int64_t n = negate ? -v.i : v.i;
  if (n <= 0) {
    problem = "'keep' needs a positive count, not " + std::to_string(n);
    return false;
  }
  out = uint64_t(n);
  return true;
}

void IRBuilder::lowerSearchClauses(const ast::AnalysisStmt *a, Stmt &stmt,
                                   SearchInfo *info) {
  const ast::File *main = sema.mainFile();
  Scope scope{info->scope, nullptr, "search '" + a->name.name + "'", false};
  const ast::Member *objective = nullptr, *keep = nullptr;
  for (const ast::MemberPtr &m : a->body.members) {
    if (auto *w = llvm::dyn_cast<ast::WhereMember>(m.get())) {
      SearchWhere where;
      where.cond = lowerExpr(w->cond.get(), &scope, main);
      where.text = textOf(w->cond->range);
      if (where.cond->type.isError())
        continue;
      if (where.cond->type.kind != TypeKind::Bool) {
        diags.error(w->cond->loc(),
                    "a 'where' needs a bool, not " + where.cond->type.str(),
                    {w->cond->range});
        continue;
      }
      where.readsResults = readsResults(where.cond, info->firstInput);
      info->wheres.push_back(std::move(where));
    } else if (auto *o = llvm::dyn_cast<ast::ObjectiveMember>(m.get())) {
      if (objective) {
        diags
            .error(o->loc(),
                   "a search has at most one objective; chain "
                   "tie-breakers with 'then'",
                   {o->range})
            .note(objective->loc(), "previous objective is here");
        continue;
      }
      objective = o;
      for (const ast::Objective &term : o->objectives) {
        SearchObjective obj;
        obj.maximize = term.maximize;
        obj.value = lowerExpr(term.expr.get(), &scope, main);
        obj.text = textOf(term.expr->range);
        if (obj.value->type.isError())
          continue;
        if (!obj.value->type.isNumber()) {
          diags.error(term.expr->loc(),
                      "an objective needs a number, not " +
                          obj.value->type.str(),
                      {term.expr->range});
          continue;
        }
        // An objective over inputs only (`minimize system.mem1.capacity`:
        // the cheapest machine that fits) ranks feasible candidates like any
        // other; one that reads neither a result nor an input is constant.
        if (!readsSearchScope(obj.value)) {
          diags.error(term.expr->loc(),
                      "objective '" + obj.text +
                          "' reads neither a result nor an input of the "
                          "search; maximize or minimize a result such as "
                          "'sample_rate' or an input such as "
                          "'system.mem1.capacity'",
                      {term.expr->range});
          continue;
        }
        info->objectives.push_back(std::move(obj));
      }
    } else if (auto *k = llvm::dyn_cast<ast::KeepMember>(m.get())) {
      if (keep) {
        diags.error(k->loc(), "a search has at most one 'keep'", {k->range})
            .note(keep->loc(), "previous 'keep' is here");
        continue;
      }
      keep = k;
      Expr *count = lowerExpr(k->count.get(), nullptr, main);
      std::string problem;
      if (!count->type.isError() && !keepCount(count, info->keep, problem))
        diags.error(k->count->loc(), problem, {k->count->range});
    }
  }
  for (const SearchObjective &o : info->objectives) {
    // An objective over an input a domain already shows
    // (`minimize system.mem1.capacity`) is not shown twice.
    bool shown = false;
    for (const OutputColumn &c : info->columns)
      shown |= c.label == o.text;
    if (shown)
      continue;
    OutputColumn c{o.text, o.value, false};
    info->columns.push_back(c);
  }
  (void)stmt;
}
