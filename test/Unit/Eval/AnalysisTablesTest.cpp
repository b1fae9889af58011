//===- AnalysisTablesTest.cpp - The prelude agrees with the analyses ------===//
//
// Every registered analysis names its inputs, its field-wise inputs' fields
// and its statistics in C++; the prelude declares the same names in its
// `<analysis>` and `<analysis>_result` schemas. A statistic or field added
// on one side only fails here, not in a user's program.
//
//===----------------------------------------------------------------------===//
#include "../Sema/SemaFixture.h"
#include "eval/Analysis.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/ModelFields.h"
#include "eval/cost/Stats.h"

#include "gtest/gtest.h"

using calc::testing::Compiled;
using namespace calc;

namespace {

const ir::Schema *schemaNamed(const ir::Module &module, llvm::StringRef name) {
  for (const auto &s : module.schemas())
    if (s->name == name)
      return s.get();
  return nullptr;
}

TEST(AnalysisTablesTest, PreludeDeclaresEveryInputFieldAndStatistic) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  ASSERT_FALSE(eval::allAnalyses().empty());
  for (const eval::Analysis *a : eval::allAnalyses()) {
    SCOPED_TRACE(a->name().str());
    const ir::Schema *inputs = schemaNamed(*c.module, a->name());
    const ir::Schema *result =
        schemaNamed(*c.module, (a->name() + "_result").str());
    ASSERT_TRUE(inputs);
    ASSERT_TRUE(result);
    EXPECT_TRUE(result->isResult);
    // The inputs, then the option every analysis block has.
    EXPECT_EQ(inputs->fields.size(), a->inputs().size() + 1);
    EXPECT_GE(inputs->lookup(eval::AllowOverflowField), 0);
    for (const eval::AnalysisInput &in : a->inputs()) {
      int slot = inputs->lookup(in.name);
      ASSERT_GE(slot, 0) << "input " << in.name.str();
      const ir::Schema *kind = schemaNamed(*c.module, in.name);
      ASSERT_TRUE(kind) << "schema " << in.name.str();
      for (const char *f : in.fields)
        EXPECT_GE(kind->lookup(f), 0) << in.name.str() << "." << f;
    }
    for (llvm::StringRef key : a->statKeys())
      EXPECT_GE(result->lookup(key), 0) << "statistic " << key.str();
  }
}

TEST(AnalysisTablesTest, EveryPreludeAnalysisIsRegistered) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  for (const auto &s : c.module->schemas()) {
    if (s->isResult || !schemaNamed(*c.module, s->name + "_result"))
      continue;
    EXPECT_TRUE(eval::findAnalysis(s->name)) << s->name;
  }
}

TEST(AnalysisTablesTest, PreludeExecutionMatchesTheFieldTable) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  const ir::Schema *exe = schemaNamed(*c.module, "execution");
  ASSERT_TRUE(exe);
  unsigned members = 0;
  using Kind = cost::ExecutionFieldKind;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos()) {
    SCOPED_TRACE(f.key);
    int slot = exe->lookup(f.key);
    if (!f.hasMember()) {
      EXPECT_LT(slot, 0) << "Calculon's model key is not an execution field";
      continue;
    }
    ++members;
    ASSERT_GE(slot, 0);
    const ir::FieldDecl &decl = exe->fields[slot];
    switch (f.kind) {
    case Kind::Int:
    case Kind::NetIndex:
      EXPECT_EQ(decl.type.kind, ir::TypeKind::Number);
      EXPECT_TRUE(decl.isInt);
      break;
    case Kind::Real:
      EXPECT_EQ(decl.type.kind, ir::TypeKind::Number);
      EXPECT_FALSE(decl.isInt);
      break;
    case Kind::Bool:
      EXPECT_EQ(decl.type.kind, ir::TypeKind::Bool);
      break;
    case Kind::Choice: {
      EXPECT_EQ(decl.type.kind, ir::TypeKind::String);
      std::vector<std::string> choices(f.choices, f.choices + f.numChoices());
      std::vector<std::string> spelled(decl.enumValues.begin(),
                                       decl.enumValues.end());
      EXPECT_EQ(spelled, choices);
      break;
    }
    case Kind::Attention:
      break;
    }
  }
  EXPECT_EQ(members, exe->fields.size())
      << "a prelude execution field missing from ExecutionFields.def";
}

TEST(AnalysisTablesTest, PreludeModelMatchesTheFieldTable) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  const ir::Schema *model = schemaNamed(*c.module, "model");
  ASSERT_TRUE(model);
  // The derived counts (params, active_params) come last and are not inputs.
  size_t inputs = 0;
  for (const ir::FieldDecl &f : model->fields)
    inputs += !f.derived;
  ASSERT_EQ(cost::modelFieldInfos().size(), inputs)
      << "a prelude model field missing from ModelFields.def, or the reverse";
  for (size_t i = 0; i < inputs; ++i) {
    const cost::ModelFieldInfo &f = cost::modelFieldInfos()[i];
    const ir::FieldDecl &decl = model->fields[i];
    SCOPED_TRACE(f.key);
    EXPECT_EQ(decl.name, f.key) << "the table follows the prelude's order";
    switch (f.kind) {
    case cost::ModelFieldKind::Int:
      EXPECT_EQ(decl.type.kind, ir::TypeKind::Number);
      EXPECT_TRUE(decl.isInt);
      break;
    case cost::ModelFieldKind::Real:
      EXPECT_EQ(decl.type.kind, ir::TypeKind::Number);
      EXPECT_FALSE(decl.isInt);
      break;
    case cost::ModelFieldKind::Choice: {
      EXPECT_EQ(decl.type.kind, ir::TypeKind::String);
      std::vector<std::string> choices;
      for (const char *c : f.choices)
        if (c)
          choices.push_back(c);
      std::vector<std::string> spelled(decl.enumValues.begin(),
                                       decl.enumValues.end());
      EXPECT_EQ(spelled, choices);
      break;
    }
    }
  }
}

} // namespace

namespace {

// The `layer` schema is LayerStatKeys.def in order, after the name, and a
// training result holds a list of them.
TEST(AnalysisTablesTest, PreludeLayerMatchesTheLayerStatistics) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  const ir::Schema *layer = schemaNamed(*c.module, "layer");
  ASSERT_TRUE(layer);
  ASSERT_EQ(layer->fields.size(), cost::NumLayerStats + 1);
  EXPECT_EQ(layer->fields[0].name, "name");
  for (unsigned k = 0; k < cost::NumLayerStats; ++k)
    EXPECT_EQ(layer->fields[k + 1].name,
              cost::layerStatKey(cost::LayerStat(k)).str());
  const ir::Schema *result = schemaNamed(*c.module, "training_result");
  ASSERT_TRUE(result);
  int slot = result->lookup("layers");
  ASSERT_GE(slot, 0);
  EXPECT_EQ(result->fields[slot].type.kind, ir::TypeKind::List);
  EXPECT_EQ(result->fields[slot].type.schema, layer);
}

} // namespace

// The per-schema table a search fills result records through writes what
// statValue makes, field by field, and nothing where the schema has no field.
TEST(AnalysisTablesTest, ResultSlotsWriteWhatStatValueMakes) {
  Compiled c("");
  ASSERT_TRUE(c.module);
  for (const eval::Analysis *a : eval::allAnalyses()) {
    SCOPED_TRACE(a->name().str());
    const ir::Schema *result =
        schemaNamed(*c.module, (a->name() + "_result").str());
    ASSERT_TRUE(result);
    llvm::ArrayRef<llvm::StringRef> keys = a->statKeys();
    std::vector<llvm::StringRef> withMissing(keys.begin(), keys.end());
    withMissing.push_back("no_such_statistic");
    eval::ResultSlots slots;
    slots.prepare(result, unsigned(withMissing.size()),
                  [&](unsigned i) { return withMissing[i]; });
    std::vector<ir::Value> values(result->fields.size());
    for (unsigned i = 0; i < withMissing.size(); ++i)
      slots.set(values, i, 1.5e9 + i, false);
    for (unsigned i = 0; i < keys.size(); ++i) {
      int slot = result->lookup(keys[i]);
      ASSERT_GE(slot, 0);
      ir::Value expected =
          eval::statValue(result->fields[unsigned(slot)], 1.5e9 + i, false);
      const ir::Value &got = values[unsigned(slot)];
      EXPECT_EQ(got.kind, expected.kind) << keys[i].str();
      EXPECT_EQ(got.r, expected.r) << keys[i].str();
      EXPECT_EQ(got.unit.text, expected.unit.text) << keys[i].str();
      EXPECT_EQ(slots.isInt(i), result->fields[unsigned(slot)].isInt);
    }
    // Only the statistics' fields were written.
    unsigned written = 0;
    for (const ir::Value &v : values)
      written += v.kind != ir::Value::Error;
    EXPECT_EQ(written, keys.size());
    EXPECT_FALSE(slots.isInt(unsigned(keys.size())));
  }
}
