//===- InputKindTest.cpp - Telling Calculon's input files apart -----------===//
#include "eval/calculon/InputKind.h"

#include "gtest/gtest.h"

using namespace calc::calculon;

namespace {

InputKind kindOf(llvm::StringRef json) {
  JsonReader reader("t.json", json);
  return reader.root() ? detectInputKind(*reader.root()) : InputKind::Unknown;
}

TEST(InputKindTest, CharacteristicKeys) {
  EXPECT_EQ(kindOf(R"({"hidden": 1, "attn_heads": 2, "num_blocks": 3})"),
            InputKind::Model);
  EXPECT_EQ(kindOf(R"({"num_procs": 8, "tensor_par": 8})"),
            InputKind::Execution);
  EXPECT_EQ(kindOf(R"({"matrix": {}, "mem1": {}, "networks": []})"),
            InputKind::System);
  // One key could be a coincidence; none is nothing.
  EXPECT_EQ(kindOf(R"({"hidden": 1})"), InputKind::Unknown);
  EXPECT_EQ(kindOf(R"({})"), InputKind::Unknown);
}

TEST(InputKindTest, WrongKindIsNamed) {
  JsonReader reader("sys.json", R"({"matrix": {}, "vector": {}, "mem1": {}})");
  EXPECT_FALSE(checkInputKind(reader, InputKind::Execution));
  EXPECT_EQ(reader.error(),
            "sys.json: this looks like a Calculon system file (it has "
            "'matrix', 'vector', 'mem1'), not an execution file; check the "
            "order of the arguments");
  JsonReader right("sys.json", R"({"matrix": {}, "vector": {}})");
  EXPECT_TRUE(checkInputKind(right, InputKind::System));
  EXPECT_FALSE(right.failed());
}

} // namespace
