//===- ExecutionFields.h - The execution's fields as a table --------------===//
//
// One description per execution field (ExecutionFields.def): its key, kind,
// enum spellings and how to read and write its cost::Execution member. The
// language's conversion, Calculon's JSON reader, the loe/lae writers and the
// summary all walk this table, so a field is added in one place.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_EXECUTIONFIELDS_H
#define CALC_EVAL_COST_EXECUTIONFIELDS_H

#include "eval/cost/Execution.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace calc::cost {

enum class ExecutionFieldKind : uint8_t {
  Int,      ///< an integer
  NetIndex, ///< an index into the system's networks (negative: from the end)
  Bool,
  Real,
  Choice,   ///< an enum: the value is its spelling's index in `choices`
  Attention ///< Calculon's attention_type: the model's, not the execution's
};

/// Where a field comes from, which decides whether JSON must hold it and
/// whether the loe/lae outputs write it.
enum class ExecutionFieldGroup : uint8_t {
  Calculon,  ///< Calculon's own key: required, always written
  Expert,    ///< calcc's expert parallelism: optional, for MoE models
  Context,   ///< context parallelism: optional, when context_par > 1
  Kernel     ///< how kernels run (matrix_datatype, flash_attention): optional
};

/// A set of groups (bit i: group i).
using ExecutionFieldGroups = unsigned;
constexpr ExecutionFieldGroups groupBit(ExecutionFieldGroup g) {
  return 1u << unsigned(g);
}

/// The groups a run of `exe` writes: Calculon's always, Expert when
/// `moe`, Context and Kernel when `exe` uses them.
ExecutionFieldGroups groupsUsed(const Execution &exe, bool moe);

struct ExecutionFieldInfo {
  static constexpr unsigned MaxChoices = 4;

  const char *key;
  ExecutionFieldKind kind;
  ExecutionFieldGroup group;
  const char *choices[MaxChoices]; ///< null-terminated when shorter
  const char *choiceMessage;       ///< "" for the generated "expected …"
  /// Int, NetIndex, Bool (0/1) and Choice (the index) values.
  int64_t (*getInt)(const Execution &);
  void (*setInt)(Execution &, int64_t);
  /// Real values (the others converted).
  double (*getReal)(const Execution &);
  void (*setReal)(Execution &, double);

  bool hasMember() const { return kind != ExecutionFieldKind::Attention; }
  unsigned numChoices() const;
  /// The index of \p spelling in `choices`, or -1.
  int choiceIndex(llvm::StringRef spelling) const;
};

/// Every field, Calculon's 23 keys in their order, then calcc's own.
llvm::ArrayRef<ExecutionFieldInfo> executionFieldInfos();

} // namespace calc::cost

#endif
