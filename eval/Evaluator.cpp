//===- Evaluator.cpp - Fields, late binding, memoization, cycles ----------===//
//
// The object model of docs/language-reference.md §4.2: a field's value is its
// most-derived definition, evaluated with self = the whole instance; nested
// blocks and `xs[i] {…}` amend the inherited value; the schema default comes
// last. Expression evaluation proper is in EvalExpr.cpp and Builtins.cpp.
//
//===----------------------------------------------------------------------===//
#include "eval/Evaluator.h"

#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/Twine.h"

#include <cmath>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;
using llvm::SMRange;

Evaluator::Evaluator(const Module &module, DiagnosticEngine &diags)
    : module(module), diags(diags) {}

Evaluator::~Evaluator() = default;

void Evaluator::setStatement(llvm::SMLoc loc, std::string what) {
  stmtLoc = loc;
  stmtWhat = std::move(what);
}

EvalDiagnostic Evaluator::error(SMRange range, const llvm::Twine &message) {
  domainTracker.noteError(); // Reported per candidate: never kept across them.
  return EvalDiagnostic(diags.error(range.Start, message, {range}), stmtLoc,
                        stmtWhat);
}

const Env *Evaluator::pushEnv(Instance *self, const Env *next) {
  envs.push_back(std::make_unique<Env>(Env{self, next}));
  return envs.back().get();
}

Instance *Evaluator::amend(Instance *base, const Schema *schema,
                           const Block *block, const Env *env,
                           std::string name) {
  if (base)
    schema = base->schema;
  instances.push_back(std::make_unique<Instance>(schema, std::move(name)));
  Instance *inst = instances.back().get();
  if (block)
    inst->layers.push_back(AmendLayer{block, env});
  if (base)
    inst->layers.append(base->layers.begin(), base->layers.end());
  return inst;
}

Instance *Evaluator::makeRecord(const Schema *schema, std::string name,
                                std::vector<Value> values) {
  Instance *inst = amend(nullptr, schema, nullptr, nullptr, std::move(name));
  for (unsigned i = 0; i < values.size() && i < inst->memo.size(); ++i) {
    if (values[i].isError())
      continue; // Left to the schema (derived aliases).
    inst->memo[i] = std::move(values[i]);
    inst->state[i] = FieldState::Done;
  }
  inst->validated = true;
  return inst;
}

Instance *Evaluator::entity(const Entity *e) {
  auto it = entityInstances.find(e);
  if (it != entityInstances.end())
    return it->second;
  Instance *base = e->base ? entity(e->base) : nullptr;
  Instance *inst = amend(base, e->schema, e->body, nullptr, e->name);
  inst->declLoc = e->loc;
  // `-D`: above the body, below every derived entity.
  for (size_t i = e->overrides.size(); i-- > 0;)
    inst->layers.insert(inst->layers.begin(),
                        AmendLayer{e->overrides[i], nullptr});
  entityInstances[e] = inst;
  return inst;
}

Value Evaluator::let(const Let *l, SMRange use) {
  unsigned &state = letState[l];
  if (state == 2)
    return letValues[l];
  if (state == 1) {
    error(use, "'" + l->name + "' depends on itself");
    return Value::error();
  }
  state = 1;
  Value v = eval(l->value, Context());
  letState[l] = 2;
  letValues[l] = v;
  return v;
}

std::string Evaluator::cycleChain(Instance *inst, unsigned slot) const {
  std::string chain;
  size_t start = active.size();
  while (start > 0 && !(active[start - 1].first == inst &&
                        active[start - 1].second == slot))
    --start;
  for (size_t i = start ? start - 1 : 0; i < active.size(); ++i) {
    const auto &[in, s] = active[i];
    chain += in->name + "." + in->schema->fields[s].name + " -> ";
  }
  return chain + inst->name + "." + inst->schema->fields[slot].name;
}

Value Evaluator::field(Instance *inst, unsigned slot, SMRange use) {
  switch (inst->state[slot]) {
  case FieldState::Done:
    domainTracker.readMemo(inst, slot);
    return inst->memo[slot];
  case FieldState::Active:
    error(use, "dependency cycle: " + cycleChain(inst, slot));
    return Value::error();
  case FieldState::Pending:
    break;
  }
  inst->state[slot] = FieldState::Active;
  active.emplace_back(inst, slot);
  uint64_t outer = domainTracker.beginWatch();
  Value v = evalMember(inst, slot, 0, use);
  active.pop_back();
  inst->memo[slot] = v;
  inst->state[slot] = FieldState::Done;
  domainTracker.storeMemo(inst, slot, v.isError(), outer);
  return v;
}

/// Whether \p v is no string, or one of the values an enum field \p decl
/// lists (any string when it lists none).
static bool enumAccepts(const FieldDecl &decl, const Value &v) {
  if (decl.enumValues.empty() || v.kind != Value::String)
    return true;
  for (const std::string &e : decl.enumValues)
    if (e == v.getString())
      return true;
  return false;
}

bool Evaluator::coercesSilently(const FieldDecl &decl, const Value &v) {
  return !v.isError() && !(decl.isInt && v.kind == Value::Real) &&
         enumAccepts(decl, v);
}

/// The value of \p slot from the first layer at or after \p fromLayer that
/// defines it (`super` starts after the current layer).
Value Evaluator::evalMember(Instance *inst, unsigned slot, unsigned fromLayer,
                            SMRange use) {
  for (unsigned li = fromLayer; li < inst->layers.size(); ++li)
    if (inst->layers[li].block->find(slot))
      return evalDefinition(inst, slot, li, use);
  return evalDefault(inst, slot, use);
}

Value Evaluator::evalDefinition(Instance *inst, unsigned slot, unsigned li,
                                SMRange use) {
  const AmendLayer &layer = inst->layers[li];
  const Member *m = layer.block->find(slot);
  const FieldDecl &decl = inst->schema->fields[slot];
  Context ctx{inst, layer.env, li};
  if (m->kind == MemberKind::Assign)
    return coerce(inst, decl, eval(m->value, ctx), m->value->range);
  const Env *env = pushEnv(inst, layer.env);
  std::string name = inst->name + "." + decl.name;
  // A nested block over nothing (an absent optional block such as
  // `float8 {…}`) starts from the schema defaults.
  bool inheritsNothing = !decl.defaultValue;
  for (unsigned lj = li + 1; lj < inst->layers.size(); ++lj)
    inheritsNothing &= !inst->layers[lj].block->find(slot);
  if (m->kind == MemberKind::Nested && inheritsNothing)
    return Value::makeObject(
        amend(nullptr, decl.type.schema, m->block, env, name));
  Value inherited = evalMember(inst, slot, li + 1, use);
  if (inherited.isError())
    return inherited;
  if (m->kind == MemberKind::Nested)
    return Value::makeObject(amend(inherited.object, decl.type.schema,
                                   m->block, env, name));
  // IndexAmend: copy the list, amend one element.
  Value index = eval(m->index, ctx);
  if (index.isError())
    return index;
  const ValueList &elems = inherited.elements();
  auto exact = index.kind == Value::Int ? llvm::Optional<int64_t>(index.i)
                                        : exactInt(index.r);
  int64_t i = exact ? *exact : -1;
  if (!exact || i < 0 || uint64_t(i) >= elems.size()) {
    error(m->index->range, "index " + format(index) + " is out of range for '" +
                               name + "' of " +
                               countOf(elems.size(), "element"));
    return Value::error();
  }
  ValueList copy = elems;
  copy[i] = Value::makeObject(
      amend(copy[i].object, nullptr, m->block, env,
            name + "[" + std::to_string(i) + "]"));
  return Value::makeList(std::move(copy));
}

Value Evaluator::evalDefault(Instance *inst, unsigned slot, SMRange use) {
  const FieldDecl &decl = inst->schema->fields[slot];
  if (decl.defaultValue) {
    Value v = eval(decl.defaultValue,
                   Context{inst, nullptr, unsigned(inst->layers.size())});
    // A prelude default read by a prelude line (`require attn_size >= 1`):
    // report at the user's value that made it fail.
    if (!coercesSilently(decl, v) && !v.isError() && !inMainFile(use.Start))
      if (auto site = userSite(inst, decl.defaultValue))
        return coerce(inst, decl, v, *site, use);
    return coerce(inst, decl, v, use);
  }
  if (decl.type.kind == TypeKind::Entity && !decl.optional)
    return Value::makeObject(amend(nullptr, decl.type.schema, nullptr, nullptr,
                                   inst->name + "." + decl.name));
  auto diag = error(use, llvm::Twine(decl.optional ? "absent optional"
                                                   : "missing required") +
                             " field '" + decl.name + "' in " +
                             inst->schema->name + " '" + inst->name + "'");
  if (decl.loc.isValid())
    diag.note(decl.loc, "'" + decl.name + "' declared here");
  return Value::error();
}

/// The source text of \p range.
static llvm::StringRef sourceText(SMRange range) {
  return llvm::StringRef(range.Start.getPointer(),
                         range.End.getPointer() - range.Start.getPointer());
}

Value Evaluator::coerce(const Instance *inst, const FieldDecl &decl, Value v,
                        SMRange range, SMRange readAt) {
  if (v.isError())
    return v;
  if (decl.isInt && v.kind == Value::Real) {
    if (!std::isfinite(v.r) || v.r != std::floor(v.r) || std::fabs(v.r) > 9.2e18) {
      // Name the field and its entity: the range may be a user's value that
      // feeds a default in the prelude (`attn_size = hidden / attn_heads`).
      std::string declared = "'" + decl.name + "' is an integer field";
      if (readAt.isValid() && decl.defaultValue)
        declared += ", " + sourceText(decl.defaultValue->range).str() +
                    " by default";
      auto diag = error(range, "'" + decl.name + "' of " + inst->schema->name +
                                   " '" + inst->name + "' is " +
                                   formatSignificant(v.r, 6) +
                                   ", not an integer");
      diag.note(decl.loc, declared);
      if (readAt.isValid())
        diag.note(readAt.Start, "read here", {readAt});
      return Value::error();
    }
    v = Value::integer(int64_t(v.r), v.dim);
  }
  if (!enumAccepts(decl, v)) {
    std::string allowed;
    for (const std::string &e : decl.enumValues)
      allowed += (allowed.empty() ? "'" : ", '") + e + "'";
    error(range, "'" + v.getString() + "' is not a valid '" + decl.name +
                     "'; expected one of " + allowed);
    return Value::error();
  }
  if (v.isNumber() && v.unit.isNone())
    v.unit = decl.unit;
  return v;
}
