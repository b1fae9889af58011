//===- ImportResolver.h - Loading a program: prelude, file, imports -------===//
//
// Turns one main file into the set of parsed files it needs
// (docs/language-reference.md §4.3): the implicit prelude first, then every
// file reached through `import`, each loaded and parsed once. Resolution:
// `std/…` is the stdlib (embedded, or --stdlib-dir); other paths are tried
// relative to the importing file, then in each -I directory in order. Cycles
// and missing files are errors at the import. Name binding is Sema's: this only
// records which file each import reached (ast::Import::target).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_IMPORTRESOLVER_H
#define CALC_FRONTEND_IMPORTRESOLVER_H

#include "frontend/AST.h"
#include "frontend/Diagnostics.h"

#include "llvm/ADT/StringMap.h"

#include <memory>
#include <string>
#include <vector>

namespace calc {

/// Where imports are looked for.
struct ImportOptions {
  std::vector<std::string> includeDirs; ///< -I, searched in order.
  std::string stdlibDir;                ///< --stdlib-dir; empty: embedded.
  bool loadPrelude = true;              ///< Off only for testing the parser.
  /// The main file is the prelude itself (an editor showing
  /// stdlib/prelude.calc): it is loaded in the prelude's place, so it may
  /// declare schemas, and the stdlib's prelude is not read.
  bool mainIsPrelude = false;
};

/// The files of one program. `files` is in a deterministic dependency
/// order: the prelude first, every file after the files it imports (in
/// import order, depth first), the main file last.
struct Program {
  std::vector<std::unique_ptr<ast::File>> files;
  ast::File *prelude = nullptr; ///< Null only if loadPrelude was off.
  ast::File *main = nullptr;
};

/// Loads programs into the SourceMgr of a DiagnosticEngine.
class ImportResolver {
public:
  ImportResolver(DiagnosticEngine &diags, ImportOptions options)
      : diags(diags), options(std::move(options)) {}

  /// Parses the main file held in \p mainBufferId, the prelude and all
  /// imports. Returns null if any error was reported (parse errors in any
  /// file, missing imports, cycles).
  std::unique_ptr<Program> load(unsigned mainBufferId);

private:
  /// A file being or having been loaded, keyed by its canonical identity.
  struct Entry {
    ast::File *file = nullptr; ///< Null if it failed to load or parse.
    bool inProgress = false;
  };
  /// Where a file came from, for resolving its relative imports.
  struct Origin {
    bool isStdlib = false;
    std::string dir; ///< Disk directory, or directory inside the stdlib.
  };

  /// A resolved import target, not yet read.
  struct Target {
    std::string key;  ///< Canonical identity: real disk path or "std/<rel>".
    std::string name; ///< Buffer name shown in diagnostics.
    std::string diskPath; ///< Empty for embedded stdlib files.
    llvm::StringRef embedded; ///< Contents of an embedded stdlib file.
    Origin origin;
  };

  ast::File *loadFile(unsigned bufferId, const Target &target,
                      const ast::Import *via, Program &program);
  void resolveImports(ast::File &file, const Origin &origin, Program &program);
  /// Finds the file \p import names; reports and returns false if none.
  bool findTarget(const ast::Import &import, const Origin &from, Target &target);
  bool findStdlib(llvm::StringRef relPath, Target &target);
  /// Reads \p target into the SourceMgr; reports at \p import on failure.
  bool readTarget(const Target &target, const ast::Import *import,
                  unsigned &bufferId);
  void reportCycle(const ast::Import &import, const std::string &key);

  DiagnosticEngine &diags;
  ImportOptions options;
  llvm::StringMap<Entry> entries;
  /// The chain of files being loaded, outermost first (for cycle messages),
  /// with the import that led to each.
  struct StackEntry {
    std::string key;
    std::string name;
    const ast::Import *via; ///< Null for the main file and the prelude.
  };
  std::vector<StackEntry> stack;
  bool failed = false;
};

} // namespace calc

#endif
