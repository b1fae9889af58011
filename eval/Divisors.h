//===- Divisors.h - The divisors of a 64-bit integer ----------------------===//
//
// `divisors(n)` (docs/language-reference.md §5) for any positive int64 in
// milliseconds: n is factored (Miller-Rabin, deterministic for 64 bits, and
// Pollard's rho in Brent's form), then the divisors are generated from the
// prime powers. Trial division up to sqrt(n) would take ~3e9 steps for a
// large prime. No int64 has more than 103,680 divisors, which bounds the
// result's size.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_DIVISORS_H
#define CALC_EVAL_DIVISORS_H

#include <cstdint>
#include <vector>

namespace calc::eval {

/// The prime factors of \p n > 0, ascending, with multiplicity.
std::vector<uint64_t> primeFactors(uint64_t n);

/// Every divisor of \p n > 0, ascending.
std::vector<int64_t> divisorsOf(int64_t n);

} // namespace calc::eval

#endif
