//===- Evaluator.h - Lazy, memoized evaluation of the IR ------------------===//
//
// Evaluates IR expressions on demand (docs/language-reference.md §6 "Order":
// declarations are lazy and memoized, dependency cycles are errors). Every
// failure is reported once through the DiagnosticEngine and turns into the
// Error value, which consumers propagate silently. Nothing here throws or
// aborts: division by zero, overflow, a missing field or an index out of range
// are clear diagnostics.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_EVALUATOR_H
#define CALC_EVAL_EVALUATOR_H

#include "eval/DomainTracker.h"
#include "eval/Instance.h"
#include "frontend/Diagnostics.h"
#include "ir/IR.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::eval {

/// Where an expression is evaluated: `self` is the block being defined (may
/// be null at file level), `env` the enclosing blocks, `layer` the index in
/// self's layers of the definition being evaluated (what `super` skips).
struct Context {
  Instance *self = nullptr;
  const Env *env = nullptr;
  unsigned layer = 0;
};

/// An evaluation error being built: notes go after the primary, and the
/// "while evaluating" note naming the statement goes last, when it ends.
class EvalDiagnostic {
public:
  EvalDiagnostic(DiagnosticBuilder builder, llvm::SMLoc stmtLoc,
                 std::string stmtWhat)
      : builder(builder), stmtLoc(stmtLoc), stmtWhat(std::move(stmtWhat)) {}
  EvalDiagnostic(const EvalDiagnostic &) = delete;
  ~EvalDiagnostic() {
    if (stmtLoc.isValid())
      builder.note(stmtLoc, "while evaluating " + stmtWhat);
  }
  EvalDiagnostic &note(llvm::SMLoc loc, const llvm::Twine &message,
                       llvm::ArrayRef<llvm::SMRange> ranges = {}) {
    builder.note(loc, message, ranges);
    return *this;
  }

private:
  DiagnosticBuilder builder;
  llvm::SMLoc stmtLoc;
  std::string stmtWhat;
};

class Evaluator {
public:
  Evaluator(const ir::Module &module, DiagnosticEngine &diags);
  ~Evaluator();

  /// Evaluates \p expr in \p ctx.
  ir::Value eval(const ir::Expr *expr, const Context &ctx);

  /// The deepest nesting of evaluations (definitions reading definitions)
  /// before "evaluation nested too deeply".
  static constexpr unsigned maxDepth = 20000;
  /// The value of field \p slot of \p inst; \p use is where it was read.
  ir::Value field(Instance *inst, unsigned slot, llvm::SMRange use);
  /// The instance of a file-level entity (created once).
  Instance *entity(const ir::Entity *entity);
  /// The value of a `let` (evaluated once).
  ir::Value let(const ir::Let *let, llvm::SMRange use);
  /// A new instance: \p block (written in \p env) over \p base, or over the
  /// schema defaults of \p schema when \p base is null.
  Instance *amend(Instance *base, const ir::Schema *schema,
                  const ir::Block *block, const Env *env, std::string name);
  /// A result record over \p schema whose fields are \p values.
  Instance *makeRecord(const ir::Schema *schema, std::string name,
                       std::vector<ir::Value> values);
  /// An environment frame.
  const Env *pushEnv(Instance *self, const Env *next);

  /// Checks that \p inst (and its nested entities) is complete and meets its
  /// `require` lines; reports at \p use ("using an incomplete entity").
  bool validate(Instance *inst, llvm::SMRange use);

  /// Names the statement being run, for the "while evaluating" note.
  void setStatement(llvm::SMLoc loc, std::string what);

  /// Reports an evaluation error at \p range (plus the statement note).
  EvalDiagnostic error(llvm::SMRange range, const llvm::Twine &message);

  /// How a value reads in diagnostics, interpolation and tables.
  std::string format(const ir::Value &value) const;

  /// Converts \p v to the type of field \p decl of \p inst (int fields need
  /// integral values, enums a listed value); reports at \p range, with a
  /// note at \p readAt when valid (the prelude line that read a default).
  ir::Value coerce(const Instance *inst, const ir::FieldDecl &decl, ir::Value v,
                   llvm::SMRange range, llvm::SMRange readAt = llvm::SMRange());
  /// Whether coerce() accepts \p v for \p decl as it is, without a
  /// diagnostic (it may only gain the field's unit).
  static bool coercesSilently(const ir::FieldDecl &decl, const ir::Value &v);

  DiagnosticEngine &diagnostics() { return diags; }
  const ir::Module &getModule() const { return module; }

  /// Binds the result of an `evaluate` (Error if it failed).
  void setResult(unsigned index, ir::Value value) {
    if (results.size() <= index)
      results.resize(index + 1);
    results[index] = std::move(value);
  }

  /// The result bound by `evaluate` number \p index (Error if it failed).
  ir::Value result(unsigned index) const {
    return index < results.size() ? results[index] : ir::Value();
  }

  /// The domain-dependence bookkeeping of a search (DomainTracker.h).
  DomainTracker &domains() { return domainTracker; }
  const DomainTracker &domains() const { return domainTracker; }
  /// Instances and environments allocated so far (a search starts a fresh
  /// evaluator when this grows large).
  size_t arenaSize() const { return instances.size() + envs.size(); }

  /// Significant digits of formatted numbers (`--precision`).
  void setPrecision(unsigned digits) { precision = digits; }
  unsigned getPrecision() const { return precision; }

private:
  ir::Value evalMember(Instance *inst, unsigned slot, unsigned fromLayer,
                       llvm::SMRange use);
  ir::Value evalDefinition(Instance *inst, unsigned slot, unsigned layer,
                           llvm::SMRange use);
  ir::Value evalDefault(Instance *inst, unsigned slot, llvm::SMRange use);
  ir::Value evalBinary(const ir::Expr *e, const Context &ctx);
  ir::Value evalLogic(const ir::Expr *e, const Context &ctx);
  ir::Value evalList(const ir::Expr *e, const Context &ctx);
  ir::Value evalLookup(const ir::Expr *e, const Context &ctx);
  ir::Value power(const ir::Expr *e, const ir::Value &l, const ir::Value &r);
  ir::Value evalCompare(const ir::Expr *e, const Context &ctx);
  ir::Value evalCall(const ir::Expr *e, const Context &ctx);
  ir::Value evalIndex(const ir::Expr *e, const Context &ctx);
  ir::Value evalRange(const ir::Expr *e, const Context &ctx);
  ir::Value evalAmend(const ir::Expr *e, const Context &ctx);
  ir::Value evalInterp(const ir::Expr *e, const Context &ctx);
  ir::Value fieldRef(const ir::Expr *e, const Context &ctx);
  ir::Value evalKind(const ir::Expr *e, const Context &ctx);
  std::string cycleChain(Instance *inst, unsigned slot) const;
  void missingFields(Instance *inst, const std::string &prefix,
                     llvm::SmallVectorImpl<std::string> &out);
  bool checkRequires(Instance *inst, llvm::SMRange use);
  void reportRequire(Instance *inst, const ir::Require &req,
                     const Context &ctx, llvm::SMRange use);
  /// validate() without the validated check and dependence bookkeeping.
  bool validateFresh(Instance *inst, llvm::SMRange use);
  bool validateNested(Instance *inst, llvm::SMRange use);
  static bool isDefinedExplicitly(const Instance *inst, unsigned slot);
  /// Whether \p loc is in the file whose statement is running (the user's).
  bool inMainFile(llvm::SMLoc loc) const;
  /// For a failure of \p expr (a prelude default or `require` of \p inst):
  /// the user's assignment to a field it reads, or the entity's name, if in
  /// the main file (UserSite.cpp).
  llvm::Optional<llvm::SMRange> userSite(const Instance *inst,
                                         const ir::Expr *expr) const;

  const ir::Module &module;
  DiagnosticEngine &diags;
  std::vector<std::unique_ptr<Instance>> instances;
  std::vector<std::unique_ptr<Env>> envs;
  llvm::DenseMap<const ir::Entity *, Instance *> entityInstances;
  llvm::DenseMap<const ir::Let *, unsigned> letState; ///< 1 active, 2 done.
  llvm::DenseMap<const ir::Let *, ir::Value> letValues;
  /// Fields being evaluated, innermost last (for cycle chains).
  std::vector<std::pair<Instance *, unsigned>> active;
  std::vector<ir::Value> results;
  unsigned precision = 4;
  DomainTracker domainTracker;
  /// Nesting of eval() calls, bounded so a long chain of definitions is an
  /// error rather than a stack overflow.
  unsigned depth = 0;
  bool reportedTooDeep = false;
  llvm::SMLoc stmtLoc;
  std::string stmtWhat;
};

} // namespace calc::eval

#endif
