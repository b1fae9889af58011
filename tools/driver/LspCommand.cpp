//===- LspCommand.cpp - `calcc lsp`: the language server over stdio -------===//
//
// Speaks the Language Server Protocol on stdin/stdout (lsp/Server.h): an
// editor starts `calcc lsp` and gets the diagnostics of `calcc check` as the
// user types, hover, go to definition and completion (docs/editors.md).
// stdout carries only protocol messages; the server's own errors go to
// stderr. Exit status: 0 after `shutdown` then `exit`, 1 otherwise.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Command.h"

#include "lsp/Server.h"
#include "lsp/Transport.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdio>

using namespace llvm;
using namespace calc;
using namespace calc::driver;

static cl::SubCommand lspCmd("lsp", "Run the language server (LSP over stdio)");
static cl::list<std::string> lspIncludeDirs("I", cl::Prefix, cl::ZeroOrMore,
                                            cl::value_desc("dir"),
                                            cl::desc("Search DIR for imports"),
                                            cl::sub(lspCmd));
static cl::opt<std::string>
    lspStdlibDir("stdlib-dir", cl::value_desc("dir"),
                 cl::desc("Read std/ imports from DIR instead of the embedded "
                          "stdlib (go to definition then opens DIR's files)"),
                 cl::sub(lspCmd));
static cl::opt<std::string> lspStdlibCache(
    "stdlib-cache", cl::value_desc("dir"),
    cl::desc("Where the embedded stdlib is written for go to definition "
             "(default: the user's cache directory)"),
    cl::sub(lspCmd));

static int runLsp() {
  lsp::ServerOptions options;
  options.imports.includeDirs.assign(lspIncludeDirs.begin(),
                                     lspIncludeDirs.end());
  options.imports.stdlibDir = lspStdlibDir;
  options.stdlibCacheDir = lspStdlibCache;
  options.version = CALC_VERSION;
  // Byte-exact framing: no newline translation on the protocol channel.
  lsp::Transport transport(stdin, outs());
  return lsp::Server(transport, std::move(options)).run();
}

static Command lspCommand(lspCmd, runLsp);
