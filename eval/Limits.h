//===- Limits.h - The resource bounds of evaluation (docs/limits.md) ------===//
//
// No input may make calcc use memory beyond a documented bound, or time beyond
// what the work asks for. Ranges are kept as their bounds and builtins compute
// from bounds, so these are the only places where size is checked; each is an
// error located at the expression that would exceed it.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_LIMITS_H
#define CALC_EVAL_LIMITS_H

#include <cstdint>

namespace calc::eval::limits {

/// Elements of one range (2^53: every index, and every real element's
/// offset k * step, is exact in a double).
constexpr uint64_t maxRangeSize = uint64_t(1) << 53;

/// Elements an operation visits one by one where no closed form exists
/// (`==` of real ranges, `sum` of reals, a list's values shown in full).
constexpr uint64_t maxWalk = 10'000'000;

/// Values of one search domain (candidates record a domain's index in 32
/// bits).
constexpr uint64_t maxDomainSize = UINT32_MAX;

/// Elements a displayed list shows before eliding the middle.
constexpr uint64_t maxShown = 16;

} // namespace calc::eval::limits

#endif
