//===- FilesTest.cpp - Atomic writes and the `to` path rule ---------------===//
#include "eval/output/AtomicFile.h"
#include "eval/output/OutputPath.h"
#include "eval/output/TempFiles.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace calc::eval;
using namespace llvm;

namespace {

/// A fresh directory, removed with its contents afterwards.
class FilesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("calc-files-test", dir));
  }
  void TearDown() override { sys::fs::remove_directories(dir); }

  std::string path(StringRef name) {
    SmallString<256> p(dir);
    sys::path::append(p, name);
    return p.str().str();
  }
  /// Names in the directory, sorted.
  std::vector<std::string> listing() {
    std::vector<std::string> names;
    std::error_code ec;
    for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec))
      names.push_back(sys::path::filename(it->path()).str());
    std::sort(names.begin(), names.end());
    return names;
  }
  std::string read(StringRef p) {
    auto buffer = MemoryBuffer::getFile(p);
    return buffer ? (*buffer)->getBuffer().str() : "<missing>";
  }

  SmallString<256> dir;
};

TEST_F(FilesTest, WritesAndOverwrites) {
  std::string error;
  ASSERT_TRUE(writeFileAtomically(path("out.csv"), "a,b\n1,2\n", error))
      << error;
  EXPECT_EQ(read(path("out.csv")), "a,b\n1,2\n");
  ASSERT_TRUE(writeFileAtomically(path("out.csv"), "new\n", error));
  EXPECT_EQ(read(path("out.csv")), "new\n");
  EXPECT_EQ(listing(), std::vector<std::string>{"out.csv"});
}

TEST_F(FilesTest, MissingDirectoryLeavesNothing) {
  std::string error;
  EXPECT_FALSE(writeFileAtomically(path("nope/out.csv"), "x", error));
  EXPECT_EQ(error, "cannot write '" + path("nope/out.csv") +
                       "': No such file or directory");
  EXPECT_TRUE(listing().empty());
}

TEST_F(FilesTest, FailedRenameRemovesTheTemporary) {
  // The destination is a non-empty directory: the rename fails after the
  // temporary was written, and the temporary must go.
  ASSERT_FALSE(sys::fs::create_directory(path("taken")));
  std::string error;
  ASSERT_TRUE(writeFileAtomically(path("taken/keep"), "k", error));
  EXPECT_FALSE(writeFileAtomically(path("taken"), "x", error));
  EXPECT_NE(error.find("cannot write '" + path("taken") + "': "),
            std::string::npos)
      << error;
  EXPECT_EQ(listing(), std::vector<std::string>{"taken"});
  EXPECT_EQ(read(path("taken/keep")), "k");
}

TEST_F(FilesTest, AtomicWritesLeaveNoRegistration) {
  unsigned before = numRegisteredTempFiles();
  std::string error;
  ASSERT_TRUE(writeFileAtomically(path("a.csv"), "x", error));
  EXPECT_FALSE(writeFileAtomically(path("nope/b.csv"), "x", error));
  EXPECT_EQ(numRegisteredTempFiles(), before);
}

TEST_F(FilesTest, TempFileTable) {
  unsigned before = numRegisteredTempFiles();
  int fd, slot;
  SmallString<256> temp;
  ASSERT_FALSE(createTempFile(path("out.tmp-%%%%"), fd, temp, slot));
  ::close(fd);
  EXPECT_GE(slot, 0);
  EXPECT_TRUE(sys::fs::exists(temp));
  EXPECT_EQ(numRegisteredTempFiles(), before + 1);
  unregisterTempFile(slot);
  unregisterTempFile(slot); // Twice, or -1: nothing happens.
  unregisterTempFile(-1);
  EXPECT_EQ(numRegisteredTempFiles(), before);
  // Too long a path is not registered; a full table neither.
  EXPECT_EQ(registerTempFile(std::string(5000, 'x')), -1);
  std::vector<int> slots;
  for (int s; (s = registerTempFile("never-created")) >= 0;)
    slots.push_back(s);
  EXPECT_FALSE(slots.empty());
  EXPECT_EQ(registerTempFile("one-more"), -1);
  for (int s : slots)
    unregisterTempFile(s);
  EXPECT_EQ(numRegisteredTempFiles(), before);
}

// A child process with a registered temporary is ended by SIGTERM: the
// temporary is gone and the child ended by the signal itself.
TEST_F(FilesTest, SignalRemovesTemporaries) {
  std::string kept = path("kept");
  SmallString<256> temp;
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    installSignalCleanup();
    int fd, slot;
    if (createTempFile(path("out.tmp-%%%%"), fd, temp, slot) || slot < 0)
      ::_exit(3);
    // Tell the parent the name through a file it reads afterwards.
    std::string error;
    if (!writeFileAtomically(kept, temp.str(), error))
      ::_exit(4);
    ::raise(SIGTERM);
    ::_exit(5); // Not reached.
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status)) << "exit " << WEXITSTATUS(status);
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  std::string name = read(kept);
  ASSERT_NE(name.find(".tmp-"), std::string::npos) << name;
  EXPECT_FALSE(sys::fs::exists(name));
  EXPECT_EQ(listing(), std::vector<std::string>{"kept"});
}

TEST(OutputPathTest, Rules) {
  EXPECT_FALSE(checkOutputPath("turing-top10.csv"));
  EXPECT_FALSE(checkOutputPath("sub/dir/x.json"));
  EXPECT_FALSE(checkOutputPath("./a/../b.csv"));
  EXPECT_EQ(*checkOutputPath(""), "output path is empty");
  EXPECT_EQ(*checkOutputPath("/tmp/x.csv"),
            "output path '/tmp/x.csv' is absolute; paths are relative to the "
            "output directory (-o)");
  EXPECT_EQ(*checkOutputPath("../x.csv"),
            "output path '../x.csv' leaves the output directory");
  EXPECT_EQ(*checkOutputPath("a/../../x.csv"),
            "output path 'a/../../x.csv' leaves the output directory");
  EXPECT_EQ(*checkOutputPath("d/"),
            "output path 'd/' names a directory, not a file");
  EXPECT_TRUE(checkOutputPath("."));
  EXPECT_TRUE(checkOutputPath("a/.."));
}

TEST(OutputPathTest, Resolve) {
  EXPECT_EQ(resolveOutputPath("out", "x.csv"), "out/x.csv");
  EXPECT_EQ(resolveOutputPath("out", "./a/../b/c.csv"), "out/b/c.csv");
  EXPECT_EQ(resolveOutputPath("", "x.csv"), "x.csv");
  EXPECT_EQ(resolveOutputPath("/abs/dir/", "x.csv"), "/abs/dir/x.csv");
}

} // namespace
