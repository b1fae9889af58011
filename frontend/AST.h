//===- AST.h - The abstract syntax tree of a .calc file -------------------===//
//
// What the parser hands to Sema: one ast::File per loaded source file, with
// its imports, declarations and statements in source order. The tree is
// purely syntactic: names are unresolved, unit text is kept exactly as
// written (ir/Units parses it, Sema checks it) and nothing is typed.
//
// Conventions (chosen so Sema can walk the tree with plain code):
//  * Ownership is by std::unique_ptr; every node is owned by its parent and
//    the File owns everything. Optional children are null pointers.
//  * LLVM-style RTTI: each hierarchy (Expr, Member, Decl, Stmt) has a kind
//    enum and classof(), so use llvm::isa / dyn_cast / cast.
//  * Every node has `range`, the source range of its whole text
//    (llvm::SMRange, Start = first character, End = one past the last).
//    Names carry their own range (Identifier) for precise carets.
//  * Strings (names, unit text, string-literal text) are owned std::strings,
//    escapes already decoded, so the AST does not depend on the buffers.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_AST_H
#define CALC_FRONTEND_AST_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace calc::ast {

class Expr;
class Member;
class File;
using ExprPtr = std::unique_ptr<Expr>;
using MemberPtr = std::unique_ptr<Member>;

/// A name as written, with its location (`hidden`, `my_1t`).
struct Identifier {
  std::string name;
  llvm::SMRange range;

  bool empty() const { return name.empty(); }
  llvm::SMLoc loc() const { return range.Start; }
};

/// A dotted name `a.b.c` (entity references, amend bases, `-D` paths).
struct QualifiedName {
  std::vector<Identifier> parts;
  llvm::SMRange range;

  bool empty() const { return parts.empty(); }
  /// The parts joined with '.', e.g. "a100_80g.mem1".
  std::string str() const;
};

/// `{ member* }`: the body of an entity, a nested block, an amend or an
/// analysis. Members are in source order.
struct Block {
  std::vector<MemberPtr> members;
  llvm::SMRange range; ///< From '{' to '}' inclusive.
};

//===----------------------------------------------------------------------===//
// Expressions (docs/language-reference.md §5)
//===----------------------------------------------------------------------===//

/// Base of every expression.
class Expr {
public:
  enum class Kind {
    IntLiteral,      ///< 42, 1_000_000
    RealLiteral,     ///< 0.65, 1e-5
    QuantityLiteral, ///< 80 GiB, 5 %
    ListLiteral,     ///< [1, 2, 4], [1.5, 2] TB/s
    StringLiteral,   ///< "a ${x} b"
    BoolLiteral,     ///< true, false
    Name,            ///< hidden
    Member,          ///< x.f
    Index,           ///< xs[i]
    Call,            ///< max(a, b)
    Unary,           ///< -x, +x, not x
    Binary,          ///< a + b, a and b, a < b, a ^ b, a mod b
    Within,          ///< a == b within T, a != b within T
    If,              ///< if c then a else b
    Range,           ///< a..b by c
    As,              ///< x as GiB
    Amend,           ///< a.b { … }
    Super,           ///< super.f
    Steps,           ///< steps { k: v, … }
  };

  Kind getKind() const { return kind; }
  llvm::SMRange range;
  llvm::SMLoc loc() const { return range.Start; }

  virtual ~Expr();

protected:
  Expr(Kind kind, llvm::SMRange range) : range(range), kind(kind) {}

private:
  const Kind kind;
};

/// An integer literal (int64; out-of-range literals are rejected by the
/// parser).
class IntLiteral : public Expr {
public:
  IntLiteral(llvm::SMRange range, int64_t value)
      : Expr(Kind::IntLiteral, range), value(value) {}
  int64_t value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::IntLiteral; }
};

/// A real literal (has '.' or an exponent; finite double).
class RealLiteral : public Expr {
public:
  RealLiteral(llvm::SMRange range, double value, std::string digits)
      : Expr(Kind::RealLiteral, range), value(value),
        digits(std::move(digits)) {}
  double value;
  /// The literal as written, without `_` ("133.8", "1e-5"): a unit scales
  /// these digits exactly rather than the rounded value (ir/ExactScale.h).
  std::string digits;
  static bool classof(const Expr *e) { return e->getKind() == Kind::RealLiteral; }
};

/// A number followed by a unit: `80 GiB`, `2048 GB/s`, `5 %`.
class QuantityLiteral : public Expr {
public:
  QuantityLiteral(llvm::SMRange range, ExprPtr number, std::string unit,
                  llvm::SMRange unitRange)
      : Expr(Kind::QuantityLiteral, range), number(std::move(number)),
        unit(std::move(unit)), unitRange(unitRange) {}
  ExprPtr number;    ///< An IntLiteral or a RealLiteral.
  std::string unit;  ///< As written, without spaces: "GB/s", "%", "GiB/t".
  llvm::SMRange unitRange;
  static bool classof(const Expr *e) {
    return e->getKind() == Kind::QuantityLiteral;
  }
};

/// `[e1, e2, …]`, optionally followed by a unit that applies to every
/// element (then the elements should be plain numbers; Sema checks).
class ListLiteral : public Expr {
public:
  explicit ListLiteral(llvm::SMRange range) : Expr(Kind::ListLiteral, range) {}
  std::vector<ExprPtr> elements;
  std::string unit; ///< Empty when the list has no unit.
  llvm::SMRange unitRange;
  bool hasUnit() const { return !unit.empty(); }
  static bool classof(const Expr *e) { return e->getKind() == Kind::ListLiteral; }
};

/// One piece of a string literal: literal text (escapes decoded) or a
/// `${expr}` interpolation.
struct StringPart {
  std::string text; ///< Used when expr is null.
  ExprPtr expr;     ///< The interpolated expression, or null for text.
  llvm::SMRange range;
  bool isText() const { return !expr; }
};

/// `"text ${expr} text"`. Adjacent text pieces are merged into one part.
class StringLiteral : public Expr {
public:
  explicit StringLiteral(llvm::SMRange range)
      : Expr(Kind::StringLiteral, range) {}
  std::vector<StringPart> parts;
  /// True if the string has no interpolation (import paths, enum values).
  bool isPlain() const;
  /// The text of a plain string (the concatenated text parts otherwise).
  std::string plainText() const;
  static bool classof(const Expr *e) {
    return e->getKind() == Kind::StringLiteral;
  }
};

/// `true` / `false`.
class BoolLiteral : public Expr {
public:
  BoolLiteral(llvm::SMRange range, bool value)
      : Expr(Kind::BoolLiteral, range), value(value) {}
  bool value;
  static bool classof(const Expr *e) { return e->getKind() == Kind::BoolLiteral; }
};

/// A bare name, looked up by Sema (docs/language-reference.md §4.2).
class NameExpr : public Expr {
public:
  explicit NameExpr(Identifier name)
      : Expr(Kind::Name, name.range), name(std::move(name)) {}
  Identifier name;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Name; }
};

/// `base.member`.
class MemberExpr : public Expr {
public:
  MemberExpr(llvm::SMRange range, ExprPtr base, Identifier member)
      : Expr(Kind::Member, range), base(std::move(base)),
        member(std::move(member)) {}
  ExprPtr base;
  Identifier member;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Member; }
};

/// `base[index]` (0-based).
class IndexExpr : public Expr {
public:
  IndexExpr(llvm::SMRange range, ExprPtr base, ExprPtr index)
      : Expr(Kind::Index, range), base(std::move(base)), index(std::move(index)) {}
  ExprPtr base;
  ExprPtr index;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Index; }
};

/// `callee(args…)`. There are no user functions: the callee is a built-in
/// name, normally a NameExpr (Sema rejects anything else).
class CallExpr : public Expr {
public:
  CallExpr(llvm::SMRange range, ExprPtr callee)
      : Expr(Kind::Call, range), callee(std::move(callee)) {}
  ExprPtr callee;
  std::vector<ExprPtr> args;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Call; }
};

/// `-x`, `+x`, `not x`.
class UnaryExpr : public Expr {
public:
  enum class Op { Neg, Plus, Not };
  UnaryExpr(llvm::SMRange range, Op op, llvm::SMRange opRange, ExprPtr operand)
      : Expr(Kind::Unary, range), op(op), opRange(opRange),
        operand(std::move(operand)) {}
  Op op;
  llvm::SMRange opRange;
  ExprPtr operand;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Unary; }
};

/// Binary operators. Comparisons are non-associative (the parser rejects
/// `a < b < c`); `^` is right-associative; the rest are left-associative.
class BinaryExpr : public Expr {
public:
  enum class Op { Add, Sub, Mul, Div, Mod, Pow, And, Or, Eq, Ne, Lt, Le, Gt, Ge };
  BinaryExpr(llvm::SMRange range, Op op, llvm::SMRange opRange, ExprPtr lhs,
             ExprPtr rhs)
      : Expr(Kind::Binary, range), op(op), opRange(opRange), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  Op op;
  llvm::SMRange opRange; ///< The operator token, for `^` carets.
  ExprPtr lhs, rhs;
  bool isComparison() const { return op >= Op::Eq; }
  static bool classof(const Expr *e) { return e->getKind() == Kind::Binary; }
};

/// `lhs == rhs within tolerance` (or `!=`). With a `%` tolerance the bound
/// is relative to rhs, the reference (docs/language-reference.md §5).
class WithinExpr : public Expr {
public:
  WithinExpr(llvm::SMRange range, bool isEqual, llvm::SMRange opRange,
             ExprPtr lhs, ExprPtr rhs, ExprPtr tolerance)
      : Expr(Kind::Within, range), isEqual(isEqual), opRange(opRange),
        lhs(std::move(lhs)), rhs(std::move(rhs)), tolerance(std::move(tolerance)) {}
  bool isEqual; ///< true for `==`, false for `!=`.
  llvm::SMRange opRange;
  ExprPtr lhs, rhs, tolerance;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Within; }
};

/// `if cond then thenExpr else elseExpr`.
class IfExpr : public Expr {
public:
  IfExpr(llvm::SMRange range, ExprPtr cond, ExprPtr thenExpr, ExprPtr elseExpr)
      : Expr(Kind::If, range), cond(std::move(cond)),
        thenExpr(std::move(thenExpr)), elseExpr(std::move(elseExpr)) {}
  ExprPtr cond, thenExpr, elseExpr;
  static bool classof(const Expr *e) { return e->getKind() == Kind::If; }
};

/// `lo..hi [by step]`, inclusive; step is null when omitted (default 1).
class RangeExpr : public Expr {
public:
  RangeExpr(llvm::SMRange range, ExprPtr lo, ExprPtr hi, ExprPtr step)
      : Expr(Kind::Range, range), lo(std::move(lo)), hi(std::move(hi)),
        step(std::move(step)) {}
  ExprPtr lo, hi, step;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Range; }
};

/// `operand as UNIT`: a dimension check plus a display unit.
class AsExpr : public Expr {
public:
  AsExpr(llvm::SMRange range, ExprPtr operand, std::string unit,
         llvm::SMRange unitRange)
      : Expr(Kind::As, range), operand(std::move(operand)), unit(std::move(unit)),
        unitRange(unitRange) {}
  ExprPtr operand;
  std::string unit; ///< As written, without spaces.
  llvm::SMRange unitRange;
  static bool classof(const Expr *e) { return e->getKind() == Kind::As; }
};

/// `base { … }`: an anonymous entity derived from the entity (or schema)
/// named by `base` (docs/language-reference.md §4.2).
class AmendExpr : public Expr {
public:
  AmendExpr(llvm::SMRange range, QualifiedName base, Block body)
      : Expr(Kind::Amend, range), base(std::move(base)), body(std::move(body)) {}
  QualifiedName base;
  Block body;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Amend; }
};

/// `super.field`: the base's definition of `field` (Jsonnet's meaning).
/// Further `.f` / `[i]` apply to it as ordinary MemberExpr / IndexExpr.
class SuperExpr : public Expr {
public:
  SuperExpr(llvm::SMRange range, Identifier field)
      : Expr(Kind::Super, range), field(std::move(field)) {}
  Identifier field;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Super; }
};

/// One `key: value` entry of a steps table.
struct StepEntry {
  ExprPtr key, value;
  llvm::SMRange range;
};

/// `steps { k1: v1, k2: v2, … }`, entries in written order.
class StepsExpr : public Expr {
public:
  explicit StepsExpr(llvm::SMRange range) : Expr(Kind::Steps, range) {}
  std::vector<StepEntry> entries;
  static bool classof(const Expr *e) { return e->getKind() == Kind::Steps; }
};

//===----------------------------------------------------------------------===//
// Block members (entity bodies, nested blocks, amends, analyses, schemas)
//===----------------------------------------------------------------------===//

/// Base of everything that can appear between `{` and `}`.
class Member {
public:
  enum class Kind {
    Field,        ///< name = expr
    Domain,       ///< name in expr                 (search only)
    NestedBlock,  ///< name { … }
    IndexedAmend, ///< name[index] { … }
    Require,      ///< require expr [: "msg"]
    Where,        ///< where expr                   (search only)
    Objective,    ///< maximize|minimize e (then maximize|minimize e)*
    Keep,         ///< keep N
    SchemaField,  ///< [derived] name: type [= expr] (schemas only)
  };

  Kind getKind() const { return kind; }
  llvm::SMRange range;
  std::string doc; ///< `///` comment lines before it, joined with '\n'.
  llvm::SMLoc loc() const { return range.Start; }

  virtual ~Member();

protected:
  Member(Kind kind, llvm::SMRange range) : range(range), kind(kind) {}

private:
  const Kind kind;
};

/// `name = value`.
class FieldMember : public Member {
public:
  FieldMember(llvm::SMRange range, Identifier name, ExprPtr value)
      : Member(Kind::Field, range), name(std::move(name)), value(std::move(value)) {}
  Identifier name;
  ExprPtr value;
  static bool classof(const Member *m) { return m->getKind() == Kind::Field; }
};

/// `name in domain`: a search dimension (docs/language-reference.md §6).
class DomainMember : public Member {
public:
  DomainMember(llvm::SMRange range, Identifier name, ExprPtr domain)
      : Member(Kind::Domain, range), name(std::move(name)),
        domain(std::move(domain)) {}
  Identifier name;
  ExprPtr domain;
  static bool classof(const Member *m) { return m->getKind() == Kind::Domain; }
};

/// `name { … }`: amends the inherited nested block `name`.
class NestedBlockMember : public Member {
public:
  NestedBlockMember(llvm::SMRange range, Identifier name, Block body)
      : Member(Kind::NestedBlock, range), name(std::move(name)),
        body(std::move(body)) {}
  Identifier name;
  Block body;
  static bool classof(const Member *m) {
    return m->getKind() == Kind::NestedBlock;
  }
};

/// `name[index] { … }`: amends one element of the inherited list `name`.
class IndexedAmendMember : public Member {
public:
  IndexedAmendMember(llvm::SMRange range, Identifier name, ExprPtr index,
                     Block body)
      : Member(Kind::IndexedAmend, range), name(std::move(name)),
        index(std::move(index)), body(std::move(body)) {}
  Identifier name;
  ExprPtr index;
  Block body;
  static bool classof(const Member *m) {
    return m->getKind() == Kind::IndexedAmend;
  }
};

/// `require cond [: "message"]` (blocks and schemas).
class RequireMember : public Member {
public:
  RequireMember(llvm::SMRange range, ExprPtr cond, ExprPtr message)
      : Member(Kind::Require, range), cond(std::move(cond)),
        message(std::move(message)) {}
  ExprPtr cond;
  ExprPtr message; ///< A StringLiteral, or null.
  static bool classof(const Member *m) { return m->getKind() == Kind::Require; }
};

/// `where cond` (search blocks only).
class WhereMember : public Member {
public:
  WhereMember(llvm::SMRange range, ExprPtr cond)
      : Member(Kind::Where, range), cond(std::move(cond)) {}
  ExprPtr cond;
  static bool classof(const Member *m) { return m->getKind() == Kind::Where; }
};

/// One `maximize e` / `minimize e` term.
struct Objective {
  bool maximize;
  ExprPtr expr;
  llvm::SMRange range; ///< From the keyword to the end of expr.
};

/// `maximize a then minimize b …` (search blocks only): objectives in
/// priority order.
class ObjectiveMember : public Member {
public:
  explicit ObjectiveMember(llvm::SMRange range) : Member(Kind::Objective, range) {}
  std::vector<Objective> objectives;
  static bool classof(const Member *m) { return m->getKind() == Kind::Objective; }
};

/// `keep N` (search blocks only).
class KeepMember : public Member {
public:
  KeepMember(llvm::SMRange range, ExprPtr count)
      : Member(Kind::Keep, range), count(std::move(count)) {}
  ExprPtr count;
  static bool classof(const Member *m) { return m->getKind() == Kind::Keep; }
};

/// The type of a schema field (docs/language-reference.md §4.1).
struct SchemaType {
  enum class Kind {
    Int,    ///< int
    Real,   ///< real
    Bool,   ///< bool
    String, ///< string
    Named,  ///< one bare word (`engine`, `GiB`, `FLOPS`): a schema name or a
            ///< unit; Sema decides (schemas first, then units).
    Unit,   ///< certainly a unit: has '/' or is `%` or `1` (`GB/s`).
    Enum,   ///< "a" | "b"
    List,   ///< [schemaName]
    Steps,  ///< steps(unit)
  };
  Kind kind = Kind::Int;
  std::string text; ///< Named/Unit: the word or unit text; List: the schema
                    ///< name; Steps: the key unit text.
  std::vector<Identifier> enumValues; ///< Enum: the values (decoded text).
  bool optional = false;              ///< Followed by `?`.
  llvm::SMRange range;
};

/// A schema member: `name: type [= default]` or `derived name: type = expr`.
class SchemaFieldMember : public Member {
public:
  SchemaFieldMember(llvm::SMRange range, Identifier name, SchemaType type,
                    ExprPtr defaultValue, bool isDerived)
      : Member(Kind::SchemaField, range), name(std::move(name)),
        type(std::move(type)), defaultValue(std::move(defaultValue)),
        isDerived(isDerived) {}
  Identifier name;
  SchemaType type;
  ExprPtr defaultValue; ///< Null when required (and never for derived).
  bool isDerived;
  static bool classof(const Member *m) {
    return m->getKind() == Kind::SchemaField;
  }
};

//===----------------------------------------------------------------------===//
// Top-level declarations (docs/language-reference.md §4)
//===----------------------------------------------------------------------===//

/// Base of the order-independent top-level declarations.
class Decl {
public:
  enum class Kind { Entity, Schema, Let };

  Kind getKind() const { return kind; }
  llvm::SMRange range;
  Identifier name;
  std::string doc; ///< `///` comment lines before it, joined with '\n'.
  llvm::SMLoc loc() const { return range.Start; }

  virtual ~Decl();

protected:
  Decl(Kind kind, llvm::SMRange range, Identifier name)
      : range(range), name(std::move(name)), kind(kind) {}

private:
  const Kind kind;
};

/// `model|system|execution name [: base] { … }`.
class EntityDecl : public Decl {
public:
  enum class EntityKind { Model, System, Execution, Serving };
  EntityDecl(llvm::SMRange range, EntityKind entityKind, Identifier name,
             QualifiedName base, Block body)
      : Decl(Kind::Entity, range, std::move(name)), entityKind(entityKind),
        base(std::move(base)), body(std::move(body)) {}
  EntityKind entityKind;
  QualifiedName base; ///< Empty when there is no base.
  Block body;
  bool hasBase() const { return !base.empty(); }
  static llvm::StringRef kindName(EntityKind kind);
  static bool classof(const Decl *d) { return d->getKind() == Kind::Entity; }
};

/// `schema name { members }` (prelude only; Sema enforces that). Members
/// are SchemaFieldMember and RequireMember, in source order.
class SchemaDecl : public Decl {
public:
  SchemaDecl(llvm::SMRange range, Identifier name)
      : Decl(Kind::Schema, range, std::move(name)) {}
  std::vector<MemberPtr> members;
  llvm::SMRange bodyRange;
  static bool classof(const Decl *d) { return d->getKind() == Kind::Schema; }
};

/// `let name = value`.
class LetDecl : public Decl {
public:
  LetDecl(llvm::SMRange range, Identifier name, ExprPtr value)
      : Decl(Kind::Let, range, std::move(name)), value(std::move(value)) {}
  ExprPtr value;
  static bool classof(const Decl *d) { return d->getKind() == Kind::Let; }
};

//===----------------------------------------------------------------------===//
// Statements (docs/language-reference.md §6), run in file order
//===----------------------------------------------------------------------===//

/// Base of the statements.
class Stmt {
public:
  enum class Kind { Evaluate, Search, Output, Assert, Expect };

  Kind getKind() const { return kind; }
  llvm::SMRange range;
  llvm::SMRange keywordRange; ///< `evaluate`, `output`, … (diagnostics point here).
  llvm::SMLoc loc() const { return range.Start; }

  virtual ~Stmt();

protected:
  Stmt(Kind kind, llvm::SMRange range) : range(range), kind(kind) {}

private:
  const Kind kind;
};

/// `evaluate name = analysis { … }` and `search name = analysis { … }`.
class AnalysisStmt : public Stmt {
public:
  AnalysisStmt(Kind kind, llvm::SMRange range, Identifier name,
               Identifier analysis, Block body)
      : Stmt(kind, range), name(std::move(name)), analysis(std::move(analysis)),
        body(std::move(body)) {}
  Identifier name;     ///< The result's name (`r`, `best`).
  Identifier analysis; ///< `training`, `generation`.
  Block body;
  bool isSearch() const { return getKind() == Kind::Search; }
  static bool classof(const Stmt *s) {
    return s->getKind() == Kind::Evaluate || s->getKind() == Kind::Search;
  }
};

/// `output table|csv|json|plot name[.field…] [{ columns }] [to "path"]`.
class OutputStmt : public Stmt {
public:
  enum class Format { Table, Csv, Json, Plot };
  OutputStmt(llvm::SMRange range, Format format, Identifier name)
      : Stmt(Kind::Output, range), format(format), name(std::move(name)) {}
  Format format;
  Identifier name;
  /// `output table r.layers`: fields read from the named value, in order.
  std::vector<Identifier> members;
  /// `output table r vertical|horizontal`; Auto: chosen by width.
  enum class Layout { Auto, Vertical, Horizontal };
  Layout layout = Layout::Auto;
  llvm::SMRange layoutRange;    ///< The layout word, when written.
  bool hasColumns = false;      ///< A `{ … }` was written (may be empty).
  std::vector<ExprPtr> columns; ///< Each may be an AsExpr (`x as GiB`).
  /// Per column: its `"label"` StringLiteral, or null.
  std::vector<ExprPtr> labels;
  /// Per column: +1 `maximize`, -1 `minimize`, 0 none (plots), and the
  /// word's range.
  std::vector<int> directions;
  std::vector<llvm::SMRange> directionRanges;
  ExprPtr path;                 ///< The `to` StringLiteral, or null.
  static llvm::StringRef formatName(Format format);
  static bool classof(const Stmt *s) { return s->getKind() == Kind::Output; }
};

/// `assert expr [: "msg"]` and `expect expr [: "msg"]`.
class CheckStmt : public Stmt {
public:
  CheckStmt(Kind kind, llvm::SMRange range, ExprPtr cond, ExprPtr message)
      : Stmt(kind, range), cond(std::move(cond)), message(std::move(message)) {}
  ExprPtr cond;
  ExprPtr message; ///< A StringLiteral, or null.
  bool isExpect() const { return getKind() == Kind::Expect; }
  static bool classof(const Stmt *s) {
    return s->getKind() == Kind::Assert || s->getKind() == Kind::Expect;
  }
};

using DeclPtr = std::unique_ptr<Decl>;
using StmtPtr = std::unique_ptr<Stmt>;

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

/// `import "path" [as alias]`.
struct Import {
  std::string path; ///< Decoded text of the string, e.g. "std/calculon.calc".
  llvm::SMRange pathRange;
  Identifier alias; ///< Empty without `as`.
  llvm::SMRange range;
  /// The loaded file, set by the ImportResolver (null until then, or if the
  /// import failed).
  File *target = nullptr;
  bool hasAlias() const { return !alias.empty(); }
};

/// One parsed source file. Each vector keeps source order.
class File {
public:
  std::string path;     ///< As given (command line) or as resolved (imports).
  unsigned bufferId = 0; ///< The llvm::SourceMgr buffer holding its text.
  bool isPrelude = false; ///< The implicit prelude (schemas allowed here).
  std::vector<Import> imports;
  std::vector<DeclPtr> decls;
  std::vector<StmtPtr> stmts;
};

} // namespace calc::ast

#endif
