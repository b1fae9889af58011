//===- DiagnosticsTest.cpp - Exact text of clang-style diagnostics --------===//
#include "frontend/Diagnostics.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace llvm;

namespace {

/// A SourceMgr holding one buffer, an engine printing into a string, and
/// helpers to point at text in the buffer.
class DiagnosticsTest : public ::testing::Test {
protected:
  void load(StringRef text, StringRef name = "t.calc") {
    sourceMgr.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(text, name),
                                 SMLoc());
    buffer = sourceMgr.getMemoryBuffer(1)->getBuffer();
  }
  /// Location of the \p nth occurrence of \p needle.
  SMLoc at(StringRef needle, unsigned nth = 0) {
    size_t pos = buffer.find(needle);
    while (nth--)
      pos = buffer.find(needle, pos + 1);
    EXPECT_NE(pos, std::string::npos) << needle.str();
    return SMLoc::getFromPointer(buffer.data() + pos);
  }
  SMRange range(StringRef needle, unsigned nth = 0) {
    SMLoc start = at(needle, nth);
    return SMRange(start,
                   SMLoc::getFromPointer(start.getPointer() + needle.size()));
  }

  SourceMgr sourceMgr;
  StringRef buffer;
  std::string out;
  raw_string_ostream os{out};
  DiagnosticEngine diags{sourceMgr, os};
};

TEST_F(DiagnosticsTest, ErrorWithRangeAndNote) {
  load("model my_1t {\n  hiden = 8192\n}\n", "llama.calc");
  diags
      .error(at("hiden"), "unknown field 'hiden' in model 'my_1t'",
             {range("hiden")})
      .note(at("hiden"), "did you mean 'hidden'?");
  EXPECT_EQ(os.str(), "llama.calc:2:3: error: unknown field 'hiden' in model "
                      "'my_1t'\n"
                      "  hiden = 8192\n"
                      "  ^~~~~\n"
                      "llama.calc:2:3: note: did you mean 'hidden'?\n");
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_TRUE(diags.hasErrors());
}

// A fix-it prints its text under the caret line, starting under the text it
// replaces; a multi-byte character takes one column.
TEST_F(DiagnosticsTest, FixItUnderTheCaret) {
  load("let t = 5 \xC2\xB5s\n", "micro.calc");
  diags.error(at("\xC2\xB5s"), "micro sign", {range("\xC2\xB5s")},
              FixIt{range("\xC2\xB5s"), "us"});
  EXPECT_EQ(os.str(), "micro.calc:1:11: error: micro sign\n"
                      "let t = 5 \xC2\xB5s\n"
                      "          ^~\n"
                      "          us\n");
}

// A note elsewhere still shows its own source line.
TEST_F(DiagnosticsTest, NoteAtAnotherPlaceShowsItsLine) {
  load("model a {\n  x = 1\n}\nmodel b {\n  x = 2\n}\n", "dup.calc");
  diags.error(at("b"), "duplicate").note(at("a"), "first declared here");
  EXPECT_EQ(os.str(), "dup.calc:4:7: error: duplicate\n"
                      "model b {\n"
                      "      ^\n"
                      "dup.calc:1:7: note: first declared here\n"
                      "model a {\n"
                      "      ^\n");
}

TEST_F(DiagnosticsTest, CaretBetweenTwoRanges) {
  load("\nlet total = a100_80g.mem1.capacity + a100_80g.mem1.bandwidth\n",
       "sys.calc");
  diags.error(
      at("+"), "cannot add [B] and [B/s]",
      {range("a100_80g.mem1.capacity"), range("a100_80g.mem1.bandwidth")});
  EXPECT_EQ(os.str(),
            "sys.calc:2:36: error: cannot add [B] and [B/s]\n"
            "let total = a100_80g.mem1.capacity + a100_80g.mem1.bandwidth\n"
            "            ~~~~~~~~~~~~~~~~~~~~~~ ^ ~~~~~~~~~~~~~~~~~~~~~~~\n");
}

TEST_F(DiagnosticsTest, RangesOnOtherLinesAreSkippedAndMultiLineClipped) {
  load("a = 1\nb = 2 +\n  3\n");
  SMRange other = range("a = 1");
  SMRange multi(at("2 +"), SMLoc::getFromPointer(at("3").getPointer() + 1));
  diags.error(at("+"), "bad", {other, multi});
  EXPECT_EQ(os.str(), "t.calc:2:7: error: bad\n"
                      "b = 2 +\n"
                      "    ~~^\n");
}

TEST_F(DiagnosticsTest, TabsExpandToEightColumns) {
  load("x\t= 1\n\tyy = 2\n");
  diags.error(at("= 1"), "first", {range("= 1")});
  diags.error(at("yy"), "second", {range("yy")});
  // Columns count bytes (a tab is one column), carets line up on screen.
  EXPECT_EQ(os.str(), "t.calc:1:3: error: first\n"
                      "x       = 1\n"
                      "        ^~~\n"
                      "t.calc:2:2: error: second\n"
                      "        yy = 2\n"
                      "        ^~\n");
}

TEST_F(DiagnosticsTest, MultiByteCharactersTakeOneColumn) {
  load("s = \"\xC2\xB5s\" + x\n");
  diags.error(at("x"), "unknown name 'x'", {range("x")});
  // The column counts bytes, like clang; the caret counts characters.
  EXPECT_EQ(os.str(), "t.calc:1:13: error: unknown name 'x'\n"
                      "s = \"\xC2\xB5s\" + x\n"
                      "           ^\n");
}

TEST_F(DiagnosticsTest, LocationAtEndOfBufferAndCRLF) {
  load("a = 1\r\nb = (");
  diags.error(SMLoc::getFromPointer(buffer.end()), "expected an expression");
  diags.error(at("1"), "one");
  EXPECT_EQ(os.str(), "t.calc:2:6: error: expected an expression\n"
                      "b = (\n"
                      "     ^\n"
                      "t.calc:1:5: error: one\n"
                      "a = 1\n"
                      "    ^\n");
}

TEST_F(DiagnosticsTest, NoLocation) {
  load("");
  diags.error("cannot open 'x.calc': No such file or directory")
      .note("searched the current directory");
  EXPECT_EQ(os.str(),
            "calcc: error: cannot open 'x.calc': No such file or directory\n"
            "calcc: note: searched the current directory\n");
}

TEST_F(DiagnosticsTest, Summary) {
  load("x\n");
  diags.printSummary();
  EXPECT_EQ(os.str(), "");
  diags.warning(at("x"), "w");
  diags.printSummary();
  EXPECT_EQ(os.str(), "t.calc:1:1: warning: w\nx\n^\n1 warning generated.\n");
  out.clear();
  diags.error("e1");
  diags.error("e2");
  diags.warning(at("x"), "w2");
  out.clear();
  diags.printSummary();
  EXPECT_EQ(os.str(), "2 warnings and 2 errors generated.\n");
  EXPECT_EQ(diags.errorCount(), 2u);
  EXPECT_EQ(diags.warningCount(), 2u);
  diags.resetCounts();
  diags.error("e3");
  out.clear();
  diags.printSummary();
  EXPECT_EQ(os.str(), "1 error generated.\n");
}

TEST_F(DiagnosticsTest, ColorsOnlyWhenEnabled) {
  load("x = 1\n");
  diags.error(at("x"), "plain");
  EXPECT_EQ(os.str().find('\x1b'), std::string::npos);
  out.clear();
  diags.setShowColors(true);
  diags.error(at("x"), "coloured");
  std::string text = os.str();
  EXPECT_NE(text.find("\x1b[1m"), std::string::npos) << text;      // bold
  EXPECT_NE(text.find("\x1b[0;1;31m"), std::string::npos) << text; // red
  EXPECT_NE(text.find("coloured"), std::string::npos);
  EXPECT_NE(text.find("\x1b[0;1;32m^"), std::string::npos) << text; // caret
}

TEST_F(DiagnosticsTest, ConsumerReplacesPrinting) {
  load("x\n");
  std::vector<Diagnostic> seen;
  diags.setConsumer([&](const Diagnostic &d) { seen.push_back(d); });
  diags.error(at("x"), "e").note("n");
  diags.printSummary(); // The consumer owns the outcome: nothing printed.
  EXPECT_EQ(os.str(), "");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].severity, Severity::Error);
  EXPECT_EQ(seen[1].severity, Severity::Note);
  EXPECT_EQ(seen[1].message, "n");
  EXPECT_EQ(diags.errorCount(), 1u);
}

TEST(ClosestMatchTest, Typos) {
  StringRef fields[] = {"hidden",    "feedforward", "seq_size",   "attn_heads",
                        "attn_size", "num_blocks",  "sample_rate"};
  EXPECT_EQ(closestMatch("hiden", fields), StringRef("hidden"));
  EXPECT_EQ(closestMatch("sampel_rate", fields), StringRef("sample_rate"));
  EXPECT_EQ(closestMatch("HIDDEN", fields), StringRef("hidden"));
  EXPECT_EQ(closestMatch("attn_head", fields), StringRef("attn_heads"));
  EXPECT_FALSE(closestMatch("x", fields));
  EXPECT_FALSE(closestMatch("microbatch", fields));
  EXPECT_FALSE(closestMatch("hidden", fields)); // Not a typo of itself.
}

TEST(ClosestMatchTest, TiesGoToTheEarliestCandidate) {
  StringRef a[] = {"cat", "bat"};
  StringRef b[] = {"bat", "cat"};
  EXPECT_EQ(closestMatch("hat", a), StringRef("cat"));
  EXPECT_EQ(closestMatch("hat", b), StringRef("bat"));
  // A closer later candidate still wins.
  StringRef c[] = {"hxyz", "hat"};
  EXPECT_EQ(closestMatch("hats", c), StringRef("hat"));
}

TEST(SeverityNameTest, Names) {
  EXPECT_EQ(severityName(Severity::Error), "error");
  EXPECT_EQ(severityName(Severity::Warning), "warning");
  EXPECT_EQ(severityName(Severity::Note), "note");
}

} // namespace
