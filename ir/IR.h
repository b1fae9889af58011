//===- IR.h - The resolved, typed IR of a .calc program -------------------===//
//
// The IR is what the evaluator runs (docs/architecture.md, Pipeline): every
// name is resolved (to a field slot of an enclosing entity, a global, or a
// builtin) and every expression has a Type. If the evaluator could meet an
// unknown name, the IRBuilder is missing a check.
//
// Entities are Jsonnet-style objects: an instance is a stack of layers (the
// blocks of the entity, its bases, and finally the schema defaults), and a
// field is the value of its most-derived definition evaluated with `self` the
// whole instance; that is what makes fields late-bound
// (docs/language-reference.md §4.2). Field references name a slot (field index
// in a schema) and a scope depth: 0 is the block being defined, k > 0 the k-th
// enclosing block.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_IR_H
#define CALC_IR_IR_H

#include "ir/Type.h"
#include "ir/Value.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

#include <memory>
#include <string>
#include <vector>

namespace calc::ir {

struct Block;
struct Entity;
struct Let;
struct Schema;

/// The built-in functions of docs/language-reference.md §5.
enum class Builtin : unsigned char {
  Min, Max, Abs, Ceil, Floor, Round, Sqrt, Log2, Pow2, Divisors, Clamp, Sum, Len,
  /// The prelude's `model.params` / `model.active_params`: the cost
  /// library's parameter count of the model being read (`calcc lpc`'s).
  ModelParams, ModelActiveParams,
};

enum class ExprKind : unsigned char {
  Const,     ///< `value`.
  Field,     ///< Field `slot` of the scope `depth` levels out.
  Super,     ///< The base's definition of field `slot` of the innermost block.
  EntityRef, ///< A file-level entity.
  LetRef,    ///< A file-level `let`.
  ResultRef, ///< The result `slot` of an earlier `evaluate`.
  Member,    ///< `ops[0].f`: field `slot` of an entity value.
  Index,     ///< `ops[0][ops[1]]`.
  Neg,       ///< Unary minus.
  Not,
  Add, Sub, Mul, Div, Mod, Pow,
  Eq, Ne, Lt, Le, Gt, Ge, ///< `ops[2]`, if present, is the `within` tolerance.
  And, Or,
  If,        ///< ops = cond, then, else.
  Call,      ///< `builtin(ops…)`.
  List,      ///< `[ops…]`.
  Range,     ///< ops = lo, hi, [by].
  Steps,     ///< ops = k0, v0, k1, v1, …
  Amend,     ///< ops[0] { block }; without ops, an empty instance of the schema.
  As,        ///< ops[0] displayed in `unit`.
  Interp,    ///< String: `parts[i]` then ops[i] formatted, …, parts.back().
  Lookup,    ///< ops[0] (a steps table) applied to ops[1].
  Domain,    ///< The current value of search domain `slot` (`fieldName`).
};

/// One IR expression. Owned by the Module.
struct Expr {
  ExprKind kind;
  Type type;
  llvm::SMRange range;
  llvm::SMLoc opLoc; ///< The operator token, for binary diagnostics.
  llvm::SmallVector<Expr *, 3> ops;
  Value value;                    ///< Const.
  unsigned slot = 0;              ///< Field, Super, Member.
  std::string fieldName;          ///< Field, Super, Member (for printing).
  unsigned depth = 0;             ///< Field.
  const Entity *entity = nullptr; ///< EntityRef.
  const Let *let = nullptr;       ///< LetRef.
  Builtin builtin = Builtin::Min; ///< Call.
  const Block *block = nullptr;   ///< Amend.
  Unit unit;                      ///< As.
  std::vector<std::string> parts; ///< Interp.
  bool withinPercent = false;     ///< Eq/Ne: tolerance is relative.
};

/// `require cond [: "message"]` in a schema or a block.
struct Require {
  Expr *cond = nullptr;
  std::string message;
  llvm::SMRange range;
};

/// A field of a schema.
struct FieldDecl {
  std::string name;
  Type type;
  bool isInt = false;     ///< An int field: reals must be integral.
  bool optional = false;  ///< `T?`: may be absent.
  bool derived = false;   ///< Read-only.
  llvm::SmallVector<std::string, 4> enumValues; ///< For enum strings.
  Unit unit;              ///< Display unit of a quantity field.
  Expr *defaultValue = nullptr; ///< Evaluated with self = the instance.
  std::string doc;
  llvm::SMLoc loc;
};

/// A schema of the prelude, or the result record of an analysis.
struct Schema {
  std::string name;
  std::vector<FieldDecl> fields;
  llvm::StringMap<unsigned> index;
  std::vector<Require> requires;
  bool isResult = false; ///< An analysis result: fields are precomputed.
  llvm::SMLoc loc;

  /// The slot of field \p name, or -1.
  int lookup(llvm::StringRef name) const {
    auto it = index.find(name);
    return it == index.end() ? -1 : int(it->second);
  }
  unsigned addField(FieldDecl field) {
    index[field.name] = fields.size();
    fields.push_back(std::move(field));
    return fields.size() - 1;
  }
};

enum class MemberKind : unsigned char {
  Assign,      ///< `f = expr`.
  Nested,      ///< `f { block }`: amends the inherited value of f.
  IndexAmend,  ///< `f[index] { block }`: amends one element of the list f.
};

/// One definition of a field in a block.
struct Member {
  MemberKind kind = MemberKind::Assign;
  unsigned slot = 0;
  Expr *value = nullptr;        ///< Assign.
  Expr *index = nullptr;        ///< IndexAmend.
  const Block *block = nullptr; ///< Nested, IndexAmend.
  llvm::SMRange range;          ///< The field name.
};

/// A layer of definitions over a schema: an entity body, a nested block, or
/// the body of an amend.
struct Block {
  const Schema *schema = nullptr;
  std::vector<Member> members;
  std::vector<int> memberOf; ///< slot -> index in members, or -1.
  std::vector<Require> requires;
  llvm::SMLoc loc;

  const Member *find(unsigned slot) const {
    int m = slot < memberOf.size() ? memberOf[slot] : -1;
    return m < 0 ? nullptr : &members[m];
  }
};

/// A file-level `model`/`system`/`execution` declaration.
struct Entity {
  std::string name;
  const Schema *schema = nullptr;
  const Entity *base = nullptr; ///< Null: the schema defaults only.
  const Block *body = nullptr;
  /// `-D` overrides: layers above the body, so derived entities see them,
  /// topmost first (a later `-D` naming another element of a list already
  /// amended by an earlier one needs a layer of its own).
  std::vector<const Block *> overrides;
  bool inMainFile = false; ///< Declared in the main file (for printing).
  llvm::SMLoc loc;
};

/// A file-level `let`.
struct Let {
  std::string name;
  Expr *value = nullptr;
  bool inMainFile = false; ///< Declared in the main file (for printing).
  llvm::SMLoc loc;
};

enum class StmtKind : unsigned char { Evaluate, Output, Assert, Expect, Search };
enum class OutputFormat : unsigned char { Table, Csv, Json, Plot };

/// One output column: an expression over the target's fields.
struct OutputColumn {
  /// The header: the column's `"label"`, else its source text (`total_time`,
  /// `system.mem1.bandwidth`).
  std::string label;
  Expr *value = nullptr;
  bool hasUnit = false;  ///< Written `as U`: value->unit is the display unit.
  bool hasLabel = false; ///< Written with a `"label"`.
  /// A plot's `maximize` (+1) or `minimize` (-1) on the column; 0: none.
  int direction = 0;
};

/// How `output table` lays a table out (docs/units-and-output.md, Layout).
enum class OutputLayout : unsigned char { Auto, Vertical, Horizontal };

/// One step from an analysis record to a nested instance: field `slot`,
/// then element `index` of it when index >= 0.
struct RouteStep {
  unsigned slot = 0;
  int index = -1;
};

/// `name in values` in a search (docs/language-reference.md §6): a dimension
/// of the space.
struct SearchDomain {
  std::string path;            ///< Relative to the search block.
  Expr *values = nullptr;      ///< A list, in the scope of `block`.
  const Block *block = nullptr; ///< The block the domain is written in.
  /// From the analysis record to the instance `block` is a layer of.
  llvm::SmallVector<RouteStep, 3> route;
  llvm::SMRange range;
};

/// A `where` of a search; input-only ones prune before evaluation.
struct SearchWhere {
  Expr *cond = nullptr; ///< Over the search scope.
  bool readsResults = false;
  std::string text;
};

/// One `maximize|minimize e` term.
struct SearchObjective {
  Expr *value = nullptr; ///< Over the search scope.
  bool maximize = true;
  std::string text;
};

/// What a `search` statement adds to an analysis. The search scope holds
/// the result fields (same slots as the result schema) then the analysis
/// inputs from slot `firstInput`; a row of the result adds `rank`.
struct SearchInfo {
  const Schema *scope = nullptr;
  const Schema *row = nullptr;
  unsigned firstInput = 0;
  unsigned rankSlot = 0;
  std::vector<SearchDomain> domains;
  std::vector<SearchWhere> wheres;
  std::vector<SearchObjective> objectives;
  /// Default output columns over a row: the members written in the search
  /// (`in` or `=`), then the objectives. Rank is implicit.
  std::vector<OutputColumn> columns;
  uint64_t keep = UINT64_MAX; ///< `keep N`; all when absent.
};

/// A statement of the main file, run in file order.
struct Stmt {
  StmtKind kind;
  llvm::SMLoc loc;                ///< The keyword.
  llvm::SMRange range;
  // Evaluate.
  std::string name;
  const Block *analysis = nullptr; ///< Over the analysis schema.
  const Schema *resultSchema = nullptr;
  unsigned resultIndex = 0;        ///< Slot in Module::results.
  const SearchInfo *search = nullptr; ///< Search only.
  // Output.
  OutputFormat format = OutputFormat::Table;
  Expr *target = nullptr;          ///< An entity or a result.
  std::vector<OutputColumn> columns;     ///< Empty: every field.
  OutputLayout layout = OutputLayout::Auto; ///< Tables only.
  std::string path;                ///< `to "path"`, or empty.
  llvm::SMRange pathRange;         ///< Valid exactly when there is a `to`.
  bool hasPath() const { return pathRange.isValid(); }
  // Assert / Expect.
  Expr *cond = nullptr;
  std::string message;
};

/// A whole checked program: the prelude, every imported file and the main
/// file's statements.
class Module {
public:
  Expr *newExpr(ExprKind kind, Type type, llvm::SMRange range);
  Block *newBlock(const Schema *schema);
  Schema *newSchema(llvm::StringRef name);
  Entity *newEntity(llvm::StringRef name);
  Let *newLet(llvm::StringRef name);
  SearchInfo *newSearch();

  /// Every schema, entity and let, in declaration order (for printing).
  llvm::ArrayRef<std::unique_ptr<Schema>> schemas() const { return schemaList; }
  llvm::ArrayRef<std::unique_ptr<Entity>> entities() const { return entityList; }
  llvm::ArrayRef<std::unique_ptr<Let>> lets() const { return letList; }

  std::vector<Stmt> statements;
  unsigned numResults = 0;

private:
  std::vector<std::unique_ptr<Expr>> exprs;
  std::vector<std::unique_ptr<Block>> blocks;
  std::vector<std::unique_ptr<Schema>> schemaList;
  std::vector<std::unique_ptr<Entity>> entityList;
  std::vector<std::unique_ptr<Let>> letList;
  std::vector<std::unique_ptr<SearchInfo>> searchList;
};

/// The spelling of a binary operator, for diagnostics and printing.
llvm::StringRef spelling(ExprKind kind);
/// The name of a builtin.
llvm::StringRef spelling(Builtin builtin);

} // namespace calc::ir

#endif
