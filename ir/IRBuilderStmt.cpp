//===- IRBuilderStmt.cpp - Lowering the main file's statements ------------===//
//
// docs/language-reference.md §6: `evaluate n = analysis { … }` binds a result
// whose fields are known statically (the prelude's `<analysis>_result` schema),
// so `r.sampel_rate` is a did-you-mean error here; `output` columns are
// expressions over the target's fields; `assert`/`expect` need a bool.
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"

using namespace calc;
using namespace calc::ir;
using llvm::StringRef;

void IRBuilder::lowerStatements() {
  const ast::File *main = sema.mainFile();
  loweringStatements = true;
  for (const ast::StmtPtr &s : main->stmts) {
    if (auto *a = llvm::dyn_cast<ast::AnalysisStmt>(s.get()))
      lowerAnalysis(a);
    else if (auto *o = llvm::dyn_cast<ast::OutputStmt>(s.get()))
      lowerOutput(o);
    else
      lowerCheck(llvm::cast<ast::CheckStmt>(s.get()));
  }
}

void IRBuilder::lowerAnalysis(const ast::AnalysisStmt *a) {
  const ast::File *main = sema.mainFile();
  const ast::Identifier &name = a->name;
  auto declared = results.find(name.name);
  if (declared != results.end()) {
    diags.error(name.loc(), "duplicate result '" + name.name + "'", {name.range})
        .note(declared->second.nameRange.Start, "previous definition is here");
    return;
  }
  auto global = sema.visible(main).find(name.name);
  if (global != sema.visible(main).end()) {
    auto diag = diags.error(name.loc(), "result '" + name.name +
                                            "' collides with a top-level name",
                            {name.range});
    if (global->second.decl)
      diag.note(global->second.decl->name.loc(), "declared here");
    return;
  }
  // Register the name first so later statements do not cascade.
  results[name.name] = ResultInfo{module->numResults, nullptr, name.range};
  resultOrder.push_back(name.name);
  const Schema *analysis = schemas.lookup(a->analysis.name);
  const Schema *result = schemas.lookup(a->analysis.name + "_result");
  if (!analysis || !result || analysis->isResult) {
    // The analyses are the prelude schemas with a `<name>_result` companion.
    std::vector<std::string> known;
    for (const auto &entry : schemas)
      if (!entry.second->isResult && schemas.count(entry.first().str() + "_result"))
        known.push_back(entry.first().str());
    llvm::sort(known);
    std::vector<StringRef> names(known.begin(), known.end());
    auto diag = diags.error(a->analysis.loc(),
                            "unknown analysis '" + a->analysis.name + "'",
                            {a->analysis.range});
    if (auto best = closestMatch(a->analysis.name, names))
      diag.note(a->analysis.loc(), "did you mean '" + best->str() + "'?");
    return;
  }
  Stmt stmt;
  stmt.kind = StmtKind::Evaluate;
  stmt.loc = a->keywordRange.Start;
  stmt.range = a->keywordRange;
  stmt.name = name.name;
  if (a->isSearch()) {
    stmt.kind = StmtKind::Search;
    stmt.resultSchema = result;
    stmt.resultIndex = module->numResults++;
    lowerSearch(a, stmt);
    checkAnalysisInputs(a, stmt.analysis);
    results[name.name].schema = stmt.search->row;
    results[name.name].isSearch = true;
    module->statements.push_back(std::move(stmt));
    return;
  }
  stmt.analysis = lowerBlock(a->body, analysis, nullptr,
                             analysis->name + " analysis '" + name.name + "'",
                             main);
  stmt.resultSchema = result;
  stmt.resultIndex = module->numResults++;
  checkAnalysisInputs(a, stmt.analysis);
  results[name.name].schema = result;
  module->statements.push_back(std::move(stmt));
}

/// The analysis block must give every input, each statically complete.
void IRBuilder::checkAnalysisInputs(const ast::AnalysisStmt *a,
                                    const Block *block) {
  std::vector<std::string> missing;
  for (unsigned slot = 0; slot < block->schema->fields.size(); ++slot) {
    const FieldDecl &f = block->schema->fields[slot];
    if (!block->find(slot) && !f.defaultValue && !f.optional)
      missing.push_back(f.name);
  }
  if (!missing.empty()) {
    std::string list;
    for (const std::string &m : missing)
      list += (list.empty() ? "'" : ", '") + m + "'";
    diags.error(a->analysis.loc(), "analysis '" + a->name.name +
                                       "' is incomplete: missing " + list,
                {a->analysis.range});
    return;
  }
  for (const Member &m : block->members)
    if (m.kind == MemberKind::Assign)
      checkComplete(m.value, describeEntity(m.value));
}

/// How diagnostics name the entity an expression denotes.
std::string IRBuilder::describeEntity(const Expr *e) {
  if (e->kind == ExprKind::EntityRef)
    return e->entity->name;
  return std::string(e->range.Start.getPointer(),
                     e->range.End.getPointer() - e->range.Start.getPointer());
}

/// The label of an output column: its text without a trailing `as U`.
static std::string columnLabel(const ast::Expr *e) {
  if (auto *as = llvm::dyn_cast<ast::AsExpr>(e))
    e = as->operand.get();
  return std::string(e->range.Start.getPointer(),
                     e->range.End.getPointer() - e->range.Start.getPointer());
}

void IRBuilder::lowerOutput(const ast::OutputStmt *o) {
  const ast::File *main = sema.mainFile();
  Stmt stmt;
  stmt.kind = StmtKind::Output;
  stmt.loc = o->keywordRange.Start;
  stmt.range = o->range;
  stmt.format = OutputFormat(unsigned(o->format));
  stmt.name = o->name.name;
  auto rit = results.find(o->name.name);
  if (rit != results.end() && !rit->second.schema)
    return; // A failed or unsupported analysis: already reported.
  ast::NameExpr target(o->name);
  stmt.target = lowerExpr(&target, nullptr, main);
  if (stmt.target->type.isError())
    return;
  const Type &tt = stmt.target->type;
  bool rows = tt.kind == TypeKind::List && tt.elem == TypeKind::Entity &&
              stmt.target->kind == ExprKind::ResultRef;
  if (tt.kind != TypeKind::Entity && !rows) {
    diags.error(o->name.loc(), "cannot output " + stmt.target->type.str() +
                                   "; output an entity or a result",
                {o->name.range});
    return;
  }
  const Schema *schema = stmt.target->type.schema;
  if (!rows)
    checkComplete(stmt.target, o->name.name);
  Scope scope{schema, nullptr, schema->name + " '" + o->name.name + "'", false};
  for (const ast::ExprPtr &c : o->columns) {
    OutputColumn col;
    col.label = columnLabel(c.get());
    col.value = lowerExpr(c.get(), &scope, main);
    col.hasUnit = llvm::isa<ast::AsExpr>(c.get());
    stmt.columns.push_back(col);
  }
  if (auto *path = llvm::dyn_cast_or_null<ast::StringLiteral>(o->path.get())) {
    stmt.path = path->plainText();
    stmt.pathRange = path->range;
    if (!path->isPlain())
      diags.error(path->loc(), "an output path takes no interpolation",
                  {path->range});
  }
  module->statements.push_back(std::move(stmt));
}

void IRBuilder::lowerCheck(const ast::CheckStmt *c) {
  Stmt stmt;
  stmt.kind = c->isExpect() ? StmtKind::Expect : StmtKind::Assert;
  stmt.loc = c->keywordRange.Start;
  stmt.range = c->range;
  stmt.cond = lowerExpr(c->cond.get(), nullptr, sema.mainFile());
  if (auto *msg = llvm::dyn_cast_or_null<ast::StringLiteral>(c->message.get()))
    stmt.message = msg->plainText();
  if (stmt.cond->type.isError())
    return;
  if (stmt.cond->type.kind != TypeKind::Bool) {
    diags.error(c->cond->loc(), llvm::Twine(c->isExpect() ? "'expect'" : "'assert'") +
                                    " needs a bool, not " + stmt.cond->type.str(),
                {c->cond->range});
    return;
  }
  module->statements.push_back(std::move(stmt));
}
