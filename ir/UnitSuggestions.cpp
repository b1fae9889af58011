//===- UnitSuggestions.cpp - Did-you-mean for unknown unit words ----------===//
//
// The common mistakes are systematic, so they are handled by rule before
// falling back on edit distance: case (`gb`, `KB`), lowercase `b` meaning
// bit or byte, `K` meaning kilo or kibi, the micro sign, and spelled-out or
// foreign spellings (`sec`, `tokens`, `GBps`).
//
//===----------------------------------------------------------------------===//
#include "frontend/Diagnostics.h"
#include "ir/UnitTable.h"
#include "ir/Units.h"

#include "llvm/ADT/STLExtras.h"

using namespace llvm;

namespace calc::ir {

namespace {

/// Collects distinct suggestions that are real unit words, in order.
class Suggestions {
public:
  void add(StringRef candidate) {
    if (findUnitWord(candidate) && !is_contained(list, candidate))
      list.push_back(candidate.str());
  }
  void addUnit(StringRef numerator, StringRef denominator) {
    if (findUnitWord(numerator) && findUnitWord(denominator))
      list.push_back((numerator + "/" + denominator).str());
  }
  SmallVector<std::string, 2> take() { return std::move(list); }
  bool empty() const { return list.empty(); }

private:
  SmallVector<std::string, 2> list;
};

/// Spellings people write for a unit word (matched case-insensitively).
struct Alias {
  StringLiteral from, to;
};
const Alias aliases[] = {
    {"sec", "s"},       {"secs", "s"},      {"second", "s"},
    {"seconds", "s"},   {"msec", "ms"},     {"usec", "us"},
    {"nsec", "ns"},     {"mins", "min"},    {"minute", "min"},
    {"minutes", "min"}, {"hr", "h"},        {"hrs", "h"},
    {"hour", "h"},      {"hours", "h"},     {"byte", "B"},
    {"bytes", "B"},     {"bits", "bit"},    {"token", "tok"},
    {"tokens", "tok"},  {"toks", "tok"},    {"samples", "sample"},
    {"percent", "%"},   {"flops", "FLOPS"},
};

/// A prefix spelled like \p text ignoring case: "g" -> "G", "ki" -> "Ki".
Optional<StringRef> prefixIgnoringCase(StringRef text) {
  if (text.empty())
    return StringRef();
  for (const UnitPrefix &p : siPrefixes())
    if (p.text.equals_insensitive(text))
      return StringRef(p.text);
  for (const UnitPrefix &p : iecPrefixes())
    if (p.text.equals_insensitive(text))
      return StringRef(p.text);
  return None;
}

/// "GBps" -> "GB/s", "Gbps" -> "Gbit/s", "Bps" -> "B/s".
void suggestPerSecond(StringRef word, Suggestions &out) {
  if (!word.endswith("ps") || word.size() < 3)
    return;
  StringRef stem = word.drop_back(2);
  Optional<StringRef> prefix = prefixIgnoringCase(stem.drop_back());
  if (!prefix)
    return;
  if (stem.back() == 'B')
    out.addUnit((*prefix + "B").str(), "s");
  else if (stem.back() == 'b')
    out.addUnit((*prefix + "bit").str(), "s");
}

} // namespace

SmallVector<std::string, 2> suggestUnits(StringRef word) {
  Suggestions out;
  // The micro sign (U+00B5) and Greek mu (U+03BC) for `u`.
  for (StringRef micro : {StringRef("\xC2\xB5"), StringRef("\xCE\xBC")})
    if (word.startswith(micro))
      out.add(("u" + word.drop_front(micro.size())).str());
  for (const Alias &alias : aliases)
    if (word.equals_insensitive(alias.from))
      out.add(alias.to);
  suggestPerSecond(word, out);
  for (const UnitWord &entry : unitTable())
    if (word.equals_insensitive(entry.word))
      out.add(entry.word);
  // Lowercase `b` is bit in networking and byte in casual writing.
  if (word.endswith("b"))
    if (Optional<StringRef> prefix = prefixIgnoringCase(word.drop_back())) {
      out.add((*prefix + "B").str());
      out.add((*prefix + "bit").str());
    }
  // `K` is neither SI (k) nor IEC (Ki); offer both.
  if (word.startswith("K") && !word.startswith("Ki")) {
    out.add(("k" + word.drop_front()).str());
    out.add(("Ki" + word.drop_front()).str());
  }
  // Edit distance only for words long enough for a typo to be recognizable:
  // one- and two-letter words are within one edit of half the table.
  if (out.empty() && word.size() >= 3) {
    SmallVector<StringRef, 64> words;
    for (const UnitWord &entry : unitTable())
      words.push_back(entry.word);
    if (Optional<StringRef> match = closestMatch(word, words))
      out.add(*match);
  }
  return out.take();
}

} // namespace calc::ir
