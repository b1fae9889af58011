//===- StdlibCommand.cpp - `calcc stdlib`: what the stdlib offers ---------===//
//
// Lists every model, system, execution and serving of the stdlib, grouped by
// file (sorted by path), each with its kind, its name and the headline of
// its doc comment (the first line up to its first clause), so a user can find `llama3_1_70b` or `dgx_h100` without
// reading the sources. The files are parsed, not run: imports are not
// followed, and each entity is listed once, under the file that declares it.
// Reads the embedded stdlib, or `--stdlib-dir DIR` (for stdlib development).
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "frontend/Diagnostics.h"
#include "frontend/Parser.h"
#include "stdlib/EmbeddedStdlib.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace llvm;
using namespace calc;
using namespace calc::driver;

static cl::SubCommand stdlibCmd(
    "stdlib", "List the stdlib's models, systems, executions and servings");
static cl::opt<std::string>
    stdlibListDir("stdlib-dir", cl::value_desc("dir"),
                  cl::desc("List the stdlib in DIR instead of the embedded one"),
                  cl::sub(stdlibCmd));

namespace {

/// One stdlib file to list: its `std/…` name and its text.
struct StdlibFile {
  std::string name;
  std::unique_ptr<MemoryBuffer> buffer;
};

/// One listed entity.
struct Entry {
  StringRef kind;
  std::string name;
  std::string summary; ///< The headline of its doc comment.
};

std::vector<StdlibFile> embeddedStdlib() {
  std::vector<StdlibFile> files;
  for (const stdlib::EmbeddedFile &f : stdlib::embeddedFiles())
    if (f.path.endswith(".calc"))
      files.push_back({"std/" + f.path.str(),
                       MemoryBuffer::getMemBuffer(f.contents, "std/" + f.path.str(),
                                                  /*RequiresNullTerminator=*/false)});
  return files;
}

/// The `.calc` files under \p dir, by path relative to it; false after
/// reporting an unreadable directory or file.
bool stdlibOnDisk(StringRef dir, std::vector<StdlibFile> &files) {
  std::error_code ec;
  std::vector<std::string> paths;
  for (sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (sys::path::extension(it->path()) == ".calc")
      paths.push_back(it->path());
  if (ec) {
    reportError("calcc stdlib: ", "cannot read '" + dir + "': " + ec.message());
    return false;
  }
  llvm::sort(paths);
  for (const std::string &path : paths) {
    auto buffer = MemoryBuffer::getFile(path, /*IsText=*/false,
                                        /*RequiresNullTerminator=*/false);
    if (!buffer) {
      reportError("calcc stdlib: ",
                  "cannot open '" + path + "': " + buffer.getError().message());
      return false;
    }
    StringRef rel = StringRef(path).drop_front(dir.size()).ltrim("/");
    files.push_back({"std/" + rel.str(), std::move(*buffer)});
  }
  return true;
}

/// The headline of a doc comment: its first line up to the first " (",
/// ": ", ". " or ", " ("Llama 2 70B (Touvron et al. …" gives "Llama 2 70B"),
/// since the sources wrap long first sentences.
std::string headline(StringRef doc) {
  StringRef line = doc.split('\n').first.trim();
  size_t cut = line.size();
  for (StringRef stop : {" (", ": ", ". ", ", "})
    cut = std::min(cut, line.find(stop));
  return line.take_front(cut).rtrim(".:").str();
}

/// The entities \p file declares, in order; false after printing its syntax
/// errors.
bool entitiesOf(StdlibFile &file, std::vector<Entry> &entries) {
  SourceMgr sourceMgr;
  DiagnosticEngine diags(sourceMgr);
  diags.setShowColors(useColors());
  // Diagnostics name the file as imports do: `std/…`, or its path on disk.
  auto copy = MemoryBuffer::getMemBufferCopy(file.buffer->getBuffer(),
                                             file.buffer->getBufferIdentifier());
  unsigned id = sourceMgr.AddNewSourceBuffer(std::move(copy), SMLoc());
  std::unique_ptr<ast::File> ast = Parser(diags).parseFile(id);
  if (!ast) {
    diags.printSummary();
    return false;
  }
  for (const ast::DeclPtr &d : ast->decls)
    if (auto *e = dyn_cast<ast::EntityDecl>(d.get()))
      entries.push_back({ast::EntityDecl::kindName(e->entityKind), e->name.name,
                         headline(e->doc)});
  return true;
}

int runStdlib() {
  std::vector<StdlibFile> files;
  if (stdlibListDir.empty())
    files = embeddedStdlib();
  else if (!stdlibOnDisk(stdlibListDir, files))
    return ExitInputError;
  std::vector<std::pair<std::string, std::vector<Entry>>> listed;
  size_t kindWidth = 0, nameWidth = 0;
  bool ok = true;
  for (StdlibFile &file : files) {
    std::vector<Entry> entries;
    ok &= entitiesOf(file, entries);
    for (const Entry &e : entries) {
      kindWidth = std::max(kindWidth, e.kind.size());
      nameWidth = std::max(nameWidth, e.name.size());
    }
    if (!entries.empty()) // The prelude declares schemas only.
      listed.emplace_back(file.name, std::move(entries));
  }
  raw_ostream &os = outs();
  for (size_t i = 0; i < listed.size(); ++i) {
    os << (i ? "\n" : "") << listed[i].first << "\n";
    for (const Entry &e : listed[i].second) {
      os << "  " << e.kind;
      os.indent(kindWidth - e.kind.size() + 2) << e.name;
      if (!e.summary.empty())
        os.indent(nameWidth - e.name.size() + 2) << e.summary;
      os << "\n";
    }
  }
  os.flush();
  return ok ? ExitSuccess : ExitInputError;
}

} // namespace

static Command stdlibCommand(stdlibCmd, runStdlib);
