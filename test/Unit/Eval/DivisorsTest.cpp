//===- DivisorsTest.cpp - Factoring and divisors of 64-bit integers -------===//
#include "eval/Divisors.h"

#include "gtest/gtest.h"


using namespace calc::eval;

namespace {

std::vector<int64_t> byTrialDivision(int64_t n) {
  std::vector<int64_t> out;
  for (int64_t d = 1; d <= n; ++d)
    if (n % d == 0)
      out.push_back(d);
  return out;
}

TEST(DivisorsTest, SmallNumbersMatchTrialDivision) {
  for (int64_t n = 1; n <= 3000; ++n)
    ASSERT_EQ(divisorsOf(n), byTrialDivision(n)) << n;
}

TEST(DivisorsTest, ProcessCounts) {
  EXPECT_EQ(divisorsOf(3072).size(), 22u); // 2^10 * 3
  EXPECT_EQ(divisorsOf(4096).back(), 4096);
  EXPECT_EQ(divisorsOf(24576)[1], 2);
}

TEST(DivisorsTest, LargeNumbers) {
  // The largest prime below 2^63, a square of a prime near 2^31.5, a
  // semiprime of two 31-bit primes and a highly composite number.
  EXPECT_EQ(divisorsOf(9223372036854775783),
            (std::vector<int64_t>{1, 9223372036854775783}));
  EXPECT_EQ(divisorsOf(int64_t(3037000493) * 3037000493),
            (std::vector<int64_t>{1, 3037000493,
                                  int64_t(3037000493) * 3037000493}));
  EXPECT_EQ(primeFactors(uint64_t(2147483647) * 2147483629),
            (std::vector<uint64_t>{2147483629, 2147483647}));
  EXPECT_EQ(divisorsOf(963761198400).size(), 6720u);
  EXPECT_EQ(divisorsOf(INT64_MAX).size(), 96u); // 7^2 * 73 * 127 * 337 * 92737 * 649657
}

TEST(DivisorsTest, PrimeFactorsWithMultiplicity) {
  EXPECT_EQ(primeFactors(1), std::vector<uint64_t>{});
  EXPECT_EQ(primeFactors(360), (std::vector<uint64_t>{2, 2, 2, 3, 3, 5}));
  EXPECT_EQ(primeFactors(uint64_t(1) << 62), std::vector<uint64_t>(62, 2));
}

} // namespace
