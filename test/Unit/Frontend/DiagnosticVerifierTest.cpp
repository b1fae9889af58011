//===- DiagnosticVerifierTest.cpp - --verify-diagnostics matching ---------===//
#include "frontend/DiagnosticVerifier.h"

#include "llvm/Support/MemoryBuffer.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace llvm;

namespace {

class VerifierTest : public ::testing::Test {
protected:
  void load(StringRef text) {
    sourceMgr.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(text, "v.calc"),
                                 SMLoc());
    buffer = sourceMgr.getMemoryBuffer(1)->getBuffer();
  }
  SMLoc at(StringRef needle) {
    size_t pos = buffer.find(needle);
    EXPECT_NE(pos, std::string::npos) << needle.str();
    return SMLoc::getFromPointer(buffer.data() + pos);
  }

  SourceMgr sourceMgr;
  StringRef buffer;
  std::string out;
  raw_string_ostream os{out};
  DiagnosticEngine diags{sourceMgr, os};
};

TEST_F(VerifierTest, AllMatchedPrintsNothing) {
  load("a = 1 // expected-error {{bad a}} expected-note {{here}}\n"
       "// expected-error@+1 {{bad b}}\n"
       "b = 2\n"
       "c = 3\n"
       "// expected-warning@-1 {{odd c}}\n"
       "// expected-error@7 {{absolute}}\n"
       "d = 4\n");
  DiagnosticVerifier verifier(diags);
  diags.error(at("a ="), "this is a bad a value")
      .note(at("1"), "declared here");
  diags.error(at("b ="), "bad b");
  diags.warning(at("c ="), "odd c");
  diags.error(at("d ="), "absolute line");
  EXPECT_TRUE(verifier.verify());
  diags.printSummary();
  EXPECT_EQ(os.str(), "");
  EXPECT_EQ(verifier.produced().size(), 5u);
}

TEST_F(VerifierTest, ReportsMissingAndUnexpected) {
  load("a = 1 // expected-error {{bad a}}\n"
       "b = 2\n");
  DiagnosticVerifier verifier(diags);
  diags.error(at("b ="), "bad b");
  EXPECT_FALSE(verifier.verify());
  diags.printSummary();
  EXPECT_EQ(os.str(),
            "v.calc:2:1: error: unexpected error: bad b\n"
            "b = 2\n"
            "^\n"
            "v.calc:1:10: error: expected error 'bad a' was not produced\n"
            "a = 1 // expected-error {{bad a}}\n"
            "         ^~~~~~~~~~~~~~~~~~~~~~~~\n"
            "2 errors generated.\n");
}

TEST_F(VerifierTest, SeverityAndLineMustMatch) {
  load("a = 1 // expected-warning {{x}}\n"
       "// expected-error@+2 {{y}}\n"
       "b = 2\n"
       "c = 3\n");
  DiagnosticVerifier verifier(diags);
  diags.error(at("a ="), "x"); // Wrong severity.
  diags.error(at("b ="), "y"); // Wrong line.
  diags.error("no location");
  EXPECT_FALSE(verifier.verify());
  EXPECT_EQ(diags.errorCount(), 5u);
  EXPECT_NE(os.str().find("calcc: error: unexpected error: no location\n"),
            std::string::npos)
      << os.str();
  EXPECT_NE(os.str().find("expected warning 'x' was not produced"),
            std::string::npos);
}

TEST_F(VerifierTest, EachDirectiveMatchesOnce) {
  load("a = 1 // expected-error {{dup}}\n");
  DiagnosticVerifier verifier(diags);
  diags.error(at("a"), "dup");
  diags.error(at("a"), "dup");
  EXPECT_FALSE(verifier.verify());
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_NE(os.str().find("unexpected error: dup"), std::string::npos);
}

TEST_F(VerifierTest, MalformedDirectives) {
  load("// expected-error@+x {{a}}\n"
       "// expected-error missing braces\n"
       "// expected-error {{unterminated\n"
       "// expected-error@-5 {{before start}}\n"
       "// expected-errors {{not a directive}}\n");
  DiagnosticVerifier verifier(diags);
  EXPECT_FALSE(verifier.verify());
  EXPECT_EQ(diags.errorCount(), 4u);
  std::string text = os.str();
  EXPECT_NE(text.find("v.calc:1:4: error: invalid 'expected-error' directive: "
                      "expected a line offset"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("v.calc:2:4: error: invalid 'expected-error' directive: "
                      "expected '{{'"),
            std::string::npos);
  EXPECT_NE(text.find("v.calc:3:4: error: invalid 'expected-error' directive: "
                      "expected '}}'"),
            std::string::npos);
  EXPECT_NE(text.find("v.calc:4:4: error: invalid 'expected-error' directive: "
                      "line offset '@-5' is before the start of the file"),
            std::string::npos);
}

TEST_F(VerifierTest, ProseIsNotADirective) {
  // Comments may talk about expected-error/warning directives.
  load("// uses expected-error/warning, expected-note, expected-errors.\n"
       "// expected-error@0 {{x}}\n");
  DiagnosticVerifier verifier(diags);
  EXPECT_FALSE(verifier.verify());
  EXPECT_EQ(diags.errorCount(), 1u);
  EXPECT_NE(os.str().find("v.calc:2:4: error: invalid 'expected-error' "
                          "directive: line numbers start at 1"),
            std::string::npos)
      << os.str();
}

TEST_F(VerifierTest, DirectivesInEveryBuffer) {
  load("import \"lib.calc\"\n");
  sourceMgr.AddNewSourceBuffer(
      MemoryBuffer::getMemBufferCopy("x = 1 // expected-error {{in lib}}\n",
                                     "lib.calc"),
      SMLoc());
  DiagnosticVerifier verifier(diags);
  StringRef lib = sourceMgr.getMemoryBuffer(2)->getBuffer();
  diags.error(SMLoc::getFromPointer(lib.data()), "error in lib");
  EXPECT_TRUE(verifier.verify());
  EXPECT_EQ(os.str(), "");
}

} // namespace
