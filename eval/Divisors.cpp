//===- Divisors.cpp - Factoring and divisors of 64-bit integers -----------===//
//
// Miller-Rabin with the first twelve primes as bases is exact below 2^64
// (any composite below 3.18e23 fails one of them). Pollard's rho uses fixed
// seeds, so the result and its cost are the same on every run.
//
//===----------------------------------------------------------------------===//
#include "eval/Divisors.h"

#include <algorithm>
#include <numeric>

namespace calc::eval {

using u64 = uint64_t;
using u128 = unsigned __int128;

static u64 mulMod(u64 a, u64 b, u64 m) { return u64(u128(a) * b % m); }

static u64 powMod(u64 b, u64 e, u64 m) {
  u64 r = 1;
  for (b %= m; e; e >>= 1, b = mulMod(b, b, m))
    if (e & 1)
      r = mulMod(r, b, m);
  return r;
}

static bool isPrime(u64 n) {
  static const u64 bases[] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};
  if (n < 2)
    return false;
  for (u64 p : bases)
    if (n % p == 0)
      return n == p;
  u64 d = n - 1;
  int s = 0;
  for (; d % 2 == 0; d /= 2)
    ++s;
  for (u64 a : bases) {
    u64 x = powMod(a, d, n);
    if (x == 1 || x == n - 1)
      continue;
    bool composite = true;
    for (int i = 1; i < s && composite; ++i) {
      x = mulMod(x, x, n);
      composite = x != n - 1;
    }
    if (composite)
      return false;
  }
  return true;
}

/// A nontrivial factor of the odd composite \p n (Brent's cycle finding,
/// products of 128 differences per gcd).
static u64 rhoFactor(u64 n) {
  for (u64 c = 1;; ++c) {
    auto f = [&](u64 x) { return (mulMod(x, x, n) + c) % n; };
    u64 y = 2, x = 2, ys = 2, q = 1, g = 1;
    for (u64 r = 1; g == 1; r *= 2) {
      x = y;
      for (u64 i = 0; i < r; ++i)
        y = f(y);
      for (u64 k = 0; k < r && g == 1; k += 128) {
        ys = y;
        for (u64 i = 0; i < std::min<u64>(128, r - k); ++i) {
          y = f(y);
          q = mulMod(q, x > y ? x - y : y - x, n);
        }
        g = std::gcd(q, n);
      }
    }
    if (g == n) // The batch overshot: step back one difference at a time.
      do {
        ys = f(ys);
        g = std::gcd(x > ys ? x - ys : ys - x, n);
      } while (g == 1);
    if (g != n)
      return g;
  }
}

static void factor(u64 n, std::vector<u64> &out) {
  if (n == 1)
    return;
  for (u64 p : {2, 3, 5, 7, 11, 13}) {
    for (; n % p == 0; n /= p)
      out.push_back(p);
  }
  if (n == 1)
    return;
  if (isPrime(n)) {
    out.push_back(n);
    return;
  }
  u64 d = rhoFactor(n);
  factor(d, out);
  factor(n / d, out);
}

std::vector<uint64_t> primeFactors(uint64_t n) {
  std::vector<u64> out;
  factor(n, out);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int64_t> divisorsOf(int64_t n) {
  std::vector<int64_t> divs{1};
  std::vector<u64> primes = primeFactors(u64(n));
  for (size_t i = 0; i < primes.size();) {
    size_t j = i;
    while (j < primes.size() && primes[j] == primes[i])
      ++j;
    size_t base = divs.size();
    int64_t power = 1;
    for (size_t e = i; e < j; ++e) {
      power *= int64_t(primes[i]); // Divides n: no overflow.
      for (size_t k = 0; k < base; ++k)
        divs.push_back(divs[k] * power);
    }
    i = j;
  }
  std::sort(divs.begin(), divs.end());
  return divs;
}

} // namespace calc::eval
