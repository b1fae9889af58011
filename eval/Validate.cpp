//===- Validate.cpp - Completeness, `require` lines, value formatting -----===//
//
// docs/language-reference.md §4.1: entities may be incomplete (a base that
// exists only to be inherited), but using one in an analysis or an output is an
// error listing every missing field, nested ones as paths (`mem1.capacity`).
// The `require` lines of the schema and of every layer are then checked, with
// the values of their operands as notes.
//
//===----------------------------------------------------------------------===//
#include "eval/Evaluator.h"
#include "eval/Limits.h"
#include "ir/NumberFormat.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

std::string Evaluator::format(const Value &v) const {
  switch (v.kind) {
  case Value::Error:
    return "<error>";
  // One unit rule with the tables (docs/units-and-output.md): a unit the
  // value chose is kept, a base spelling (`B` of a derived alias) is not.
  case Value::Int:
    return formatQuantity(v.i, v.dim,
                          isChosenUnit(v.unit) ? llvm::Optional<Unit>(v.unit)
                                               : llvm::None,
                          precision);
  case Value::Real:
    return formatQuantity(v.r, v.dim,
                          isChosenUnit(v.unit) ? llvm::Optional<Unit>(v.unit)
                                               : llvm::None,
                          precision);
  case Value::Bool:
    return v.b ? "true" : "false";
  case Value::String:
    return "\"" + v.getString().str() + "\"";
  case Value::Object:
    return "'" + v.object->name + "'";
  case Value::List:
  case Value::Steps: {
    std::string out = v.kind == Value::Steps ? "steps {" : "[";
    // A long list shows its first three elements, its last and its length
    // (`[1, 2, 3, …, 10000000] (10000000 elements)`), never all of them.
    uint64_t n = v.size();
    bool elide = v.kind == Value::List && n > limits::maxShown;
    for (uint64_t i = 0; i < n; ++i) {
      if (elide && i == 3) {
        out += ", …";
        i = n - 1;
      }
      if (v.kind == Value::Steps)
        out += (i % 2 ? ": " : i ? ", " : " ");
      else if (i)
        out += ", ";
      out += format(v.at(i));
    }
    out += v.kind == Value::Steps ? " }" : "]";
    if (elide)
      out += " (" + std::to_string(n) + " elements)";
    return out;
  }
  }
  return "?";
}

/// Whether some layer (or the schema) gives \p slot a value.
static bool isDefined(const Instance *inst, unsigned slot) {
  const FieldDecl &f = inst->schema->fields[slot];
  if (f.defaultValue || f.optional || inst->state[slot] == FieldState::Done)
    return true;
  for (const AmendLayer &l : inst->layers)
    if (l.block && l.block->find(slot))
      return true;
  return f.type.kind == TypeKind::Entity; // An empty nested block.
}

void Evaluator::missingFields(Instance *inst, const std::string &prefix,
                              llvm::SmallVectorImpl<std::string> &out) {
  const Schema *s = inst->schema;
  for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
    const FieldDecl &f = s->fields[slot];
    if (!isDefined(inst, slot)) {
      out.push_back(prefix + f.name);
      continue;
    }
    bool nested = f.type.kind == TypeKind::Entity ||
                  (f.type.kind == TypeKind::List && f.type.elem == TypeKind::Entity);
    if (!nested || (f.optional && !isDefinedExplicitly(inst, slot)))
      continue;
    Value v = field(inst, slot, SMRange());
    if (v.isError())
      continue;
    // A validated instance is complete already (searches validate many
    // candidates over one system).
    if (v.kind == Value::Object) {
      if (!v.object->validated)
        missingFields(v.object, prefix + f.name + ".", out);
      continue;
    }
    const ValueList &xs = v.elements();
    for (size_t i = 0; i < xs.size(); ++i)
      if (xs[i].kind == Value::Object && !xs[i].object->validated)
        missingFields(xs[i].object,
                      prefix + f.name + "[" + std::to_string(i) + "].", out);
  }
}

bool Evaluator::isDefinedExplicitly(const Instance *inst, unsigned slot) {
  for (const AmendLayer &l : inst->layers)
    if (l.block && l.block->find(slot))
      return true;
  return false;
}

/// Checks the schema's and every layer's `require` lines. When tracking
/// domain reads, a line that passed and read nothing that changed since is
/// not evaluated again (it would pass again and report nothing).
bool Evaluator::checkRequires(Instance *inst, SMRange use) {
  bool ok = true;
  bool fromSchema = false; // The prelude's lines, after every layer's.
  unsigned index = 0;
  auto check = [&](const Require &req, Context ctx) {
    unsigned i = index++;
    if (domainTracker.keepsRequire(inst, i))
      return;
    uint64_t outer = domainTracker.beginWatch();
    Value v = eval(req.cond, ctx);
    uint64_t deps = domainTracker.endWatchMask(outer);
    if (v.isError()) {
      ok = false;
      return;
    }
    if (v.b) {
      domainTracker.storeRequire(inst, i, deps);
      return;
    }
    ok = false;
    // A prelude line is about the user's values: point at them.
    llvm::Optional<SMRange> site;
    if (fromSchema)
      site = userSite(inst, req.cond);
    reportRequire(inst, req, ctx, site ? *site : use);
  };
  for (unsigned li = 0; li < inst->layers.size(); ++li)
    for (const Require &req : inst->layers[li].block->requires)
      check(req, Context{inst, inst->layers[li].env, li});
  for (const Require &req : inst->schema->requires) {
    fromSchema = true;
    check(req, Context{inst, nullptr, unsigned(inst->layers.size())});
  }
  return ok;
}

/// Reports the failed `require` line \p req with its operands' values.
void Evaluator::reportRequire(Instance *inst, const Require &req,
                              const Context &ctx, SMRange use) {
  auto diag = error(use, "requirement of " + inst->schema->name + " '" +
                             inst->name + "' failed" +
                             (req.message.empty() ? "" : ": " + req.message));
  diag.note(req.range.Start, "required here", {req.range});
  if (req.cond->ops.size() >= 2 && req.cond->type.kind == TypeKind::Bool &&
      req.cond->kind >= ExprKind::Eq && req.cond->kind <= ExprKind::Ge) {
    Value l = eval(req.cond->ops[0], ctx), r = eval(req.cond->ops[1], ctx);
    diag.note(req.cond->ops[0]->range.Start, "left operand is " + format(l));
    diag.note(req.cond->ops[1]->range.Start, "right operand is " + format(r));
  }
}

bool Evaluator::validate(Instance *inst, SMRange use) {
  if (inst->validated) {
    // What the kept validation read.
    domainTracker.addReads(inst->validationDeps);
    return true;
  }
  // A validation that read a domain-dependent memo is redone when one of
  // those domains changes.
  uint64_t outer = domainTracker.beginWatch();
  bool ok = validateFresh(inst, use);
  domainTracker.storeValidation(inst, ok, outer);
  return ok;
}

bool Evaluator::validateFresh(Instance *inst, SMRange use) {
  if (inst->complete) { // Only the `require` lines may have changed.
    domainTracker.addReads(inst->completenessDeps);
  } else {
    uint64_t outer = domainTracker.beginWatch();
    llvm::SmallVector<std::string, 8> missing;
    missingFields(inst, "", missing);
    uint64_t deps = domainTracker.endWatchMask(outer);
    if (!missing.empty()) {
      std::string list;
      for (const std::string &m : missing)
        list += (list.empty() ? "'" : ", '") + m + "'";
      error(use, inst->schema->name + " '" + inst->name +
                     "' is incomplete: missing " + list);
      return false;
    }
    inst->complete = true;
    inst->completenessDeps = deps;
  }
  if (!validateNested(inst, use) || !checkRequires(inst, use))
    return false;
  inst->validated = true;
  return true;
}

/// Validates the nested entities of \p inst (requires of `mem1`, networks…).
bool Evaluator::validateNested(Instance *inst, SMRange use) {
  const Schema *s = inst->schema;
  bool ok = true;
  for (unsigned slot = 0; slot < s->fields.size(); ++slot) {
    const FieldDecl &f = s->fields[slot];
    bool nested = f.type.kind == TypeKind::Entity ||
                  (f.type.kind == TypeKind::List && f.type.elem == TypeKind::Entity);
    if (!nested || (f.optional && !isDefinedExplicitly(inst, slot)))
      continue;
    Value v = field(inst, slot, use);
    if (v.kind == Value::Object)
      ok &= validate(v.object, use);
    for (const Value &x : v.kind == Value::List ? v.elements() : ValueList())
      if (x.kind == Value::Object)
        ok &= validate(x.object, use);
  }
  return ok;
}
