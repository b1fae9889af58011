//===- ImportResolver.cpp - Loading a program: prelude, file, imports -----===//
#include "frontend/ImportResolver.h"

#include "frontend/Parser.h"
#include "stdlib/EmbeddedStdlib.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace calc;
namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

/// \p base joined with \p rel, with `.` and `..` folded away.
static std::string joinPath(llvm::StringRef base, llvm::StringRef rel,
                            path::Style style = path::Style::native) {
  llvm::SmallString<256> result;
  if (path::is_absolute(rel, style) || base.empty())
    result = rel;
  else {
    result = base;
    path::append(result, style, rel);
  }
  path::remove_dots(result, /*remove_dot_dot=*/true, style);
  return std::string(result);
}

/// The identity of a disk file: its real path when it exists.
static std::string diskKey(llvm::StringRef file) {
  llvm::SmallString<256> real;
  if (fs::real_path(file, real))
    return file.str();
  return std::string(real);
}

static bool isRegularFile(llvm::StringRef file) {
  return fs::exists(file) && !fs::is_directory(file);
}

std::unique_ptr<Program> ImportResolver::load(unsigned mainBufferId) {
  auto program = std::make_unique<Program>();
  failed = false;
  if (options.loadPrelude && !options.mainIsPrelude) {
    Target prelude;
    unsigned bufferId = 0;
    if (!findStdlib("prelude.calc", prelude)) {
      diags.error("cannot find the prelude 'std/prelude.calc'");
      return nullptr;
    }
    if (!readTarget(prelude, nullptr, bufferId))
      return nullptr;
    program->prelude = loadFile(bufferId, prelude, nullptr, *program);
    if (program->prelude)
      program->prelude->isPrelude = true;
  }
  Target main;
  main.name = diags.getSourceMgr()
                  .getMemoryBuffer(mainBufferId)
                  ->getBufferIdentifier()
                  .str();
  main.key = diskKey(main.name);
  main.origin.dir = path::parent_path(main.name).str();
  program->main = loadFile(mainBufferId, main, nullptr, *program);
  if (options.mainIsPrelude && program->main) {
    program->prelude = program->main;
    program->prelude->isPrelude = true;
  }
  if (failed || !program->main || (options.loadPrelude && !program->prelude))
    return nullptr;
  return program;
}

ast::File *ImportResolver::loadFile(unsigned bufferId, const Target &target,
                                    const ast::Import *via, Program &program) {
  entries[target.key].inProgress = true;
  stack.push_back({target.key, target.name, via});
  std::unique_ptr<ast::File> file = Parser(diags).parseFile(bufferId);
  if (file) {
    file->path = target.name;
    resolveImports(*file, target.origin, program);
  } else {
    failed = true;
  }
  stack.pop_back();
  // Look the entry up again: the map may have grown while importing.
  Entry &entry = entries[target.key];
  entry.inProgress = false;
  if (!file)
    return nullptr;
  entry.file = file.get();
  program.files.push_back(std::move(file)); // After everything it imports.
  return entry.file;
}

void ImportResolver::resolveImports(ast::File &file, const Origin &origin,
                                    Program &program) {
  for (ast::Import &import : file.imports) {
    Target target;
    if (!findTarget(import, origin, target)) {
      failed = true;
      continue;
    }
    auto found = entries.find(target.key);
    if (found != entries.end()) {
      if (found->second.inProgress) {
        reportCycle(import, target.key);
        failed = true;
      }
      import.target = found->second.file; // Each file loads once.
      continue;
    }
    unsigned bufferId = 0;
    if (!readTarget(target, &import, bufferId)) {
      failed = true;
      continue;
    }
    import.target = loadFile(bufferId, target, &import, program);
  }
}

bool ImportResolver::findStdlib(llvm::StringRef relPath, Target &target) {
  std::string rel = joinPath("", relPath, path::Style::posix);
  if (rel.empty() || llvm::StringRef(rel).startswith(".."))
    return false;
  target.key = "std/" + rel;
  target.origin.isStdlib = true;
  target.origin.dir = path::parent_path(rel, path::Style::posix).str();
  if (!options.stdlibDir.empty()) {
    target.diskPath = joinPath(options.stdlibDir, rel);
    target.name = target.diskPath;
    return isRegularFile(target.diskPath);
  }
  target.name = target.key;
  llvm::Optional<llvm::StringRef> contents = stdlib::findEmbeddedFile(rel);
  if (!contents)
    return false;
  target.embedded = *contents;
  return true;
}

bool ImportResolver::findTarget(const ast::Import &import, const Origin &from,
                                Target &target) {
  llvm::StringRef wanted = import.path;
  if (wanted.startswith("std/") || from.isStdlib) {
    std::string relCopy = wanted.startswith("std/")
                              ? wanted.drop_front(4).str()
                              : joinPath(from.dir, wanted, path::Style::posix);
    if (findStdlib(relCopy, target))
      return true;
    std::string rel = joinPath("", relCopy, path::Style::posix);
    DiagnosticBuilder diag =
        diags.error(import.pathRange.Start, "no stdlib file 'std/" + rel + "'",
                    {import.pathRange});
    // A misspelt embedded file ("std/calcuon.calc") gets a did-you-mean.
    if (options.stdlibDir.empty()) {
      std::vector<llvm::StringRef> files;
      for (const stdlib::EmbeddedFile &file : stdlib::embeddedFiles())
        files.push_back(file.path);
      if (auto best = closestMatch(rel, files))
        diag.note(import.pathRange.Start,
                  "did you mean 'std/" + best->str() + "'?");
    }
    return false;
  }
  std::vector<std::string> candidates{joinPath(from.dir, wanted)};
  if (!path::is_absolute(wanted))
    for (const std::string &dir : options.includeDirs)
      candidates.push_back(joinPath(dir, wanted));
  for (const std::string &candidate : candidates)
    if (isRegularFile(candidate)) {
      target.name = candidate;
      target.diskPath = candidate;
      target.key = diskKey(candidate);
      target.origin.dir = path::parent_path(candidate).str();
      return true;
    }
  DiagnosticBuilder diag =
      diags.error(import.pathRange.Start,
                  "cannot find imported file '" + import.path + "'",
                  {import.pathRange});
  std::string looked;
  for (const std::string &candidate : candidates)
    looked += (looked.empty() ? "'" : ", '") + candidate + "'";
  diag.note(import.pathRange.Start, "looked for " + looked);
  return false;
}

bool ImportResolver::readTarget(const Target &target, const ast::Import *import,
                                unsigned &bufferId) {
  std::unique_ptr<llvm::MemoryBuffer> buffer;
  if (target.diskPath.empty()) {
    buffer = llvm::MemoryBuffer::getMemBuffer(target.embedded, target.name,
                                              /*RequiresNullTerminator=*/false);
  } else {
    auto read = llvm::MemoryBuffer::getFile(target.diskPath, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
    if (!read) {
      std::string message =
          "cannot open '" + target.name + "': " + read.getError().message();
      if (import)
        diags.error(import->pathRange.Start, message, {import->pathRange});
      else
        diags.error(message);
      return false;
    }
    buffer = std::move(*read);
  }
  bufferId = diags.getSourceMgr().AddNewSourceBuffer(std::move(buffer), llvm::SMLoc());
  return true;
}

void ImportResolver::reportCycle(const ast::Import &import, const std::string &key) {
  size_t start = 0;
  while (start < stack.size() && stack[start].key != key)
    ++start;
  std::string chain;
  for (size_t i = start; i < stack.size(); ++i)
    chain += "'" + stack[i].name + "' -> ";
  chain += "'" + (start < stack.size() ? stack[start].name : key) + "'";
  DiagnosticBuilder diag = diags.error(import.pathRange.Start,
                                       "import cycle: " + chain, {import.pathRange});
  for (size_t i = start + 1; i < stack.size(); ++i)
    if (stack[i].via)
      diag.note(stack[i].via->pathRange.Start,
                "'" + stack[i].name + "' is imported here",
                {stack[i].via->pathRange});
}
