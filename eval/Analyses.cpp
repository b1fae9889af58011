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

ir::Value eval::statValue(const ir::FieldDecl &field, double v,
                          bool integral) {
  ir::Dimension dim = field.type.dim;
  auto exact = integral ? ir::exactInt(v) : llvm::None;
  ir::Value value = exact ? ir::Value::integer(*exact, dim) : ir::Value::real(v, dim);
  if (field.unit.scale == 1 && field.unit.text != ir::baseUnitFor(dim).text)
    value.unit = field.unit;
  return value;
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
