//===- AST.cpp - Out-of-line parts of the AST -----------------------------===//
//
// Anchors the virtual destructors (one vtable per hierarchy) and the small
// helpers declared in AST.h.
//
//===----------------------------------------------------------------------===//
#include "frontend/AST.h"

using namespace calc::ast;

Expr::~Expr() = default;
Member::~Member() = default;
Decl::~Decl() = default;
Stmt::~Stmt() = default;

std::string QualifiedName::str() const {
  std::string result;
  for (const Identifier &part : parts) {
    if (!result.empty())
      result += '.';
    result += part.name;
  }
  return result;
}

bool StringLiteral::isPlain() const {
  for (const StringPart &part : parts)
    if (!part.isText())
      return false;
  return true;
}

std::string StringLiteral::plainText() const {
  std::string result;
  for (const StringPart &part : parts)
    if (part.isText())
      result += part.text;
  return result;
}

llvm::StringRef EntityDecl::kindName(EntityKind kind) {
  switch (kind) {
  case EntityKind::Model:
    return "model";
  case EntityKind::System:
    return "system";
  case EntityKind::Execution:
    return "execution";
  case EntityKind::Serving:
    return "serving";
  }
  return "model";
}

llvm::StringRef OutputStmt::formatName(Format format) {
  switch (format) {
  case Format::Table:
    return "table";
  case Format::Csv:
    return "csv";
  case Format::Json:
    return "json";
  case Format::Plot:
    return "plot";
  }
  return "table";
}
