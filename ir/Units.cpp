//===- Units.cpp - The unit table and unit-expression parsing -------------===//
#include "ir/Units.h"
#include "ir/UnitTable.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"

#include <mutex>
#include <vector>

using namespace llvm;

namespace calc::ir {

ArrayRef<UnitPrefix> siPrefixes() {
  static const UnitPrefix prefixes[] = {{"k", {3, 0, 0}},  {"M", {6, 0, 0}},
                                        {"G", {9, 0, 0}},  {"T", {12, 0, 0}},
                                        {"P", {15, 0, 0}}, {"E", {18, 0, 0}}};
  return prefixes;
}

ArrayRef<UnitPrefix> iecPrefixes() {
  static const UnitPrefix prefixes[] = {{"Ki", {0, 10, 0}}, {"Mi", {0, 20, 0}},
                                        {"Gi", {0, 30, 0}}, {"Ti", {0, 40, 0}},
                                        {"Pi", {0, 50, 0}}, {"Ei", {0, 60, 0}}};
  return prefixes;
}

/// Builds docs/language-reference.md §3's table: B, bit (SI and IEC), time,
/// flop and FLOP (SI), FLOPS (SI), the count words and %.
static std::vector<UnitWord> buildTable() {
  std::vector<UnitWord> table;
  const Dimension bytes = Dimension::byteDim(), secs = Dimension::secondDim(),
                  flops = Dimension::flopDim(), none;
  auto word = [&](const Twine &text, Dimension dim, ExactScale exact) {
    table.push_back({text.str(), dim, exact.value(), exact});
  };
  auto family = [&](StringRef base, Dimension dim, ExactScale scale,
                    bool iec) {
    word(base, dim, scale);
    for (const UnitPrefix &p : siPrefixes())
      word(Twine(p.text) + base, dim, scale * p.factor);
    if (iec)
      for (const UnitPrefix &p : iecPrefixes())
        word(Twine(p.text) + base, dim, scale * p.factor);
  };
  const ExactScale one;
  family("B", bytes, one, true);
  family("bit", bytes, {0, -3, 0}, true);
  word("ns", secs, {-9, 0, 0});
  word("us", secs, {-6, 0, 0});
  word("ms", secs, {-3, 0, 0});
  word("s", secs, one);
  word("min", secs, {1, 1, 1});  // 60 = 10 * 2 * 3
  word("h", secs, {2, 2, 2});    // 3600 = 10^2 * 2^2 * 3^2
  family("flop", flops, one, false);
  family("FLOP", flops, one, false);
  family("FLOPS", flops / secs, one, false);
  word("tok", none, one);
  word("token", none, one);
  word("sample", none, one);
  word("req", none, one);
  word("%", none, {-2, 0, 0});
  return table;
}

ArrayRef<UnitWord> unitTable() {
  static const std::vector<UnitWord> table = buildTable();
  return table;
}

const UnitWord *findUnitWord(StringRef word) {
  // The map is only for lookup; anything printed walks unitTable() in order.
  static const StringMap<unsigned> index = [] {
    StringMap<unsigned> map;
    ArrayRef<UnitWord> table = unitTable();
    for (unsigned i = 0; i < table.size(); ++i)
      map[table[i].word] = i;
    return map;
  }();
  auto it = index.find(word);
  return it == index.end() ? nullptr : &unitTable()[it->second];
}

StringRef internUnitText(StringRef text) {
  if (text.empty())
    return StringRef();
  // Never destroyed: units in static storage may still point into it at exit.
  static std::mutex *lock = new std::mutex;
  static StringSet<> *texts = new StringSet<>;
  std::lock_guard<std::mutex> guard(*lock);
  // StringSet entries are allocated individually and never move.
  return texts->insert(text).first->getKey();
}

std::vector<StringRef> unitWords() {
  std::vector<StringRef> words;
  for (const UnitWord &entry : unitTable())
    words.push_back(entry.word);
  return words;
}

Optional<Unit> lookupUnitWord(StringRef word) {
  const UnitWord *entry = findUnitWord(word);
  if (!entry)
    return None;
  return Unit{entry->dim, entry->scale, entry->word, entry->exact};
}

std::string UnitError::suggestionText() const {
  if (suggestions.empty())
    return "";
  std::string text = "did you mean ";
  for (size_t i = 0; i < suggestions.size(); ++i) {
    if (i)
      text += i + 1 == suggestions.size() ? " or " : ", ";
    text += "'" + suggestions[i] + "'";
  }
  return text + "?";
}

/// Fills \p error (if given) for word \p index of a unit expression.
static void setError(UnitError *error, StringRef word, unsigned index,
                     const Twine &message, bool suggest) {
  if (!error)
    return;
  error->word = word.str();
  error->wordIndex = index;
  error->offset = 0;
  error->message = message.str();
  error->suggestions.clear();
  if (suggest)
    error->suggestions = suggestUnits(word);
}

Optional<Unit> parseUnitWords(ArrayRef<StringRef> words, UnitError *error) {
  if (words.empty()) {
    setError(error, "", 0, "expected a unit", false);
    return None;
  }
  Unit unit;
  std::string text;
  for (unsigned i = 0; i < words.size(); ++i) {
    StringRef word = words[i];
    if (word.empty()) {
      setError(error, word, i, "expected a unit word", false);
      return None;
    }
    if (word == "%" && words.size() > 1) {
      setError(error, word, i, "'%' cannot be combined with other units",
               false);
      return None;
    }
    const UnitWord *entry = findUnitWord(word);
    if (!entry) {
      setError(error, word, i, "unknown unit '" + Twine(word) + "'", true);
      return None;
    }
    if (i == 0) {
      unit = Unit{entry->dim, entry->scale, entry->word, entry->exact};
      continue;
    }
    unit.dim = unit.dim / entry->dim;
    unit.exact = unit.exact / entry->exact;
    unit.scale = unit.exact.value(); // GB/ms is 1e12, not 1e9 / 1e-3.
    text += "/" + entry->word;
  }
  // A single word already points into the (static) unit table.
  if (!text.empty())
    unit.text = internUnitText(unit.text.str() + text);
  return unit;
}

Optional<Unit> parseUnit(StringRef text, UnitError *error) {
  SmallVector<StringRef, 4> words;
  SmallVector<size_t, 4> offsets;
  size_t start = 0;
  while (true) {
    size_t slash = text.find('/', start);
    StringRef raw = text.slice(start, slash);
    StringRef word = raw.trim(" \t");
    size_t lead = raw.size() - raw.ltrim(" \t").size();
    words.push_back(word);
    offsets.push_back(start + lead);
    if (slash == StringRef::npos)
      break;
    start = slash + 1;
  }
  Optional<Unit> unit = parseUnitWords(words, error);
  if (!unit && error)
    error->offset = offsets[error->wordIndex];
  return unit;
}

Unit baseUnitFor(Dimension dim) {
  if (dim.isDimensionless())
    return Unit{dim, 1.0, "", ExactScale()};
  return Unit{dim, 1.0, internUnitText(dim.unitText()), ExactScale()};
}

} // namespace calc::ir
