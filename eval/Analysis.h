//===- Analysis.h - What `evaluate`/`search` run: one interface -----------===//
//
// An analysis (training, generation) is a registered object: its name, its
// inputs (members of the prelude schema of the same name), its statistics
// (the fields of `<name>_result` it computes, in order), how a rejected plan
// reads, and a factory for AnalysisRun, the per-thread state that converts
// input entities into the cost library's plain structs, evaluates, and fills
// a result record. `evaluate` (AnalysisStatement.cpp), the search
// (SearchCandidates.cpp, SearchStatement.cpp) and `output` are written once
// against it; adding an analysis is its cost function, its prelude schema,
// an Analysis subclass and its registration in Analyses.cpp (see
// docs/architecture.md, "Adding an analysis").
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_ANALYSIS_H
#define CALC_EVAL_ANALYSIS_H

#include "eval/FieldReader.h"
#include "eval/cost/EvalStatus.h"
#include "ir/IR.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::eval {

class Evaluator;

/// One input of an analysis: a member of its schema ("model").
struct AnalysisInput {
  llvm::StringRef name;
  /// When not empty, the input is converted field by field (an execution, a
  /// serving): a search re-reads only the fields whose value read a domain
  /// whose choice changed, through AnalysisRun::setField. Empty: converted
  /// whole by AnalysisRun::convert, and kept while it reads no domain.
  llvm::ArrayRef<const char *> fields;
};

/// The state of one evaluation context (an `evaluate`, or one search
/// thread): the plain inputs, the cost library's workspace and the last
/// statistics. Nothing here allocates per candidate.
class AnalysisRun {
public:
  virtual ~AnalysisRun() = default;
  /// Converts input \p input (a whole-converted one) from \p entity.
  /// Returns false after FieldReader reported the failure.
  virtual bool convert(unsigned input, FieldReader &r, Instance *entity) = 0;
  /// Sets field \p field (index into AnalysisInput::fields) of the
  /// field-wise input \p input from its evaluated \p value.
  virtual void setField(unsigned input, unsigned field,
                        const ir::Value &value) = 0;
  /// Checks input \p input on its own once converted (a system's values):
  /// a search checks it once per conversion, not per candidate.
  virtual cost::EvalStatus checkInput(unsigned input) {
    (void)input;
    return {};
  }
  /// Evaluates the converted inputs (whose own checks passed).
  virtual cost::EvalStatus evaluate() = 0;
  /// Statistic \p k (index into Analysis::statKeys) of the last successful
  /// evaluation, in SI units.
  virtual double stat(unsigned k) const = 0;
  /// Writes the result fields of the last successful evaluation into
  /// \p values (indexed by the slots of \p resultSchema; other entries are
  /// left alone). \p exactTypes: statistics the cost model computes with
  /// integers only become ints (output fidelity; costs about one more
  /// evaluation).
  virtual void fillResult(const ir::Schema *resultSchema,
                          llvm::MutableArrayRef<ir::Value> values,
                          bool exactTypes) = 0;
  /// Fills the result fields that are records (training's `layers`) from
  /// the last evaluation, creating them in \p ev. Called for an `evaluate`
  /// and for the rows a search keeps, never per candidate.
  virtual void fillRecords(Evaluator &ev, const ir::Schema *resultSchema,
                           llvm::MutableArrayRef<ir::Value> values) {
    (void)ev;
    (void)resultSchema;
    (void)values;
  }
  /// What a user can do about the rejection \p status of the last
  /// evaluation (notes, one per line, e.g. what fills memory and what batch
  /// fits), or "" for nothing.
  virtual std::string advice(const cost::EvalStatus &status) const {
    (void)status;
    return "";
  }
};

/// The analysis-block option (`allow_overflow = true`) that evaluates a plan
/// whose memory does not fit instead of rejecting it
/// (docs/language-reference.md §6); every analysis schema declares it.
constexpr const char *AllowOverflowField = "allow_overflow";

/// Whether \p status is a memory-capacity rejection, the one
/// `allow_overflow` lets through (the statistics are complete then).
inline bool isOverflow(const cost::EvalStatus &status) {
  return status.error == cost::EvalError::Mem1Capacity ||
         status.error == cost::EvalError::Mem2Capacity;
}

/// Writes the result field `fits` of \p resultSchema, if it has one.
void fillFits(const ir::Schema *resultSchema,
              llvm::MutableArrayRef<ir::Value> values, bool fits);

/// The result value of a statistic \p v (SI) for result field \p field:
/// an int when \p integral and exact, else a real; a count unit the field
/// declares (`sample/s`) is kept for display, base units are left to the
/// automatic display (GiB, ms…).
ir::Value statValue(const ir::FieldDecl &field, double v, bool integral);

/// Where an analysis's statistics go in one result schema, found once per
/// schema: each statistic's slot, field and whether the field's declared
/// unit is kept (what statValue decides by name and unit), so filling a
/// search candidate's result does no name lookup or unit work.
class ResultSlots {
public:
  /// Maps the \p count statistics, statistic i named \p keyOf(i), to the
  /// fields of \p rs; nothing to do if \p rs is the last call's schema.
  void prepare(const ir::Schema *rs, unsigned count,
               llvm::function_ref<llvm::StringRef(unsigned)> keyOf);
  /// Whether statistic \p i's field is an int field (a count).
  bool isInt(unsigned i) const {
    return slots[i].field && slots[i].field->isInt;
  }
  /// Writes statistic \p i, value \p v (SI), into \p values as statValue
  /// would; nothing if the schema has no such field.
  void set(llvm::MutableArrayRef<ir::Value> values, unsigned i, double v,
           bool integral) const;

private:
  struct Slot {
    int slot = -1;
    const ir::FieldDecl *field = nullptr;
    bool keepUnit = false;
  };
  const ir::Schema *schema = nullptr;
  std::vector<Slot> slots;
};

/// A registered analysis.
class Analysis {
public:
  virtual ~Analysis() = default;
  /// Its name in `evaluate r = <name> { … }`; the prelude declares the
  /// schemas `<name>` (inputs) and `<name>_result`.
  virtual llvm::StringRef name() const = 0;
  /// Its inputs, in the order AnalysisRun numbers them.
  virtual llvm::ArrayRef<AnalysisInput> inputs() const = 0;
  /// The statistics it computes, by result field name, in the order
  /// AnalysisRun::stat numbers them.
  virtual llvm::ArrayRef<llvm::StringRef> statKeys() const = 0;
  virtual std::unique_ptr<AnalysisRun> makeRun() const = 0;
  /// The message of a rejected plan, lowercase, without "error: ";
  /// \p entities are the input instances, in inputs() order.
  virtual std::string rejection(const cost::EvalStatus &status,
                                llvm::ArrayRef<Instance *> entities) const;
};

/// The analysis named \p name, or null.
const Analysis *findAnalysis(llvm::StringRef name);

/// Every registered analysis, in registration order.
llvm::ArrayRef<const Analysis *> allAnalyses();

/// The analysis of an `evaluate`/`search` statement (the IR names it by its
/// input schema). Null only for a prelude schema without an analysis.
inline const Analysis *analysisOf(const ir::Stmt &stmt) {
  return findAnalysis(stmt.analysis->schema->name);
}

} // namespace calc::eval

#endif
