//===- Instance.h - Runtime entities: layers, environments, memo ----------===//
//
// An Instance is a Jsonnet-style object: a stack of layers (most derived
// first), each a Block of definitions with the environment it was written
// in. The last layer is implicit: the schema defaults. A field's value is
// its most-derived definition evaluated with `self` the whole instance
// (late binding), memoized per instance; a field being evaluated when it is
// read again is a dependency cycle.
//
// Instances and environments are owned by the Evaluator's arena, so the
// object graph may hold cycles (a nested block points at its parent) without
// reference counting.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_INSTANCE_H
#define CALC_EVAL_INSTANCE_H

#include "ir/IR.h"
#include "ir/Value.h"

#include "llvm/ADT/SmallVector.h"

#include <string>
#include <vector>

namespace calc::eval {

class Instance;

/// The chain of enclosing instances a block was written in: `self` is the
/// instance of the block one level out, `next` the one beyond.
struct Env {
  Instance *self = nullptr;
  const Env *next = nullptr;
};

/// One layer of definitions of an instance: an entity body or amend block
/// (not a transformer layer, which is cost::Layer).
struct AmendLayer {
  const ir::Block *block = nullptr;
  const Env *env = nullptr; ///< For fields of enclosing blocks (depth > 0).
};

/// The evaluation state of one field.
enum class FieldState : unsigned char { Pending, Active, Done };

class Instance {
public:
  Instance(const ir::Schema *schema, std::string name)
      : schema(schema), name(std::move(name)),
        memo(schema->fields.size()),
        state(schema->fields.size(), FieldState::Pending) {}

  const ir::Schema *schema;
  /// How diagnostics name it: "a100_80g", "a100_80g.mem1", "<amend>".
  std::string name;
  /// The name of the file-level entity it is, if it is one (where errors
  /// about the entity's own values point, Evaluator::userSite).
  llvm::SMLoc declLoc;
  llvm::SmallVector<AmendLayer, 4> layers;
  std::vector<ir::Value> memo;
  std::vector<FieldState> state;
  /// Whether requires and completeness have been checked.
  bool validated = false;
  /// For an analysis result: the instance of its inputs (model, system,
  /// execution), for JSON output.
  Instance *inputs = nullptr;
  /// Per slot, when the evaluator tracks domain reads (a search worker):
  /// the domains its memo depends on (domainBit, DomainTracker.h; 0: none).
  /// Empty until such a memo is stored.
  std::vector<uint64_t> domainDeps;
  /// The same for `validated`.
  uint64_t validationDeps = 0;
  /// Whether no field is missing (part of a validation, kept when a
  /// validation is reset but the walk read none of the changed domains),
  /// and the domains that walk read.
  bool complete = false;
  uint64_t completenessDeps = 0;
  /// Whether the DomainTracker lists it among the instances whose
  /// validation state (validated, complete, requireDeps) depends on domains.
  bool validationTracked = false;
  /// Per `require` line (every layer's, then the schema's), when tracking:
  /// the domains a passing check read; domainBit(63) (also set by errors)
  /// means "check again". Lets a re-validation skip the lines
  /// whose inputs did not change.
  std::vector<uint64_t> requireDeps;
};

} // namespace calc::eval

#endif
