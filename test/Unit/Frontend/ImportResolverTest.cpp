//===- ImportResolverTest.cpp - Program loading order and import targets --===//
//
// Writes small programs to a temporary directory and checks what the
// ImportResolver hands to Sema: the prelude first, each file after its
// imports, the main file last, every file once, and each import's target.
//
//===----------------------------------------------------------------------===//
#include "frontend/ImportResolver.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace llvm;

namespace {

class ImportResolverTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("calc-imports", dir));
  }
  void TearDown() override { sys::fs::remove_directories(dir); }

  void write(StringRef name, StringRef text) {
    SmallString<128> path(dir);
    sys::path::append(path, name);
    std::error_code ec;
    raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec);
    os << text;
  }
  std::unique_ptr<Program> load(StringRef name) {
    SmallString<128> path(dir);
    sys::path::append(path, name);
    auto buffer = MemoryBuffer::getFile(path);
    EXPECT_TRUE(bool(buffer));
    unsigned id = sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
    return ImportResolver(diags, ImportOptions()).load(id);
  }
  static StringRef base(const ast::File *file) {
    return sys::path::filename(file->path);
  }

  SmallString<128> dir;
  SourceMgr sourceMgr;
  std::string out;
  raw_string_ostream os{out};
  DiagnosticEngine diags{sourceMgr, os};
};

TEST_F(ImportResolverTest, DependencyOrderAndSharedLoads) {
  write("a.calc", "import \"b.calc\"\nimport \"c.calc\" as see\nlet a = 1\n");
  write("b.calc", "import \"./c.calc\"\nlet b = 1\n");
  write("c.calc", "let c = 1\n");
  std::unique_ptr<Program> program = load("a.calc");
  ASSERT_TRUE(program) << out;
  ASSERT_EQ(program->files.size(), 4u);
  EXPECT_EQ(program->files[0].get(), program->prelude);
  EXPECT_TRUE(program->prelude->isPrelude);
  EXPECT_EQ(base(program->files[1].get()), "c.calc");
  EXPECT_EQ(base(program->files[2].get()), "b.calc");
  EXPECT_EQ(program->files[3].get(), program->main);

  ast::File *main = program->main;
  ASSERT_EQ(main->imports.size(), 2u);
  EXPECT_EQ(main->imports[0].target, program->files[2].get());
  EXPECT_EQ(main->imports[1].target, program->files[1].get());
  EXPECT_EQ(main->imports[1].alias.name, "see");
  // b.calc reached c.calc through another spelling: the same file.
  EXPECT_EQ(program->files[2]->imports[0].target, program->files[1].get());
}

TEST_F(ImportResolverTest, CycleIsOneErrorAndNoProgram) {
  write("x.calc", "import \"y.calc\"\n");
  write("y.calc", "import \"x.calc\"\n");
  EXPECT_FALSE(load("x.calc"));
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_NE(out.find("import cycle"), std::string::npos) << out;
}

TEST_F(ImportResolverTest, MissingImportAndBrokenImportBothReported) {
  write("m.calc", "import \"gone.calc\"\nimport \"bad.calc\"\n");
  write("bad.calc", "let x = \n");
  EXPECT_FALSE(load("m.calc"));
  EXPECT_EQ(diags.errorCount(), 2u) << out;
  EXPECT_NE(out.find("cannot find imported file 'gone.calc'"), std::string::npos);
  EXPECT_NE(out.find("bad.calc:1:8: error: expected an expression"),
            std::string::npos)
      << out;
}

} // namespace
