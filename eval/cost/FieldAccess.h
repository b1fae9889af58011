//===- FieldAccess.h - Typed access to a struct member for field tables ---===//
//
// The field tables (ExecutionFields.def, ModelFields.def) describe members of
// different types (int64_t, int, bool, double, enums). These helpers convert
// a member to and from the tables' two carriers, int64_t and double, so one
// accessor signature serves every member.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_FIELDACCESS_H
#define CALC_EVAL_COST_FIELDACCESS_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <type_traits>

namespace calc::cost::field {

template <typename T> int64_t toInt(T v) { return static_cast<int64_t>(v); }
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
template <typename T>
using Plain = std::remove_cv_t<std::remove_reference_t<T>>;

/// The index of \p spelling among the first \p max of \p choices (a list
/// ended by null when shorter), or -1.
inline int choiceIndex(const char *const *choices, unsigned max,
                       llvm::StringRef spelling) {
  for (unsigned i = 0; i < max && choices[i]; ++i)
    if (spelling == choices[i])
      return int(i);
  return -1;
}

} // namespace calc::cost::field

/// The four accessors of member `Member` of a struct `S`, as lambdas
/// converting to and from the int64_t/double carriers.
#define CALC_FIELD_ACCESSORS(S, Member)                                        \
  [](const S &x) { return ::calc::cost::field::toInt(x.Member); },             \
      [](S &x, int64_t v) {                                                    \
        x.Member = ::calc::cost::field::fromInt<                               \
            ::calc::cost::field::Plain<decltype(x.Member)>>(v);                \
      },                                                                       \
      [](const S &x) { return ::calc::cost::field::toReal(x.Member); },        \
      [](S &x, double v) {                                                     \
        x.Member = ::calc::cost::field::fromReal<                              \
            ::calc::cost::field::Plain<decltype(x.Member)>>(v);                \
      }

#endif
