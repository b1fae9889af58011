//===- Analyses.cpp - The registry of analyses and shared behaviour -------===//
//
// The analyses `evaluate` and `search` know, in registration order (see
// Analysis.h). Registration is this list: an analysis is a static object
// returned by its own file's accessor.
//
//===----------------------------------------------------------------------===//
#include "eval/Analysis.h"
#include "eval/AnalysisList.h"
#include "eval/cost/System.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"
#include "ir/Units.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;

llvm::ArrayRef<const Analysis *> eval::allAnalyses() {
  static const Analysis *const list[] = {&trainingAnalysis(),
                                               &generationAnalysis()};
  return list;
}

const Analysis *eval::findAnalysis(llvm::StringRef name) {
  for (const Analysis *a : allAnalyses())
    if (a->name() == name)
      return a;
  return nullptr;
}

/// Whether a statistic shown in \p field keeps the field's declared unit:
/// a count unit (`sample/s`) does; a base spelling is left to the automatic
/// display (GiB, ms…).
static bool keepsDeclaredUnit(const ir::FieldDecl &field) {
  return field.unit.scale == 1 &&
         field.unit.text != ir::baseUnitFor(field.type.dim).text;
}

static ir::Value makeStatValue(const ir::FieldDecl &field, double v,
                               bool integral, bool keepUnit) {
  ir::Dimension dim = field.type.dim;
  auto exact = integral ? ir::exactInt(v) : llvm::None;
  ir::Value value =
      exact ? ir::Value::integer(*exact, dim) : ir::Value::real(v, dim);
  if (keepUnit)
    value.unit = field.unit;
  return value;
}

ir::Value eval::statValue(const ir::FieldDecl &field, double v,
                          bool integral) {
  return makeStatValue(field, v, integral, keepsDeclaredUnit(field));
}

void ResultSlots::prepare(const ir::Schema *rs, unsigned count,
                          llvm::function_ref<llvm::StringRef(unsigned)> keyOf) {
  if (rs == schema && slots.size() == count)
    return;
  schema = rs;
  slots.assign(count, Slot());
  for (unsigned i = 0; i < count; ++i) {
    int slot = rs->lookup(keyOf(i));
    if (slot < 0)
      continue;
    const ir::FieldDecl &field = rs->fields[unsigned(slot)];
    slots[i] = Slot{slot, &field, keepsDeclaredUnit(field)};
  }
}

void ResultSlots::set(llvm::MutableArrayRef<ir::Value> values, unsigned i,
                      double v, bool integral) const {
  const Slot &s = slots[i];
  if (s.slot < 0 || unsigned(s.slot) >= values.size())
    return;
  values[unsigned(s.slot)] = makeStatValue(*s.field, v, integral, s.keepUnit);
}

void eval::fillFits(const ir::Schema *rs, llvm::MutableArrayRef<ir::Value> values,
                    bool fits) {
  int slot = FieldReader::slotOf(rs, "fits");
  if (slot >= 0 && unsigned(slot) < values.size())
    values[slot] = ir::Value::boolean(fits);
}

std::string Analysis::rejection(const cost::EvalStatus &status,
                                llvm::ArrayRef<Instance *> entities) const {
  std::string text;
  llvm::raw_string_ostream os(text);
  bool memory = status.error == cost::EvalError::Mem1Capacity ||
                status.error == cost::EvalError::Mem2Capacity;
  std::string system = "the system";
  for (size_t i = 0; i < inputs().size() && i < entities.size(); ++i)
    if (inputs()[i].name == "system" && entities[i])
      system = "'" + entities[i]->name + "'";
  if (status.error == cost::EvalError::DatatypeUnsupported) {
    // Calculon says "Unsupported type: float8"; name the system and engine.
    os << (system == "the system" ? system : "system " + system) << " has no "
       << cost::dataTypeName(cost::DataType(status.a)) << " "
       << (status.b == 0 ? "matrix" : "vector") << " engine";
  } else if (memory) {
    auto gib = ir::parseUnit("GiB");
    os << (status.error == cost::EvalError::Mem1Capacity ? "mem1" : "mem2")
       << " needs " << ir::formatInUnit(status.x, *gib, 6) << " but "
       << system << " has " << ir::formatInUnit(status.y, *gib, 6);
  } else {
    cost::renderStatus(status, os);
  }
  os.flush();
  // The cost library keeps Calculon's wording ("Network tier0 isn't big
  // enough"), which `calcc llm` must print verbatim; a diagnostic continues
  // in lowercase (docs/language-reference.md §8). Acronyms ("TP ...") stay.
  if (text.size() > 1 && llvm::isAlpha(text[1]) &&
      text[1] == llvm::toLower(text[1]))
    text[0] = llvm::toLower(text[0]);
  return text;
}
