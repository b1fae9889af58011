//===- Definition.cpp - textDocument/definition ---------------------------===//
//
// A location in whichever loaded file declares the name: the document, an
// import, or the stdlib (SourcePaths.h says which file an embedded stdlib
// buffer is shown as). Schema fields go to their line in the prelude.
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"
#include "lsp/Positions.h"

using namespace calc;
using namespace calc::lsp;

/// {"uri", "range"} of \p range in \p doc's SourceMgr, or null when the file
/// has no path an editor can open.
static llvm::json::Value location(DocumentAnalysis &doc, llvm::StringRef uri,
                                  SourcePaths &paths, llvm::SMRange range) {
  unsigned buffer = bufferOf(doc.sourceMgr(), range.Start);
  if (!buffer)
    return nullptr;
  if (buffer == doc.mainBuffer())
    return llvm::json::Object{
        {"uri", uri.str()},
        {"range", rangeJSON(doc.sourceMgr(), buffer, range)}};
  std::string path = paths.pathFor(
      doc.sourceMgr().getMemoryBuffer(buffer)->getBufferIdentifier());
  if (path.empty())
    return nullptr;
  return llvm::json::Object{
      {"uri", pathToURI(path)},
      {"range", rangeJSON(doc.sourceMgr(), buffer, range)}};
}

llvm::json::Value lsp::definition(DocumentAnalysis &doc, llvm::StringRef uri,
                                  const SchemaTable &schemas,
                                  SourcePaths &paths, size_t offset) {
  Referent r = locate(doc, schemas, offset);
  switch (r.kind) {
  case Referent::None:
    return nullptr;
  case Referent::Decl:
    return location(doc, uri, paths, r.decl->name.range);
  case Referent::Import: {
    llvm::StringRef text =
        doc.sourceMgr().getMemoryBuffer(r.file->bufferId)->getBuffer();
    llvm::SMLoc start = llvm::SMLoc::getFromPointer(text.begin());
    return location(doc, uri, paths, llvm::SMRange(start, start));
  }
  case Referent::Field:
    if (const ast::SchemaFieldMember *m =
            schemaField(doc.prelude(), r.schema->name, r.field->name))
      return location(doc, uri, paths, m->name.range);
    return nullptr;
  case Referent::Analysis:
    if (const ast::File *prelude = doc.prelude())
      for (const ast::DeclPtr &d : prelude->decls)
        if (d->name.name == r.schema->name)
          return location(doc, uri, paths, d->name.range);
    return nullptr;
  }
  return nullptr;
}
