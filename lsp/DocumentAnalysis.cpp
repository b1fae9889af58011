//===- DocumentAnalysis.cpp - One editor buffer through `calcc check` -----===//
#include "lsp/DocumentAnalysis.h"

#include "llvm/Support/MemoryBuffer.h"

using namespace calc;
using namespace calc::lsp;

DocumentAnalysis::DocumentAnalysis(const std::string &path,
                                   const std::string &text,
                                   const ImportOptions &options)
    : diags(sources, discard), compilation(diags, options) {
  diags.setConsumer([this](const Diagnostic &d) {
    if (d.severity == Severity::Note && !groups.empty())
      groups.back().notes.push_back(d);
    else
      groups.push_back({d, {}});
  });
  bufferId = sources.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, path), llvm::SMLoc());
  // The stages of `calcc check`, on the stack lowering needs.
  Compilation::onLargeStack([&] {
    loaded = compilation.load(bufferId);
    lowered = loaded && compilation.lower();
    if (lowered)
      compilation.checkStatements();
  });
}

const ast::File *DocumentAnalysis::mainFile() const {
  return loaded ? compilation.program().main : nullptr;
}

const ast::File *DocumentAnalysis::prelude() const {
  return loaded ? compilation.program().prelude : nullptr;
}

const ir::Entity *DocumentAnalysis::entityOf(const ast::Decl *decl) const {
  const ir::Module *m = module();
  if (!m || !decl)
    return nullptr;
  for (const auto &e : m->entities())
    if (e->loc == decl->name.loc() || e->loc == decl->loc())
      return e.get();
  return nullptr;
}

const ir::Schema *DocumentAnalysis::schema(llvm::StringRef name) const {
  if (const ir::Module *m = module())
    for (const auto &s : m->schemas())
      if (s->name == name)
        return s.get();
  return nullptr;
}
