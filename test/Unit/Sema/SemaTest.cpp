//===- SemaTest.cpp - Names, imports visibility, schemas, dimensions ------===//
#include "SemaFixture.h"

#include "gtest/gtest.h"

using calc::testing::Compiled;

namespace {

TEST(SemaTest, CleanProgramHasNoErrors) {
  Compiled c("model m { hidden = 1; seq_size = 2; attn_heads = 1; num_blocks = 1 }\n"
             "let x = m.hidden + 1\n");
  EXPECT_TRUE(c.errors.empty());
  ASSERT_TRUE(c.module);
}

TEST(SemaTest, UnknownFieldIsOneError) {
  Compiled c("model m { hiden = 1 }\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "unknown field 'hiden' in model 'm'");
  EXPECT_FALSE(c.module);
}

TEST(SemaTest, DimensionMismatchNamesBothDimensions) {
  Compiled c("let x = 1 GiB + 1 s\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "cannot add [B] and [s]");
}

TEST(SemaTest, ErrorsDoNotCascade) {
  // One unknown name used three times through a let: reported once.
  Compiled c("let a = nope\nlet b = a + 1\nlet c = b * 2\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "unknown name 'nope'");
}

TEST(SemaTest, ResultFieldsAreStatic) {
  const char *prefix = "import \"std/calculon.calc\"\n"
                       "evaluate r = training { model = megatron_1t; system = a100_80g;"
                       " execution = calculon_example_3072 }\n";
  Compiled ok(std::string(prefix) + "expect r.mfu > 0\n");
  EXPECT_TRUE(ok.errors.empty()) << (ok.errors.empty() ? "" : ok.errors[0]);
  Compiled bad(std::string(prefix) + "expect r.sampel_rate > 0 sample/s\n");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0], "no field 'sampel_rate' in training_result 'r'");
}

TEST(SemaTest, InheritanceCycleIsReportedOnce) {
  Compiled c("model a : b { }\nmodel b : a { }\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "inheritance cycle: 'a' -> 'b' -> 'a'");
}

TEST(SemaTest, IncompleteAnalysisInputIsStatic) {
  Compiled c("import \"std/calculon.calc\"\n"
             "model half { hidden = 1 }\n"
             "evaluate r = training { model = half; system = a100_80g;"
             " execution = calculon_example_3072 }\n");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_EQ(c.errors[0], "model 'half' is incomplete: missing 'seq_size', "
                         "'attn_heads', 'num_blocks'");
}

} // namespace
