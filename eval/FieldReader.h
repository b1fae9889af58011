//===- FieldReader.h - Reading evaluated fields by name -------------------===//
//
// The bridge code that hands entities to the cost library (CostInputs.cpp,
// TrainingAnalysis.cpp) reads many fields by name. FieldReader wraps
// Evaluator::field for that: each read reports its own diagnostic through
// the evaluator, and the first failure makes `ok` false so the caller checks
// once at the end instead of after every field.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_FIELDREADER_H
#define CALC_EVAL_FIELDREADER_H

#include "eval/Evaluator.h"
#include "eval/cost/System.h"

#include <string>

namespace calc::eval {

class FieldReader {
public:
  /// Reads through \p ev; \p use is where diagnostics point.
  FieldReader(Evaluator &ev, llvm::SMRange use) : ev(ev), use(use) {}

  /// The slot of field \p name of \p schema, through a small per-thread
  /// cache keyed by the schema and the name's address (callers pass
  /// literals), so a search converting many candidates does not hash names
  /// each time. A hit is checked against the field's name, so a reused
  /// address is safe.
  static int slotOf(const ir::Schema *schema, llvm::StringRef name) {
    struct Entry {
      const ir::Schema *schema = nullptr;
      const char *name = nullptr;
      int slot = -1;
    };
    static thread_local Entry cache[512];
    uintptr_t h = (reinterpret_cast<uintptr_t>(schema) >> 4) ^
                  (reinterpret_cast<uintptr_t>(name.data()) >> 1);
    Entry &e = cache[(h ^ (h >> 9)) & 511];
    if (e.schema == schema && e.name == name.data() && e.slot >= 0 &&
        unsigned(e.slot) < schema->fields.size() &&
        schema->fields[e.slot].name == name)
      return e.slot;
    int slot = schema->lookup(name);
    e = Entry{schema, name.data(), slot};
    return slot;
  }

  /// Field \p name of \p inst (Error, and `ok` false, if it fails).
  ir::Value get(Instance *inst, llvm::StringRef name) {
    int slot = inst ? slotOf(inst->schema, name) : -1;
    if (slot < 0) {
      ok = false;
      return ir::Value::error();
    }
    ir::Value v = ev.field(inst, slot, use);
    ok &= !v.isError();
    return v;
  }
  int64_t integer(Instance *inst, llvm::StringRef name) {
    ir::Value v = get(inst, name);
    return v.kind == ir::Value::Int ? v.i : int64_t(v.asDouble());
  }
  double real(Instance *inst, llvm::StringRef name) {
    return get(inst, name).asDouble();
  }
  bool boolean(Instance *inst, llvm::StringRef name) {
    return get(inst, name).b;
  }
  std::string string(Instance *inst, llvm::StringRef name) {
    return get(inst, name).getString().str();
  }
  /// A nested entity field, or null if it is not one.
  Instance *object(Instance *inst, llvm::StringRef name) {
    ir::Value v = get(inst, name);
    return v.kind == ir::Value::Object ? v.object : nullptr;
  }
  /// Whether some layer of \p inst defines \p name explicitly (optional
  /// nested blocks and fields with no default).
  static bool isDefined(const Instance *inst, llvm::StringRef name) {
    int slot = slotOf(inst->schema, name);
    for (const AmendLayer &l : inst->layers)
      if (l.block && l.block->find(slot))
        return true;
    return false;
  }
  /// An optional nested block, or null when absent.
  Instance *optionalObject(Instance *inst, llvm::StringRef name) {
    return isDefined(inst, name) ? object(inst, name) : nullptr;
  }
  /// A steps table `[k0, v0, k1, v1, …]` as an efficiency table.
  cost::EfficiencyTable table(Instance *inst, llvm::StringRef name) {
    cost::EfficiencyTable t;
    const ir::ValueList &xs = get(inst, name).elements();
    for (size_t i = 0; i + 1 < xs.size(); i += 2)
      t.steps.push_back({xs[i].asDouble(), xs[i + 1].asDouble()});
    return t;
  }

  /// False once any read failed (its diagnostic has been reported).
  bool ok = true;

private:
  Evaluator &ev;
  llvm::SMRange use;
};

} // namespace calc::eval

#endif
