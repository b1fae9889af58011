//===- ExecutionFields.cpp - The execution's field table ------------------===//
//
// Expands ExecutionFields.def into ExecutionFieldInfo entries, with the
// accessors of FieldAccess.h.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/ExecutionFields.h"

#include "eval/cost/FieldAccess.h"

using namespace calc::cost;

namespace {

const ExecutionFieldInfo infos[] = {
#define EXECUTION_FIELD(Key, Member, Kind, Group, Choices, Message)           \
  {#Key,                                                                       \
   ExecutionFieldKind::Kind,                                                   \
   ExecutionFieldGroup::Group,                                                 \
   Choices,                                                                    \
   Message,                                                                    \
   CALC_FIELD_ACCESSORS(Execution, Member)},
#define EXECUTION_MODEL_KEY(Key, Choices)                                      \
  {#Key,   ExecutionFieldKind::Attention, ExecutionFieldGroup::Calculon,       \
   Choices, "", nullptr, nullptr, nullptr, nullptr},
#include "eval/cost/ExecutionFields.def"
};

} // namespace

unsigned ExecutionFieldInfo::numChoices() const {
  unsigned n = 0;
  while (n < MaxChoices && choices[n])
    ++n;
  return n;
}

int ExecutionFieldInfo::choiceIndex(llvm::StringRef spelling) const {
  return field::choiceIndex(choices, MaxChoices, spelling);
}

llvm::ArrayRef<ExecutionFieldInfo> calc::cost::executionFieldInfos() {
  return infos;
}

ExecutionFieldGroups calc::cost::groupsUsed(const Execution &exe, bool moe) {
  ExecutionFieldGroups groups = groupBit(ExecutionFieldGroup::Calculon);
  if (moe)
    groups |= groupBit(ExecutionFieldGroup::Expert);
  if (exe.contextPar != 1)
    groups |= groupBit(ExecutionFieldGroup::Context);
  if (exe.matrixDatatype != exe.datatype || exe.flashAttention)
    groups |= groupBit(ExecutionFieldGroup::Kernel);
  return groups;
}
