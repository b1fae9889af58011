//===- LocatorTest.cpp - What the word under the cursor refers to ---------===//
#include "lsp/Locator.h"
#include "lsp/Features.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace calc::lsp;

namespace {

const char *program = R"(import "std/calculon.calc"
let width = 2 * megatron_1t.hidden
model m : megatron_1t {
  hidden = width
  feedforward = super.feedforward + hidden
}
system s : a100_80g { mem1 { capacity = 40 GiB } networks[0] { size = 8 } }
evaluate r = training { model = m; system = s; execution = calculon_example_3072 { microbatch_size = 2 } }
)";

class LocatorTest : public ::testing::Test {
protected:
  LocatorTest()
      : doc("/nowhere/t.calc", program, ImportOptions()),
        prelude("<prelude>", "", ImportOptions()), schemas(doc, prelude) {}

  /// The referent of the \p nth occurrence of \p word (cursor mid-word).
  Referent at(llvm::StringRef word, unsigned nth = 0) {
    llvm::StringRef text = doc.text();
    size_t pos = text.find(word);
    while (nth-- && pos != std::string::npos)
      pos = text.find(word, pos + 1);
    EXPECT_NE(pos, std::string::npos) << word.str();
    return locate(doc, schemas, pos + word.size() / 2);
  }
  std::string fieldOf(const Referent &r) {
    if (r.kind != Referent::Field)
      return "<not a field>";
    return r.schema->name + "." + r.field->name;
  }

  DocumentAnalysis doc;
  DocumentAnalysis prelude;
  SchemaTable schemas;
};

TEST_F(LocatorTest, TheProgramChecks) {
  EXPECT_TRUE(doc.diagnostics().empty());
  ASSERT_NE(doc.module(), nullptr);
}

TEST_F(LocatorTest, Fields) {
  EXPECT_EQ(fieldOf(at("hidden", 0)), "model.hidden"); // megatron_1t.hidden
  EXPECT_EQ(fieldOf(at("hidden", 1)), "model.hidden"); // hidden = width
  EXPECT_EQ(fieldOf(at("feedforward", 1)), "model.feedforward"); // super.f
  EXPECT_EQ(fieldOf(at("hidden", 2)), "model.hidden"); // read in the body
  EXPECT_EQ(fieldOf(at("capacity")), "memory.capacity");
  EXPECT_EQ(fieldOf(at("size")), "network.size");
  EXPECT_EQ(fieldOf(at("model =")), "training.model");
  // An amend assigned to a field takes the field's schema.
  EXPECT_EQ(fieldOf(at("microbatch_size")), "execution.microbatch_size");
}

TEST_F(LocatorTest, Declarations) {
  Referent base = at("megatron_1t", 1);
  ASSERT_EQ(base.kind, Referent::Decl);
  EXPECT_EQ(base.decl->name.name, "megatron_1t");
  EXPECT_NE(doc.sema()->fileOf(base.decl), doc.mainFile());
  Referent let = at("width", 1);
  ASSERT_EQ(let.kind, Referent::Decl);
  EXPECT_TRUE(llvm::isa<ast::LetDecl>(let.decl));
  Referent entity = at("m;");
  ASSERT_EQ(entity.kind, Referent::Decl);
  EXPECT_EQ(doc.entityOf(entity.decl)->name, "m");
  EXPECT_EQ(at("training").kind, Referent::Analysis);
  EXPECT_EQ(at("calculon.calc").kind, Referent::Import);
}

TEST_F(LocatorTest, NothingThere) {
  EXPECT_EQ(at("2 *").kind, Referent::None);
  EXPECT_EQ(locate(doc, schemas, 100000).kind, Referent::None);
}

TEST(LocatorErrorsTest, ASyntaxErrorLeavesNoAst) {
  DocumentAnalysis doc("/nowhere/t.calc", "model m {", ImportOptions());
  DocumentAnalysis prelude("<prelude>", "", ImportOptions());
  ASSERT_FALSE(doc.diagnostics().empty());
  EXPECT_EQ(doc.mainFile(), nullptr);
  EXPECT_EQ(locate(doc, SchemaTable(doc, prelude), 7).kind, Referent::None);
}

} // namespace
