//===- UserSite.cpp - Where in the user's file a prelude failure belongs --===//
//
// A derived field's default (`attn_size: int = hidden / attn_heads`) and a
// schema's `require` lines live in the prelude, but what makes them fail is a
// value the user wrote (`hidden = 1000` with 160 heads). Reporting at the
// prelude line sends the user to a file they did not write; this finds the
// user's assignment that fed the failing expression (or the entity's name),
// and the prelude line becomes a note.
//
//===----------------------------------------------------------------------===//
#include "eval/Evaluator.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

/// Adds to \p slots the fields of `self` that \p e reads directly (nested
/// amend blocks are other scopes and are not followed).
static void selfReads(const Expr *e, llvm::SmallVectorImpl<unsigned> &slots) {
  if (!e)
    return;
  if (e->kind == ExprKind::Field && e->depth == 0 &&
      !llvm::is_contained(slots, e->slot))
    slots.push_back(e->slot);
  for (const Expr *op : e->ops)
    selfReads(op, slots);
}

bool Evaluator::inMainFile(llvm::SMLoc loc) const {
  if (!loc.isValid() || !stmtLoc.isValid())
    return false;
  llvm::SourceMgr &sm = diags.getSourceMgr();
  return sm.FindBufferContainingLoc(loc) == sm.FindBufferContainingLoc(stmtLoc);
}

llvm::Optional<SMRange> Evaluator::userSite(const Instance *inst,
                                            const Expr *expr) const {
  // The fields \p expr reads, and through the defaults of those no layer
  // defines, the fields those read (`expert_feedforward` → `feedforward` →
  // `hidden`).
  llvm::SmallVector<unsigned, 8> slots;
  selfReads(expr, slots);
  for (size_t i = 0; i < slots.size(); ++i) {
    bool defined = false;
    for (const AmendLayer &l : inst->layers)
      defined |= l.block && l.block->find(slots[i]);
    if (!defined)
      selfReads(inst->schema->fields[slots[i]].defaultValue, slots);
  }
  // The most derived of the user's assignments to one of them.
  for (const AmendLayer &l : inst->layers) {
    if (!l.block)
      continue;
    for (const Member &m : l.block->members)
      if (m.kind == MemberKind::Assign && llvm::is_contained(slots, m.slot) &&
          inMainFile(m.range.Start))
        return m.range;
  }
  if (inMainFile(inst->declLoc))
    return SMRange(inst->declLoc, inst->declLoc);
  return llvm::None;
}
