//===- UnitsTest.cpp - The unit table, parsing and suggestions ------------===//
#include "ir/Units.h"

#include "gtest/gtest.h"

#include <cmath>
#include <string>

using namespace calc::ir;
using llvm::StringRef;

namespace {

const Dimension B = Dimension::byteDim(), S = Dimension::secondDim(),
                F = Dimension::flopDim(), One;

void expectUnit(StringRef text, Dimension dim, double scale) {
  auto unit = parseUnit(text);
  ASSERT_TRUE(unit) << text.str();
  EXPECT_EQ(unit->dim, dim) << text.str();
  EXPECT_EQ(unit->scale, scale) << text.str();
}

TEST(UnitsTest, BytesWithSiAndIecPrefixes) {
  expectUnit("B", B, 1);
  const char *si[] = {"kB", "MB", "GB", "TB", "PB", "EB"};
  const char *iec[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  for (int i = 0; i < 6; ++i) {
    expectUnit(si[i], B, std::pow(1000.0, i + 1));
    expectUnit(iec[i], B, std::ldexp(1.0, 10 * (i + 1)));
  }
  expectUnit("GB", B, 1e9);
  expectUnit("GiB", B, 1073741824.0);
}

TEST(UnitsTest, Bits) {
  expectUnit("bit", B, 0.125);
  expectUnit("Gbit", B, 1.25e8);
  expectUnit("kbit", B, 125);
  expectUnit("Kibit", B, 128);
  expectUnit("Eibit", B, std::ldexp(1.0, 57));
}

TEST(UnitsTest, Time) {
  expectUnit("ns", S, 1e-9);
  expectUnit("us", S, 1e-6);
  expectUnit("ms", S, 1e-3);
  expectUnit("s", S, 1);
  expectUnit("min", S, 60);
  expectUnit("h", S, 3600);
}

TEST(UnitsTest, Flops) {
  expectUnit("flop", F, 1);
  expectUnit("FLOP", F, 1);
  expectUnit("GFLOP", F, 1e9);
  expectUnit("Gflop", F, 1e9);
  expectUnit("EFLOP", F, 1e18);
  expectUnit("FLOPS", F / S, 1);
  expectUnit("TFLOPS", F / S, 1e12);
  expectUnit("kFLOPS", F / S, 1e3);
  EXPECT_FALSE(parseUnit("GiFLOP")); // No IEC prefixes for flop.
  EXPECT_FALSE(parseUnit("Gitok"));
}

TEST(UnitsTest, CountsAndPercent) {
  expectUnit("tok", One, 1);
  expectUnit("sample", One, 1);
  expectUnit("%", One, 0.01);
  EXPECT_TRUE(parseUnit("%")->isPercent());
  EXPECT_FALSE(parseUnit("ktok"));
}

TEST(UnitsTest, Expressions) {
  expectUnit("GB/s", B / S, 1e9);
  expectUnit("sample/s", S.inverse(), 1);
  expectUnit("tok/s", S.inverse(), 1);
  expectUnit("B/s/s", B / (S * S), 1);
  expectUnit("GiB / ms", B / S, 1073741824.0 / 1e-3);
  EXPECT_EQ(parseUnit("GiB / ms")->text, "GiB/ms");
  EXPECT_EQ(parseUnit("TFLOPS")->text, "TFLOPS");
  EXPECT_EQ(parseUnitWords({"GB", "s"})->text, "GB/s");
}

TEST(UnitsTest, UnitTextsAreInternedAndOutliveTheirSource) {
  // Values copy their Unit freely, so its text must not own or borrow
  // from the string it was parsed from.
  std::string source = "GB / s";
  Unit a = *parseUnit(source);
  source.assign(source.size(), 'x');
  Unit b = *parseUnitWords({"GB", "s"});
  EXPECT_EQ(a.text, "GB/s");
  EXPECT_EQ(a.text.data(), b.text.data()); // One shared copy.
  EXPECT_EQ(parseUnit("GiB")->text.data(), lookupUnitWord("GiB")->text.data());
  EXPECT_EQ(baseUnitFor(B / S).text.data(), internUnitText("B/s").data());
  EXPECT_TRUE(internUnitText("").empty());
  EXPECT_TRUE(baseUnitFor(One).isNone());
}

TEST(UnitsTest, UnknownWordNamesItAndItsPosition) {
  UnitError error;
  EXPECT_FALSE(parseUnit("GiB / t", &error));
  EXPECT_EQ(error.word, "t");
  EXPECT_EQ(error.wordIndex, 1u);
  EXPECT_EQ(error.offset, 6u);
  EXPECT_EQ(error.message, "unknown unit 't'");
  EXPECT_TRUE(error.suggestions.empty());
  EXPECT_EQ(error.suggestionText(), "");

  EXPECT_FALSE(parseUnitWords({"GB", "sec"}, &error));
  EXPECT_EQ(error.wordIndex, 1u);
  EXPECT_EQ(error.suggestionText(), "did you mean 's'?");
}

TEST(UnitsTest, MalformedExpressions) {
  UnitError error;
  EXPECT_FALSE(parseUnit("", &error));
  EXPECT_EQ(error.message, "expected a unit word");
  EXPECT_FALSE(parseUnit("GB/", &error));
  EXPECT_EQ(error.message, "expected a unit word");
  EXPECT_EQ(error.offset, 3u);
  EXPECT_FALSE(parseUnit("%/s", &error));
  EXPECT_EQ(error.message, "'%' cannot be combined with other units");
  EXPECT_FALSE(parseUnitWords({}, &error));
  EXPECT_EQ(error.message, "expected a unit");
}

std::vector<std::string> suggest(StringRef word) {
  auto s = suggestUnits(word);
  return std::vector<std::string>(s.begin(), s.end());
}
using Strings = std::vector<std::string>;

TEST(UnitsTest, Suggestions) {
  EXPECT_EQ(suggest("b"), (Strings{"B", "bit"}));
  EXPECT_EQ(suggest("KB"), (Strings{"kB", "KiB"}));
  EXPECT_EQ(suggest("\xC2\xB5s"), (Strings{"us"}));
  EXPECT_EQ(suggest("\xCE\xBCs"), (Strings{"us"}));
  EXPECT_EQ(suggest("Gb"), (Strings{"GB", "Gbit"}));
  EXPECT_EQ(suggest("gib"), (Strings{"GiB", "Gibit"}));
  EXPECT_EQ(suggest("tflops"), (Strings{"TFLOPS"}));
  EXPECT_EQ(suggest("flops"), (Strings{"FLOPS"}));
  EXPECT_EQ(suggest("GBps"), (Strings{"GB/s"}));
  EXPECT_EQ(suggest("Gbps"), (Strings{"Gbit/s"}));
  EXPECT_EQ(suggest("tokens"), (Strings{"tok"}));
  EXPECT_EQ(suggest("Seconds"), (Strings{"s"}));
  EXPECT_EQ(suggest("sampel"), (Strings{"sample"}));
  EXPECT_EQ(suggest("GiBB"), (Strings{"GiB"}));
  EXPECT_EQ(suggest("t"), Strings{});
  EXPECT_EQ(suggest("xyzzy"), Strings{});
}

TEST(UnitsTest, SuggestionText) {
  UnitError error;
  EXPECT_FALSE(parseUnit("b", &error));
  EXPECT_EQ(error.suggestionText(), "did you mean 'B' or 'bit'?");
  error.suggestions = {"a", "b", "c"};
  EXPECT_EQ(error.suggestionText(), "did you mean 'a', 'b' or 'c'?");
}

TEST(UnitsTest, LookupWord) {
  EXPECT_TRUE(isUnitWord("GiB"));
  EXPECT_FALSE(isUnitWord("gib"));
  EXPECT_FALSE(isUnitWord("GB/s"));
  EXPECT_EQ(lookupUnitWord("ms")->scale, 1e-3);
}

TEST(UnitsTest, BaseUnits) {
  EXPECT_EQ(baseUnitFor(B / S).text, "B/s");
  EXPECT_EQ(baseUnitFor(F / S).text, "flop/s");
  EXPECT_TRUE(baseUnitFor(One).isNone());
  EXPECT_EQ(baseUnitFor(S.inverse()).text, "1/s");
}

TEST(UnitsTest, DisplayUnits) {
  auto text = [](Dimension d, double v) { return displayUnitFor(d, v).text; };
  EXPECT_EQ(text(B, 80.0 * (1 << 30)), "GiB");
  EXPECT_EQ(text(B, 1023), "B");
  EXPECT_EQ(text(B, 1024), "KiB");
  EXPECT_EQ(text(B, 0.5), "B");
  EXPECT_EQ(text(B, 0), "B");
  EXPECT_EQ(text(B, -3e12), "TiB");
  EXPECT_EQ(text(B, 1e30), "EiB");
  EXPECT_EQ(text(S, 10e-6), "us");
  EXPECT_EQ(text(S, 0.5), "ms");
  EXPECT_EQ(text(S, 7200), "s");
  EXPECT_EQ(text(S, 1e-12), "ns");
  EXPECT_EQ(text(S, 0), "s");
  EXPECT_EQ(text(S, NAN), "s");
  EXPECT_EQ(text(F, 128e9), "GFLOP");
  EXPECT_EQ(text(F / S, 312e12), "TFLOPS");
  EXPECT_EQ(text(B / S, 2048e9), "TB/s");
  EXPECT_EQ(text(B / S, 300e9), "GB/s");
  EXPECT_EQ(displayUnitFor(B / S, 300e9).scale, 1e9);
  EXPECT_EQ(text(One, 42), "");
  EXPECT_EQ(text(S.inverse(), 23.29), "1/s");
}

} // namespace
