//===- ParserTest.cpp - The parser API as Sema uses it --------------------===//
//
// Parses small buffers through calc::Parser and walks the AST with
// llvm::dyn_cast, checking node kinds, values, ranges and doc comments; and
// that bad input gives diagnostics and a null result, never an exception.
//
//===----------------------------------------------------------------------===//
#include "frontend/AST.h"
#include "frontend/Diagnostics.h"
#include "frontend/Parser.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace llvm;

namespace {

class ParserTest : public ::testing::Test {
protected:
  unsigned load(StringRef text, StringRef name = "t.calc") {
    return sourceMgr.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(text, name),
                                        SMLoc());
  }
  std::unique_ptr<ast::File> parse(StringRef text) {
    return Parser(diags).parseFile(load(text));
  }
  /// The source text covered by \p range.
  static StringRef text(SMRange range) {
    return StringRef(range.Start.getPointer(),
                     range.End.getPointer() - range.Start.getPointer());
  }

  SourceMgr sourceMgr;
  std::string out;
  raw_string_ostream os{out};
  DiagnosticEngine diags{sourceMgr, os};
};

TEST_F(ParserTest, EntityWithBaseDocAndFields) {
  auto file = parse("/// The model.\n"
                    "model m : lib.base {\n"
                    "  hidden = 4 * 1024\n"
                    "  mem1 { capacity = 80 GiB }\n"
                    "}\n");
  ASSERT_TRUE(file);
  ASSERT_EQ(file->decls.size(), 1u);
  auto *entity = dyn_cast<ast::EntityDecl>(file->decls[0].get());
  ASSERT_TRUE(entity);
  EXPECT_EQ(entity->entityKind, ast::EntityDecl::EntityKind::Model);
  EXPECT_EQ(entity->name.name, "m");
  EXPECT_EQ(text(entity->name.range), "m");
  EXPECT_EQ(entity->base.str(), "lib.base");
  EXPECT_EQ(entity->doc, "The model.");
  ASSERT_EQ(entity->body.members.size(), 2u);

  auto *field = dyn_cast<ast::FieldMember>(entity->body.members[0].get());
  ASSERT_TRUE(field);
  EXPECT_EQ(field->name.name, "hidden");
  auto *mul = dyn_cast<ast::BinaryExpr>(field->value.get());
  ASSERT_TRUE(mul);
  EXPECT_EQ(mul->op, ast::BinaryExpr::Op::Mul);
  EXPECT_EQ(text(mul->range), "4 * 1024");
  EXPECT_EQ(text(mul->opRange), "*");
  EXPECT_EQ(cast<ast::IntLiteral>(mul->rhs.get())->value, 1024);

  auto *nested = dyn_cast<ast::NestedBlockMember>(entity->body.members[1].get());
  ASSERT_TRUE(nested);
  auto *capacity = cast<ast::FieldMember>(nested->body.members[0].get());
  auto *quantity = dyn_cast<ast::QuantityLiteral>(capacity->value.get());
  ASSERT_TRUE(quantity);
  EXPECT_EQ(quantity->unit, "GiB");
  EXPECT_EQ(text(quantity->unitRange), "GiB");
  EXPECT_TRUE(isa<ast::IntLiteral>(quantity->number.get()));
}

TEST_F(ParserTest, StatementsKeepSourceOrderAndKeywordRanges) {
  auto file = parse("evaluate r = training { model = m }\n"
                    "let x = 1\n"
                    "expect r.x == 2 within 1 % : \"msg ${x}\"\n");
  ASSERT_TRUE(file);
  ASSERT_EQ(file->stmts.size(), 2u);
  ASSERT_EQ(file->decls.size(), 1u);
  auto *eval = dyn_cast<ast::AnalysisStmt>(file->stmts[0].get());
  ASSERT_TRUE(eval);
  EXPECT_FALSE(eval->isSearch());
  EXPECT_EQ(eval->analysis.name, "training");
  EXPECT_EQ(text(eval->keywordRange), "evaluate");
  auto *check = dyn_cast<ast::CheckStmt>(file->stmts[1].get());
  ASSERT_TRUE(check);
  EXPECT_TRUE(check->isExpect());
  auto *within = dyn_cast<ast::WithinExpr>(check->cond.get());
  ASSERT_TRUE(within);
  EXPECT_TRUE(within->isEqual);
  auto *message = dyn_cast<ast::StringLiteral>(check->message.get());
  ASSERT_TRUE(message);
  EXPECT_FALSE(message->isPlain());
  ASSERT_EQ(message->parts.size(), 2u);
  EXPECT_EQ(message->parts[0].text, "msg ");
  EXPECT_TRUE(isa<ast::NameExpr>(message->parts[1].expr.get()));
}

TEST_F(ParserTest, ParenthesesWidenTheRange) {
  auto expr = Parser(diags).parseExpression(load("(a + b) * c"));
  ASSERT_TRUE(expr);
  auto *mul = cast<ast::BinaryExpr>(expr.get());
  EXPECT_EQ(text(mul->lhs->range), "(a + b)");
  EXPECT_EQ(text(mul->range), "(a + b) * c");
}

TEST_F(ParserTest, SyntaxErrorGivesNullAndOneDiagnostic) {
  auto file = parse("model m { x = }\n");
  EXPECT_FALSE(file);
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_NE(out.find("t.calc:1:15: error: expected an expression, found '}'"),
            std::string::npos)
      << out;
}

TEST_F(ParserTest, InvalidUtf8IsAnErrorNotAnException) {
  auto file = parse("let s = \"\xff\"\n");
  EXPECT_FALSE(file);
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_NE(out.find("invalid UTF-8"), std::string::npos) << out;
}

TEST_F(ParserTest, NonAsciiKeepsByteRanges) {
  auto file = parse("let s = \"\xc3\xa9t\xc3\xa9\"\nlet t = abc\n");
  ASSERT_TRUE(file);
  auto *let = cast<ast::LetDecl>(file->decls[1].get());
  EXPECT_EQ(text(let->value->range), "abc");
  auto *str = cast<ast::StringLiteral>(cast<ast::LetDecl>(file->decls[0].get())->value.get());
  EXPECT_EQ(str->plainText(), "\xc3\xa9t\xc3\xa9");
}

TEST_F(ParserTest, ExpressionParserRejectsTrailingTokens) {
  auto expr = Parser(diags).parseExpression(load("1 2", "-D x"));
  EXPECT_FALSE(expr);
  EXPECT_EQ(diags.errorCount(), 1u);
}

} // namespace
