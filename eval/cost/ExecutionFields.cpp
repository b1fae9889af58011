//===- ExecutionFields.cpp - The execution's field table ------------------===//
//
// Expands ExecutionFields.def into ExecutionFieldInfo entries. Accessors are
// generated per member and convert between the member's own type (int64_t,
// int, bool, double or an enum) and the table's int64_t/double carriers.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/ExecutionFields.h"

#include <type_traits>

using namespace calc::cost;

namespace {

template <typename T> int64_t toInt(T v) {
  return static_cast<int64_t>(v);
}
template <typename T> T fromInt(int64_t v) { return static_cast<T>(v); }
template <typename T> double toReal(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return v;
  else
    return double(static_cast<int64_t>(v));
}
template <typename T> T fromReal(double v) {
  if constexpr (std::is_floating_point_v<T>)
    return v;
  else
    return static_cast<T>(int64_t(v));
}

template <typename T> using Plain = std::remove_cv_t<std::remove_reference_t<T>>;

const ExecutionFieldInfo infos[] = {
#define EXECUTION_FIELD(Key, Member, Kind, Group, Choices, Message)           \
  {#Key,                                                                       \
   ExecutionFieldKind::Kind,                                                   \
   ExecutionFieldGroup::Group,                                                 \
   Choices,                                                                    \
   Message,                                                                    \
   [](const Execution &x) { return toInt(x.Member); },                         \
   [](Execution &x, int64_t v) {                                               \
     x.Member = fromInt<Plain<decltype(x.Member)>>(v);                         \
   },                                                                          \
   [](const Execution &x) { return toReal(x.Member); },                        \
   [](Execution &x, double v) {                                                \
     x.Member = fromReal<Plain<decltype(x.Member)>>(v);                        \
   }},
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
  for (unsigned i = 0, n = numChoices(); i < n; ++i)
    if (spelling == choices[i])
      return int(i);
  return -1;
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
