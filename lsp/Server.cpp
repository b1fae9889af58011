//===- Server.cpp - The calcc language server: JSON-RPC over stdio --------===//
#include "lsp/Server.h"
#include "lsp/LineMap.h"
#include "lsp/Positions.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::lsp;
namespace json = llvm::json;

Server::Server(Transport &transport, ServerOptions options)
    : transport(transport), options(std::move(options)),
      paths(this->options.stdlibCacheDir) {}

const DocumentAnalysis &Server::prelude() {
  if (!preludeOnly)
    preludeOnly =
        std::make_unique<DocumentAnalysis>("<prelude>", "", options.imports);
  return *preludeOnly;
}

int Server::run() {
  std::string body;
  while (!exited) {
    switch (transport.read(body)) {
    case ReadStatus::EndOfInput:
      // The client went away without `exit`: fine only after `shutdown`.
      return shutdownRequested ? 0 : 1;
    case ReadStatus::BadFraming:
      llvm::errs() << "calcc lsp: error: " << transport.error() << "\n";
      return 1;
    case ReadStatus::Message:
      break;
    }
    llvm::Expected<json::Value> message = json::parse(body);
    if (!message) {
      replyError(nullptr, ParseError,
                 "invalid JSON: " + llvm::toString(message.takeError()));
      continue;
    }
    handle(*message);
  }
  return shutdownRequested ? 0 : 1;
}

void Server::reply(const json::Value &id, json::Value result) {
  transport.write(json::Object{
      {"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::replyError(const json::Value &id, int code,
                        const llvm::Twine &message) {
  transport.write(json::Object{
      {"jsonrpc", "2.0"},
      {"id", id},
      {"error", json::Object{{"code", code}, {"message", message.str()}}}});
}

void Server::handle(const json::Value &message) {
  const json::Object *object = message.getAsObject();
  if (!object) {
    replyError(nullptr, InvalidRequest, "a message must be a JSON object");
    return;
  }
  const json::Value *id = object->get("id");
  const json::Value *method = object->get("method");
  const json::Value *params = object->get("params");
  if (!method) {
    // A response to a request of ours (the server sends none): ignored.
    if (id && (object->get("result") || object->get("error")))
      return;
    replyError(id ? *id : json::Value(nullptr), InvalidRequest,
               "a message without 'method'");
    return;
  }
  if (!method->getAsString()) {
    replyError(id ? *id : json::Value(nullptr), InvalidRequest,
               "'method' must be a string");
    return;
  }
  if (params && !params->getAsObject() && !params->getAsArray()) {
    if (id)
      replyError(*id, InvalidRequest, "'params' must be an object or array");
    return;
  }
  const json::Object *paramsObject = params ? params->getAsObject() : nullptr;
  if (!id) {
    notification(*method->getAsString(), paramsObject);
    return;
  }
  if (!id->getAsString() && !id->getAsInteger()) {
    replyError(nullptr, InvalidRequest, "'id' must be a string or an integer");
    return;
  }
  request(*id, *method->getAsString(), paramsObject);
}

json::Value Server::initializeResult() {
  json::Object capabilities{
      {"textDocumentSync",
       json::Object{{"openClose", true}, {"change", 1 /* Full */}}},
      {"hoverProvider", true},
      {"definitionProvider", true},
      {"completionProvider",
       json::Object{{"triggerCharacters", json::Array{".", " ", "/"}}}},
  };
  return json::Object{
      {"capabilities", std::move(capabilities)},
      {"serverInfo",
       json::Object{{"name", "calcc"}, {"version", options.version}}}};
}

void Server::request(const json::Value &id, llvm::StringRef method,
                     const json::Object *params) {
  if (method == "initialize") {
    if (initialized) {
      replyError(id, InvalidRequest, "the server is already initialized");
      return;
    }
    initialized = true;
    reply(id, initializeResult());
    return;
  }
  if (!initialized) {
    replyError(id, ServerNotInitialized,
               "'" + method + "' before 'initialize'");
    return;
  }
  if (shutdownRequested) {
    replyError(id, InvalidRequest, "'" + method + "' after 'shutdown'");
    return;
  }
  if (method == "shutdown") {
    shutdownRequested = true;
    reply(id, nullptr);
    return;
  }
  bool isHover = method == "textDocument/hover";
  bool isDefinition = method == "textDocument/definition";
  bool isCompletion = method == "textDocument/completion";
  if (!isHover && !isDefinition && !isCompletion) {
    replyError(id, MethodNotFound, "unknown method '" + method + "'");
    return;
  }
  size_t offset = 0;
  Document *doc = position(id, params, offset);
  if (!doc)
    return;
  if (!isCompletion && !doc->analysis->mainFile() && doc->lastParsed) {
    reply(id, answerFromLastParsed(*doc, isHover, offset));
    return;
  }
  SchemaTable schemas(*doc->analysis, prelude());
  if (isHover)
    reply(id, hover(*doc->analysis, schemas, offset));
  else if (isDefinition)
    reply(id, definition(*doc->analysis, doc->uri, schemas, paths, offset));
  else
    reply(id, completion(doc->text, offset, schemas, doc->names));
}

json::Value Server::answerFromLastParsed(Document &doc, bool isHover,
                                         size_t offset) {
  DocumentAnalysis &last = *doc.lastParsed;
  LineMap lines(last.text(), doc.text);
  llvm::Optional<size_t> oldOffset = lines.toOld(offset);
  if (!oldOffset)
    return nullptr; // On a line being edited: nothing known about it.
  SchemaTable schemas(last, prelude());
  json::Value answer =
      isHover ? hover(last, schemas, *oldOffset)
              : definition(last, doc.uri, schemas, paths, *oldOffset);
  json::Object *object = answer.getAsObject();
  if (!object)
    return answer;
  json::Object *range = object->getObject("range");
  if (!range)
    return answer;
  if (isHover) {
    // A hover's range is in this document; without it the text still holds.
    if (!lines.rangeToNew(*range))
      object->erase("range");
    return answer;
  }
  // A definition elsewhere (an import, the stdlib) has not moved.
  llvm::Optional<llvm::StringRef> uri = object->getString("uri");
  if (uri && *uri == doc.uri && !lines.rangeToNew(*range))
    return nullptr;
  return answer;
}

Server::Document *Server::position(const json::Value &id,
                                   const json::Object *params, size_t &offset) {
  const json::Object *textDocument =
      params ? params->getObject("textDocument") : nullptr;
  llvm::Optional<llvm::StringRef> uri =
      textDocument ? textDocument->getString("uri") : llvm::None;
  const json::Object *pos = params ? params->getObject("position") : nullptr;
  llvm::Optional<int64_t> line = pos ? pos->getInteger("line") : llvm::None;
  llvm::Optional<int64_t> character =
      pos ? pos->getInteger("character") : llvm::None;
  if (!uri || !line || !character || *line < 0 || *character < 0) {
    replyError(id, InvalidParams,
               "expected 'textDocument.uri' and 'position' {line, character}");
    return nullptr;
  }
  auto it = documents.find(*uri);
  if (it == documents.end()) {
    replyError(id, InvalidParams, "'" + *uri + "' is not an open document");
    return nullptr;
  }
  Position p;
  p.line = unsigned(std::min<int64_t>(*line, UINT32_MAX));
  p.character = unsigned(std::min<int64_t>(*character, UINT32_MAX));
  offset = offsetOf(it->second.text, p);
  return &it->second;
}

void Server::notification(llvm::StringRef method, const json::Object *params) {
  if (method == "exit") {
    exited = true;
    return;
  }
  // Before `initialize` and after `shutdown`, notifications are dropped.
  if (!initialized || shutdownRequested || !params)
    return;
  if (method == "textDocument/didOpen")
    open(*params);
  else if (method == "textDocument/didChange")
    change(*params);
  else if (method == "textDocument/didClose")
    close(*params);
  // `initialized`, `$/…` and anything else: nothing to do.
}

/// The file a URI names; a URI that is not a local file (an unsaved
/// editor buffer) is its own name, its imports resolved from the current
/// directory.
static std::string documentPath(llvm::StringRef uri) {
  std::string path = uriToPath(uri);
  return path.empty() ? uri.str() : path;
}

void Server::open(const json::Object &params) {
  const json::Object *item = params.getObject("textDocument");
  if (!item)
    return;
  llvm::Optional<llvm::StringRef> uri = item->getString("uri");
  llvm::Optional<llvm::StringRef> text = item->getString("text");
  if (!uri || !text)
    return;
  Document &doc = documents[*uri];
  doc.uri = uri->str();
  doc.path = documentPath(*uri);
  doc.text = text->str();
  doc.version = item->getInteger("version").getValueOr(0);
  doc.names = KnownNames();
  doc.lastParsed.reset();
  analyse(uri->str(), doc);
}

void Server::change(const json::Object &params) {
  const json::Object *item = params.getObject("textDocument");
  const json::Array *changes = params.getArray("contentChanges");
  llvm::Optional<llvm::StringRef> uri =
      item ? item->getString("uri") : llvm::None;
  if (!uri || !changes)
    return;
  auto it = documents.find(*uri);
  if (it == documents.end())
    return;
  Document &doc = it->second;
  for (const json::Value &c : *changes) {
    const json::Object *change = c.getAsObject();
    llvm::Optional<llvm::StringRef> text =
        change ? change->getString("text") : llvm::None;
    if (!text)
      continue;
    const json::Object *range = change->getObject("range");
    const json::Object *start = range ? range->getObject("start") : nullptr;
    const json::Object *end = range ? range->getObject("end") : nullptr;
    if (!start || !end) { // The whole text (what the server asks for).
      doc.text = text->str();
      continue;
    }
    auto at = [&](const json::Object *p) {
      Position pos;
      pos.line =
          unsigned(std::max<int64_t>(0, p->getInteger("line").getValueOr(0)));
      pos.character = unsigned(
          std::max<int64_t>(0, p->getInteger("character").getValueOr(0)));
      return offsetOf(doc.text, pos);
    };
    size_t from = at(start), to = std::max(from, at(end));
    doc.text = doc.text.substr(0, from) + text->str() + doc.text.substr(to);
  }
  doc.version = item->getInteger("version").getValueOr(doc.version);
  analyse(uri->str(), doc);
}

void Server::close(const json::Object &params) {
  const json::Object *item = params.getObject("textDocument");
  llvm::Optional<llvm::StringRef> uri =
      item ? item->getString("uri") : llvm::None;
  if (!uri || !documents.count(*uri))
    return;
  documents.erase(*uri);
  // Clear what the editor shows for a file no longer open.
  transport.write(
      json::Object{{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", json::Object{{"uri", uri->str()},
                                           {"diagnostics", json::Array()}}}});
}

/// Whether \p path is a stdlib's prelude (the source tree's
/// stdlib/prelude.calc, --stdlib-dir's, or the embedded one written out for
/// go to definition): it is checked as the prelude, where schemas belong,
/// rather than as a program that may not declare them.
static bool isPreludePath(llvm::StringRef path, llvm::StringRef stdlibDir) {
  namespace sp = llvm::sys::path;
  if (sp::filename(path) != "prelude.calc")
    return false;
  llvm::StringRef dir = sp::parent_path(path);
  llvm::StringRef dirName = sp::filename(dir);
  if (dirName == "stdlib" || dirName.startswith("stdlib-"))
    return true;
  llvm::SmallString<256> a, b;
  return !stdlibDir.empty() && !llvm::sys::fs::real_path(dir, a) &&
         !llvm::sys::fs::real_path(stdlibDir, b) && a == b;
}

void Server::analyse(const std::string &uri, Document &doc) {
  ImportOptions imports = options.imports;
  imports.mainIsPrelude = isPreludePath(doc.path, imports.stdlibDir);
  std::unique_ptr<DocumentAnalysis> previous = std::move(doc.analysis);
  doc.analysis =
      std::make_unique<DocumentAnalysis>(doc.path, doc.text, imports);
  if (doc.analysis->mainFile())
    doc.lastParsed.reset();
  else if (previous && previous->mainFile())
    doc.lastParsed = std::move(previous);
  if (doc.analysis->sema())
    doc.names = knownNames(*doc.analysis);
  publish(uri, doc);
}

/// The buffer of the import of \p file that (transitively) loaded buffer
/// \p target: where an error in an imported file is shown in its importer.
static const ast::Import *
importReaching(const ast::File *file, unsigned target,
               llvm::DenseSet<const ast::File *> &seen) {
  for (const ast::Import &import : file->imports) {
    if (!import.target || !seen.insert(import.target).second)
      continue;
    if (import.target->bufferId == target ||
        importReaching(import.target, target, seen))
      return &import;
  }
  return nullptr;
}

/// The range of the first `import` line of \p text that names the file
/// \p bufferName (by its file name), else of the first `import` line, else
/// the start of the text.
static json::Value importLine(llvm::StringRef text,
                              llvm::StringRef bufferName) {
  llvm::StringRef name = llvm::sys::path::filename(bufferName);
  llvm::Optional<std::pair<size_t, size_t>> first, named;
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find('\n', start), text.size());
    llvm::StringRef line = text.slice(start, end);
    llvm::StringRef code = line.ltrim();
    if (code.startswith("import")) {
      size_t from = start + (line.size() - code.size());
      size_t to = start + line.rtrim().size();
      if (!first)
        first = {from, to};
      if (!named && (code.contains("/" + name.str() + "\"") ||
                     code.contains("\"" + name.str() + "\"")))
        named = {from, to};
    }
    start = end + 1;
  }
  auto span = named ? named : first;
  if (!span)
    return rangeJSON(Position(), Position());
  return rangeJSON(positionOf(text, span->first),
                   positionOf(text, span->second));
}

void Server::publish(const std::string &uri, Document &doc) {
  DocumentAnalysis &a = *doc.analysis;
  llvm::SourceMgr &sm = a.sourceMgr();
  unsigned main = a.mainBuffer();
  auto where = [&](const Diagnostic &d) -> std::string {
    unsigned buffer = bufferOf(sm, d.loc);
    auto lc = sm.getLineAndColumn(d.loc, buffer);
    return std::string(sm.getMemoryBuffer(buffer)->getBufferIdentifier()) +
           ":" + std::to_string(lc.first) + ":" + std::to_string(lc.second);
  };
  auto rangeIn = [&](const Diagnostic &d, unsigned buffer) {
    llvm::SMRange range(d.loc, d.loc);
    for (const llvm::SMRange &r : d.ranges)
      if (r.isValid() && bufferOf(sm, r.Start) == buffer &&
          r.Start.getPointer() <= d.loc.getPointer() &&
          d.loc.getPointer() <= r.End.getPointer()) {
        range = r;
        break;
      }
    if (range.Start == range.End) { // A caret alone: one character.
      llvm::StringRef text = sm.getMemoryBuffer(buffer)->getBuffer();
      const char *p = d.loc.getPointer();
      if (p < text.end() && *p != '\n' && *p != '\r')
        range.End = llvm::SMLoc::getFromPointer(p + 1);
    }
    return rangeJSON(sm, buffer, range);
  };
  json::Array out;
  for (const DiagnosticGroup &g : a.diagnostics()) {
    const Diagnostic &d = g.primary;
    std::string message = d.message;
    json::Value range = rangeJSON(Position(), Position());
    unsigned buffer = bufferOf(sm, d.loc);
    if (buffer == main) {
      range = rangeIn(d, main);
    } else if (buffer) {
      // In an imported file: shown at the import that reaches it.
      message.insert(0, where(d) + ": ");
      llvm::DenseSet<const ast::File *> seen;
      const ast::Import *import =
          a.mainFile() ? importReaching(a.mainFile(), buffer, seen) : nullptr;
      if (import)
        range = rangeJSON(sm, main, import->range);
      else // The program did not load: the import line naming the file.
        range = importLine(a.text(),
                           sm.getMemoryBuffer(buffer)->getBufferIdentifier());
    }
    json::Array related;
    for (const Diagnostic &n : g.notes) {
      unsigned nb = bufferOf(sm, n.loc);
      std::string file =
          nb == main ? doc.path
          : nb ? paths.pathFor(sm.getMemoryBuffer(nb)->getBufferIdentifier())
               : "";
      if (!nb || file.empty()) {
        message += "\nnote: " + n.message;
        continue;
      }
      related.push_back(json::Object{
          {"location", json::Object{{"uri", nb == main ? uri : pathToURI(file)},
                                    {"range", rangeIn(n, nb)}}},
          {"message", n.message}});
    }
    json::Object diag{{"range", std::move(range)},
                      {"severity", d.severity == Severity::Error ? 1 : 2},
                      {"source", "calcc"},
                      {"message", std::move(message)}};
    if (!related.empty())
      diag["relatedInformation"] = std::move(related);
    out.push_back(std::move(diag));
  }
  transport.write(
      json::Object{{"jsonrpc", "2.0"},
                   {"method", "textDocument/publishDiagnostics"},
                   {"params", json::Object{{"uri", uri},
                                           {"version", doc.version},
                                           {"diagnostics", std::move(out)}}}});
}
