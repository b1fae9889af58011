//===- Server.h - The calcc language server: JSON-RPC over stdio ----------===//
//
// The lifecycle of the Language Server Protocol (docs/editors.md): requests
// before `initialize` get ServerNotInitialized; after `shutdown` only `exit`
// is honoured; `exit` ends the loop with status 0 after `shutdown`, 1
// otherwise. Documents are synchronised whole (TextDocumentSyncKind.Full);
// every open and change recompiles the document and publishes its
// diagnostics (DocumentAnalysis.h). Malformed JSON and invalid requests get
// JSON-RPC errors; unknown notifications are ignored; a framing error
// (Transport.h) ends the server with status 1. Nothing but protocol
// messages is written to the output stream; problems of the server itself
// go to stderr.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_SERVER_H
#define CALC_LSP_SERVER_H

#include "lsp/DocumentAnalysis.h"
#include "lsp/Features.h"
#include "lsp/SourcePaths.h"
#include "lsp/Transport.h"

#include "llvm/ADT/StringMap.h"

#include <memory>

namespace calc::lsp {

struct ServerOptions {
  ImportOptions imports;      ///< -I, --stdlib-dir.
  std::string stdlibCacheDir; ///< --stdlib-cache; empty: the user cache.
  std::string version;        ///< Reported as serverInfo.version.
};

class Server {
public:
  Server(Transport &transport, ServerOptions options);

  /// Serves until `exit` or the end of the input; returns the exit status.
  int run();

private:
  /// One open document.
  struct Document {
    std::string uri;
    std::string path; ///< The file the URI names, or the URI itself.
    std::string text;
    int64_t version = 0;
    std::unique_ptr<DocumentAnalysis> analysis;
    /// While `analysis` did not parse: the newest earlier version that did,
    /// which hover and definition use on the lines the edit left alone
    /// (LineMap.h). Null once the text parses again.
    std::unique_ptr<DocumentAnalysis> lastParsed;
    KnownNames names; ///< From the last version that got through Sema.
  };

  void handle(const llvm::json::Value &message);
  void request(const llvm::json::Value &id, llvm::StringRef method,
               const llvm::json::Object *params);
  void notification(llvm::StringRef method, const llvm::json::Object *params);

  void reply(const llvm::json::Value &id, llvm::json::Value result);
  void replyError(const llvm::json::Value &id, int code,
                  const llvm::Twine &message);

  llvm::json::Value initializeResult();
  void open(const llvm::json::Object &params);
  void change(const llvm::json::Object &params);
  void close(const llvm::json::Object &params);
  void analyse(const std::string &uri, Document &doc);
  void publish(const std::string &uri, Document &doc);
  /// The document and byte offset a TextDocumentPositionParams names, or
  /// null (after replying with an error) if it does not name one.
  Document *position(const llvm::json::Value &id,
                     const llvm::json::Object *params, size_t &offset);
  const DocumentAnalysis &prelude();
  /// Hover or definition (\p isHover) at \p offset of a document that
  /// does not parse, answered from its last version that did.
  llvm::json::Value answerFromLastParsed(Document &doc, bool isHover,
                                         size_t offset);

  Transport &transport;
  ServerOptions options;
  SourcePaths paths;
  llvm::StringMap<Document> documents;
  /// The prelude alone, compiled once: the schemas completion and hover
  /// use while a document does not lower.
  std::unique_ptr<DocumentAnalysis> preludeOnly;
  bool initialized = false;
  bool shutdownRequested = false;
  bool exited = false;
};

/// JSON-RPC and LSP error codes.
enum ErrorCode {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
};

} // namespace calc::lsp

#endif
