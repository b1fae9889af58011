//===- ModelFields.h - The model's fields as a table ----------------------===//
//
// One description per model field (ModelFields.def): its names in the
// language and in JSON, kind, group, smallest JSON value and accessors. The
// language's conversion and Calculon-style JSON reader walk it; their
// cross-field rules (experts, latent attention) stay with each reader.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_MODELFIELDS_H
#define CALC_EVAL_COST_MODELFIELDS_H

#include "eval/cost/Model.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace calc::cost {

enum class ModelFieldKind : uint8_t { Int, Real, Choice };
enum class ModelFieldGroup : uint8_t { Calculon, Shape, Expert, Mla };

struct ModelFieldInfo {
  static constexpr unsigned MaxChoices = 2;

  const char *key;     ///< the prelude's name
  const char *jsonKey; ///< the JSON key
  ModelFieldKind kind;
  ModelFieldGroup group;
  int64_t min; ///< smallest JSON value of an optional integer key
  const char *choices[MaxChoices];
  int64_t (*getInt)(const Model &);
  void (*setInt)(Model &, int64_t);
  double (*getReal)(const Model &);
  void (*setReal)(Model &, double);

  /// The index of \p spelling in `choices`, or -1.
  int choiceIndex(llvm::StringRef spelling) const;
};

/// Every model field, in the prelude's order.
llvm::ArrayRef<ModelFieldInfo> modelFieldInfos();

/// The field whose JSON key is \p jsonKey (it must exist).
const ModelFieldInfo &modelFieldByJsonKey(llvm::StringRef jsonKey);

} // namespace calc::cost

#endif
