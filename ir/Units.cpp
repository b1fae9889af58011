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
  static const UnitPrefix prefixes[] = {{"k", 1e3},  {"M", 1e6},  {"G", 1e9},
                                        {"T", 1e12}, {"P", 1e15}, {"E", 1e18}};
  return prefixes;
}

ArrayRef<UnitPrefix> iecPrefixes() {
  static const UnitPrefix prefixes[] = {{"Ki", 0x1p10}, {"Mi", 0x1p20},
                                        {"Gi", 0x1p30}, {"Ti", 0x1p40},
                                        {"Pi", 0x1p50}, {"Ei", 0x1p60}};
  return prefixes;
}

/// Builds docs/language-reference.md §3's table: B, bit (SI and IEC), time,
/// flop and FLOP (SI), FLOPS (SI), the count words and %.
static std::vector<UnitWord> buildTable() {
  std::vector<UnitWord> table;
  const Dimension bytes = Dimension::byteDim(), secs = Dimension::secondDim(),
                  flops = Dimension::flopDim(), none;
  auto family = [&](StringRef base, Dimension dim, double scale, bool iec) {
    table.push_back({base.str(), dim, scale});
    for (const UnitPrefix &p : siPrefixes())
      table.push_back({(Twine(p.text) + base).str(), dim, scale * p.factor});
    if (iec)
      for (const UnitPrefix &p : iecPrefixes())
        table.push_back({(Twine(p.text) + base).str(), dim, scale * p.factor});
  };
  family("B", bytes, 1, true);
  family("bit", bytes, 0.125, true);
  table.push_back({"ns", secs, 1e-9});
  table.push_back({"us", secs, 1e-6});
  table.push_back({"ms", secs, 1e-3});
  table.push_back({"s", secs, 1});
  table.push_back({"min", secs, 60});
  table.push_back({"h", secs, 3600});
  family("flop", flops, 1, false);
  family("FLOP", flops, 1, false);
  family("FLOPS", flops / secs, 1, false);
  table.push_back({"tok", none, 1});
  table.push_back({"token", none, 1});
  table.push_back({"sample", none, 1});
  table.push_back({"%", none, 0.01});
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

Optional<Unit> lookupUnitWord(StringRef word) {
  const UnitWord *entry = findUnitWord(word);
  if (!entry)
    return None;
  return Unit{entry->dim, entry->scale, entry->word};
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
      unit = Unit{entry->dim, entry->scale, entry->word};
      continue;
    }
    unit.dim = unit.dim / entry->dim;
    unit.scale /= entry->scale;
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
    return Unit{dim, 1.0, ""};
  return Unit{dim, 1.0, internUnitText(dim.unitText())};
}

} // namespace calc::ir
