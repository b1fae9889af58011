//===- IRBuilderDefineCheck.cpp - `-D` fields an amend sets again ---------===//
//
// `-D calculon_example_3072.microbatch_size=2` is a layer over the entity,
// but `evaluate r = training { execution = calculon_example_3072 {
// microbatch_size = 1 } }` writes an amend over that, so the statement never
// sees the -D. Nothing is wrong with the program, yet the user asked for a
// value the statement will not use: a warning at the -D, with a note at the
// amend's member (docs/language-reference.md §7).
//
//===----------------------------------------------------------------------===//
#include "ir/IRBuilder.h"

using namespace calc;
using namespace calc::ir;

namespace {

/// `networks[1]` → ("networks", 1); no index → -1 (the driver checked it).
std::pair<llvm::StringRef, int64_t> splitIndex(llvm::StringRef part) {
  size_t open = part.find('[');
  if (open == llvm::StringRef::npos || !part.endswith("]"))
    return {part, -1};
  int64_t index = -1;
  part.slice(open + 1, part.size() - 1).getAsInteger(10, index);
  return {part.take_front(open), index};
}

/// The member of \p block that sets the field \p path (the components after
/// the entity) or a block containing it, or null.
const Member *memberSetting(const Block *block,
                            llvm::ArrayRef<llvm::StringRef> path) {
  for (size_t i = 0; i < path.size(); ++i) {
    auto [name, index] = splitIndex(path[i]);
    int slot = block->schema->lookup(name);
    const Member *m = slot < 0 ? nullptr : block->find(unsigned(slot));
    if (!m)
      return nullptr;
    if (i + 1 == path.size() || m->kind == MemberKind::Assign)
      return m; // The field itself, or a whole block replaced.
    bool sameIndex = m->kind == MemberKind::IndexAmend && m->index &&
                     m->index->kind == ExprKind::Const &&
                     m->index->value.kind == Value::Int &&
                     m->index->value.i == index;
    if (index >= 0 ? !sameIndex : m->kind != MemberKind::Nested)
      return nullptr;
    block = m->block;
  }
  return nullptr;
}

} // namespace

void IRBuilder::warnOverriddenDefines() {
  OverridesByEntity of;
  for (const auto &[decl, list] : overridesOf)
    if (auto *e = llvm::dyn_cast<ast::EntityDecl>(decl)) {
      auto it = entities.find(e);
      if (it != entities.end())
        of[it->second] = &list;
    }
  if (of.empty())
    return;
  for (const Stmt &s : module->statements)
    if (s.analysis)
      warnOverriddenDefines(s, s.analysis, of);
}

void IRBuilder::warnOverriddenDefines(
    const Stmt &stmt, const Block *block,
    const OverridesByEntity &of) {
  for (const Member &m : block->members) {
    if (m.block)
      warnOverriddenDefines(stmt, m.block, of);
    if (m.value)
      warnOverriddenDefines(stmt, m.value, of);
  }
}

void IRBuilder::warnOverriddenDefines(
    const Stmt &stmt, const Expr *e,
    const OverridesByEntity &of) {
  for (const Expr *op : e->ops)
    warnOverriddenDefines(stmt, op, of);
  if (e->kind != ExprKind::Amend || !e->block)
    return;
  warnOverriddenDefines(stmt, e->block, of);
  if (e->ops.empty() || e->ops[0]->kind != ExprKind::EntityRef)
    return;
  for (const Entity *ent = e->ops[0]->entity; ent; ent = ent->base) {
    auto it = of.find(ent);
    if (it == of.end())
      continue;
    for (const Override *o : *it->second) {
      llvm::SmallVector<llvm::StringRef, 4> path;
      llvm::StringRef(o->path).split(path, '.');
      const Member *m =
          memberSetting(e->block, llvm::makeArrayRef(path).drop_front());
      if (!m)
        continue;
      std::string what = (stmt.kind == StmtKind::Search ? "search '"
                                                         : "evaluate '") +
                         stmt.name + "'";
      diags
          .warning(o->range.Start,
                   "-D '" + o->path + "' is not seen by " + what +
                       ", whose amend of '" + e->ops[0]->entity->name +
                       "' sets it again",
                   {o->range})
          .note(m->range.Start,
                "set here; this value wins in " + what +
                    " (the -D still applies to '" + ent->name + "' elsewhere)");
    }
  }
}
