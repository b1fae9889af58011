//===- EvaluatorTest.cpp - Late binding, memoization, kinds, built-ins ----===//
#include "../Sema/SemaFixture.h"

#include "gtest/gtest.h"

using calc::ir::Value;
using calc::testing::Compiled;

namespace {

const char *const models =
    "model base { hidden = 1024; seq_size = 2048; attn_heads = 16; num_blocks = 4 }\n"
    "model wide : base { hidden = 2048 }\n"
    "model plus : base { feedforward = super.feedforward + 1 }\n"
    "model plus_wide : plus { hidden = 4096 }\n";

TEST(EvaluatorTest, DefaultsAreLateBound) {
  Compiled c(models);
  ASSERT_TRUE(c.module);
  EXPECT_EQ(c.field("base", "feedforward").i, 4096);
  EXPECT_EQ(c.field("wide", "feedforward").i, 8192);
  EXPECT_EQ(c.field("wide", "attn_size").i, 128);
}

TEST(EvaluatorTest, SuperSeesTheDerivedFields) {
  Compiled c(models);
  ASSERT_TRUE(c.module);
  EXPECT_EQ(c.field("plus", "feedforward").i, 4097);
  EXPECT_EQ(c.field("plus_wide", "feedforward").i, 16385);
}

TEST(EvaluatorTest, FieldsAreMemoized) {
  Compiled c(models);
  ASSERT_TRUE(c.module);
  calc::eval::Instance *wide = c.entity("wide");
  int slot = wide->schema->lookup("feedforward");
  EXPECT_EQ(wide->state[slot], calc::eval::FieldState::Pending);
  c.field("wide", "feedforward");
  EXPECT_EQ(wide->state[slot], calc::eval::FieldState::Done);
  // The instance of an entity is created once.
  EXPECT_EQ(c.entity("wide"), wide);
}

TEST(EvaluatorTest, NumericKinds) {
  Compiled c("let a = 7 / 2\nlet b = -7 mod 3\nlet c = 2 ^ 10\nlet d = 80 GiB\n"
             "let e = 10 us\nlet f = round(-2.5)\n");
  ASSERT_TRUE(c.module);
  EXPECT_EQ(c.let("a").kind, Value::Real);
  EXPECT_DOUBLE_EQ(c.let("a").r, 3.5);
  EXPECT_EQ(c.let("b").i, 2);
  EXPECT_EQ(c.let("c").i, 1024);
  EXPECT_EQ(c.let("d").kind, Value::Int);
  EXPECT_EQ(c.let("d").i, 85899345920);
  EXPECT_EQ(c.let("e").kind, Value::Real);
  EXPECT_EQ(c.let("f").i, -3);
}

TEST(EvaluatorTest, BuiltinLists) {
  Compiled c("let d = divisors(36)\nlet p = pow2(1..100)\nlet r = 2..11 by 3\n");
  ASSERT_TRUE(c.module);
  std::vector<int64_t> divisors, powers, range;
  for (const Value &v : c.let("d").elements())
    divisors.push_back(v.i);
  for (const Value &v : c.let("p").elements())
    powers.push_back(v.i);
  for (const Value &v : c.let("r").elements())
    range.push_back(v.i);
  EXPECT_EQ(divisors, (std::vector<int64_t>{1, 2, 3, 4, 6, 9, 12, 18, 36}));
  EXPECT_EQ(powers, (std::vector<int64_t>{1, 2, 4, 8, 16, 32, 64}));
  EXPECT_EQ(range, (std::vector<int64_t>{2, 5, 8, 11}));
}

TEST(EvaluatorTest, ErrorsArePoisonNotCrashes) {
  Compiled c("let z = 0\nlet a = 1 / z\nlet b = a + 1\nlet big = 9223372036854775807 * 2\n");
  ASSERT_TRUE(c.module);
  EXPECT_TRUE(c.let("b").isError());
  EXPECT_TRUE(c.let("a").isError()); // Memoized: no second diagnostic.
  EXPECT_TRUE(c.let("big").isError());
  ASSERT_EQ(c.errors.size(), 2u);
  EXPECT_EQ(c.errors[0], "division by zero");
  EXPECT_EQ(c.errors[1], "integer overflow: 9223372036854775807 * 2");
}

TEST(EvaluatorTest, CycleShowsTheChain) {
  Compiled c("model m { hidden = feedforward; feedforward = hidden }\n");
  ASSERT_TRUE(c.module);
  EXPECT_TRUE(c.field("m", "hidden").isError());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "dependency cycle: m.hidden -> m.feedforward -> m.hidden");
}

} // namespace
