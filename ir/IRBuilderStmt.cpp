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
  for (const ast::Identifier &member : o->members)
    stmt.name += "." + member.name;
  auto rit = results.find(o->name.name);
  if (rit != results.end() && !rit->second.schema)
    return; // A failed or unsupported analysis: already reported.
  // `r.layers`: the name, then each field read from it.
  ast::ExprPtr target = std::make_unique<ast::NameExpr>(o->name);
  for (const ast::Identifier &member : o->members) {
    llvm::SMRange range(o->name.range.Start, member.range.End);
    target = std::make_unique<ast::MemberExpr>(range, std::move(target), member);
  }
  stmt.target = lowerExpr(target.get(), nullptr, main);
  if (stmt.target->type.isError())
    return;
  const Type &tt = stmt.target->type;
  // A search's rows, or a list of records read from a value (a training
  // result's `layers`, a system's `networks`): one row each.
  bool rows = tt.kind == TypeKind::List && tt.elem == TypeKind::Entity &&
              (stmt.target->kind == ExprKind::ResultRef || !o->members.empty());
  if (tt.kind != TypeKind::Entity && !rows) {
    llvm::SMRange range(o->name.range.Start, o->members.empty()
                                                 ? o->name.range.End
                                                 : o->members.back().range.End);
    diags.error(o->name.loc(),
                "cannot output '" + stmt.name + "', " +
                    (tt.isNumber() ? std::string("a number")
                                   : "a value of type " + tt.str()) +
                    "; output an entity, a result or a list of records",
                {range});
    return;
  }
  const Schema *schema = stmt.target->type.schema;
  if (!rows)
    checkComplete(stmt.target, o->name.name);
  Scope scope{schema, nullptr, schema->name + " '" + o->name.name + "'", false};
  stmt.layout = OutputLayout(unsigned(o->layout));
  if (o->layout != ast::OutputStmt::Layout::Auto &&
      o->format != ast::OutputStmt::Format::Table)
    diags.error(o->layoutRange.Start,
                llvm::Twine("'") +
                    (o->layout == ast::OutputStmt::Layout::Vertical
                         ? "vertical"
                         : "horizontal") +
                    "' is a layout of 'output table'; 'output " +
                    ast::OutputStmt::formatName(o->format) + "' has none",
                {o->layoutRange});
  for (size_t i = 0; i < o->columns.size(); ++i) {
    const ast::Expr *c = o->columns[i].get();
    OutputColumn col;
    col.label = columnLabel(c);
    col.value = lowerExpr(c, &scope, main);
    col.hasUnit = llvm::isa<ast::AsExpr>(c);
    if (auto *label =
            llvm::dyn_cast_or_null<ast::StringLiteral>(o->labels[i].get())) {
      col.hasLabel = true;
      col.label = label->plainText();
      if (!label->isPlain())
        diags.error(label->loc(), "a column label takes no interpolation",
                    {label->range});
      else if (col.label.empty())
        diags.error(label->loc(), "a column label cannot be empty",
                    {label->range});
    }
    col.direction = o->directions[i];
    if (col.direction && (o->format != ast::OutputStmt::Format::Plot || !rows))
      diags.error(o->directionRanges[i].Start,
                  llvm::Twine("'") +
                      (col.direction > 0 ? "maximize" : "minimize") +
                      "' on a column is for 'output plot' of a search: it "
                      "says which way its axis is better",
                  {o->directionRanges[i]});
    stmt.columns.push_back(col);
  }
  if (auto *path = llvm::dyn_cast_or_null<ast::StringLiteral>(o->path.get())) {
    stmt.path = path->plainText();
    stmt.pathRange = path->range;
    if (!path->isPlain())
      diags.error(path->loc(), "an output path takes no interpolation",
                  {path->range});
  }
  if (o->format == ast::OutputStmt::Format::Plot)
    checkPlot(o, stmt, rows);
  module->statements.push_back(std::move(stmt));
}

void IRBuilder::checkPlot(const ast::OutputStmt *o, const Stmt &stmt,
                          bool rows) {
  llvm::SMRange name = o->name.range;
  if (stmt.target->kind != ExprKind::ResultRef) {
    diags.error(name.Start,
                "cannot plot " +
                    (stmt.target->type.schema ? stmt.target->type.schema->name
                                              : stmt.target->type.str()) +
                    (o->members.empty() ? " '" : "s '") + stmt.name +
                    "'; plot the result of an evaluate or a search",
                {name});
    return;
  }
  // A picture is a file: SVG, or HTML around the SVG.
  if (!stmt.hasPath()) {
    diags.error(o->keywordRange.Start,
                "'output plot' writes a picture to a file; add 'to \"" +
                    o->name.name + ".svg\"' (or \".html\")",
                {o->keywordRange, name});
  } else if (!llvm::StringRef(stmt.path).endswith(".svg") &&
             !llvm::StringRef(stmt.path).endswith(".html")) {
    diags.error(stmt.pathRange.Start,
                "a plot is written as SVG ('.svg') or HTML ('.html'); '" +
                    stmt.path + "' is neither",
                {stmt.pathRange});
  }
  for (size_t i = 0; i < stmt.columns.size(); ++i) {
    const OutputColumn &c = stmt.columns[i];
    if (!c.value->type.isNumber() && !c.value->type.isError())
      diags.error(o->columns[i]->range.Start,
                  "cannot plot '" + c.label + "' of type " +
                      c.value->type.str() + "; a plot's columns are numbers",
                  {o->columns[i]->range});
  }
  const Schema *schema = stmt.target->type.schema;
  if (rows) {
    // A scatter: the first column across, the second up.
    if (!stmt.columns.empty() && stmt.columns.size() != 2)
      diags.error(o->keywordRange.Start,
                  "a plot of search '" + o->name.name +
                      "' takes two columns, the horizontal axis then the "
                      "vertical; " +
                      std::to_string(stmt.columns.size()) + " given",
                  {name});
    const Stmt *search = nullptr;
    for (const Stmt &s : module->statements)
      if (s.kind == StmtKind::Search && s.name == o->name.name)
        search = &s;
    if (stmt.columns.empty() && search && search->search &&
        search->search->objectives.empty())
      diags.error(name.Start,
                  "search '" + o->name.name +
                      "' has no objective to plot; give the two columns to "
                      "plot: 'output plot " +
                      o->name.name + " { memory_per_proc; sample_rate }'",
                  {name});
    return;
  }
  // An evaluate: its breakdown, or one stacked bar of the given columns.
  if (stmt.columns.empty()) {
    if (schema->name != "training_result" &&
        schema->name != "generation_result")
      diags.error(name.Start,
                  "no default plot for a " + schema->name +
                      "; give the columns to stack in one bar",
                  {name});
    return;
  }
  for (size_t i = 1; i < stmt.columns.size(); ++i) {
    const Type &first = stmt.columns[0].value->type,
               &t = stmt.columns[i].value->type;
    if (first.isNumber() && t.isNumber() && !(first.dim == t.dim)) {
      diags
          .error(o->columns[i]->range.Start,
                 "the columns of a plot of '" + o->name.name +
                     "' are stacked in one bar, so they share a dimension: '" +
                     stmt.columns[i].label + "' is " + t.dim.str() + ", '" +
                     stmt.columns[0].label + "' " + first.dim.str(),
                 {o->columns[i]->range});
      return;
    }
  }
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
