//===- ModelFields.cpp - The model's field table --------------------------===//
//
// Expands ModelFields.def into ModelFieldInfo entries, with the accessors of
// FieldAccess.h.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/ModelFields.h"

#include "eval/cost/FieldAccess.h"

#include <cassert>

using namespace calc::cost;

namespace {

const ModelFieldInfo infos[] = {
#define MODEL_FIELD(Key, JsonKey, Member, Kind, Group, Min, Choices)          \
  {#Key,                                                                       \
   #JsonKey,                                                                   \
   ModelFieldKind::Kind,                                                       \
   ModelFieldGroup::Group,                                                     \
   Min,                                                                        \
   Choices,                                                                    \
   CALC_FIELD_ACCESSORS(Model, Member)},
#include "eval/cost/ModelFields.def"
};

} // namespace

int ModelFieldInfo::choiceIndex(llvm::StringRef spelling) const {
  return field::choiceIndex(choices, MaxChoices, spelling);
}

llvm::ArrayRef<ModelFieldInfo> calc::cost::modelFieldInfos() { return infos; }

const ModelFieldInfo &calc::cost::modelFieldByJsonKey(llvm::StringRef jsonKey) {
  for (const ModelFieldInfo &f : infos)
    if (jsonKey == f.jsonKey)
      return f;
  assert(false && "not a model key");
  return infos[0];
}
