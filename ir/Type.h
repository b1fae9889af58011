//===- Type.h - Static types of .calc expressions -------------------------===//
//
// Every IR expression carries a Type computed by the IRBuilder: numbers carry
// their dimension (checked before evaluation, docs/language-reference.md §1.3),
// entities their schema, lists their element type. Int/real is a property of
// values, not of types (docs/language-reference.md §3: "the kind is independent
// of the dimension").
//
//===----------------------------------------------------------------------===//
#ifndef CALC_IR_TYPE_H
#define CALC_IR_TYPE_H

#include "ir/Dimension.h"

#include <string>

namespace calc::ir {

struct Schema;

enum class TypeKind : unsigned char {
  Error,  ///< A previous error; never reported again.
  Number, ///< An int or real quantity of a dimension.
  Bool,
  String,
  Entity, ///< An instance of a schema (also analysis results).
  List,
  Steps,  ///< A step table: keys of `dim`, values of `valueDim`.
};

/// A static type. Lists are one level deep: `elem` describes the elements.
struct Type {
  TypeKind kind = TypeKind::Error;
  TypeKind elem = TypeKind::Error; ///< Element kind of a List.
  Dimension dim;                   ///< Number (or List/Steps key) dimension.
  Dimension valueDim;              ///< Steps value dimension.
  const Schema *schema = nullptr;  ///< Entity (or List of Entity) schema.

  static Type error() { return Type(); }
  static Type number(Dimension d) {
    Type t;
    t.kind = TypeKind::Number;
    t.dim = d;
    return t;
  }
  static Type boolean() { return simple(TypeKind::Bool); }
  static Type string() { return simple(TypeKind::String); }
  static Type entity(const Schema *s) {
    Type t = simple(TypeKind::Entity);
    t.schema = s;
    return t;
  }
  static Type steps(Dimension key, Dimension value) {
    Type t = simple(TypeKind::Steps);
    t.dim = key;
    t.valueDim = value;
    return t;
  }
  /// The list whose elements have type \p e (which must not be a list).
  static Type listOf(const Type &e) {
    Type t = e;
    t.elem = e.kind;
    t.kind = TypeKind::List;
    return t;
  }
  /// The element type of a list.
  Type element() const {
    Type t = *this;
    t.kind = elem;
    t.elem = TypeKind::Error;
    return t;
  }

  bool isError() const { return kind == TypeKind::Error; }
  bool isNumber() const { return kind == TypeKind::Number; }
  bool operator==(const Type &o) const;
  bool operator!=(const Type &o) const { return !(*this == o); }

  /// How the type is named in diagnostics: "[B/s]", "bool", "model", "list
  /// of [B]".
  std::string str() const;

private:
  static Type simple(TypeKind k) {
    Type t;
    t.kind = k;
    return t;
  }
};

} // namespace calc::ir

#endif
