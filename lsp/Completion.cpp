//===- Completion.cpp - textDocument/completion ---------------------------===//
//
// Completion reads the text, not the AST: while the user types, the file
// rarely parses. A scan from the start of the text to the cursor (skipping
// strings and comments) keeps the headers of the open blocks (`model x : y`,
// `evaluate r = training`, `networks[0]`, `execution = base`); each header
// names the schema of its block given its parent's. Then:
//   * after a number, a list or `as`: the unit words (language-reference §3);
//   * after `name.`: the fields of what the dotted name refers to;
//   * in a block: the fields of its schema, then the names in scope and the
//     keywords; at file level the names and the keywords.
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"

#include "ir/Units.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Regex.h"

using namespace calc;
using namespace calc::lsp;

// The LSP's CompletionItemKind values used here.
enum ItemKind {
  Field = 5,
  Variable = 6,
  Class = 7,
  Module = 9,
  UnitItem = 11,
  Keyword = 14
};

/// Reserved and contextual keywords (grammar/CalcLexer.g4); the completion
/// test checks this list against the lexer.
static const char *const keywords[] = {
    "and",     "as",       "assert",   "by",     "else",   "evaluate",
    "expect",  "false",    "if",       "import", "in",     "keep",
    "let",     "maximize", "minimize", "mod",    "not",    "or",
    "output",  "require",  "search",   "steps",  "super",  "then",
    "true",    "where",    "within",   "model",  "system", "execution",
    "serving", "schema",   "derived",  "table",  "csv",    "json",
    "plot",    "to"};

KnownNames lsp::knownNames(const DocumentAnalysis &doc) {
  KnownNames known;
  const Sema *sema = doc.sema();
  if (!sema || !doc.mainFile())
    return known;
  // Schemas are types, not values: they are left out.
  auto kindOf = [](const ast::Decl *d) -> std::string {
    if (auto *e = llvm::dyn_cast<ast::EntityDecl>(d))
      return ast::EntityDecl::kindName(e->entityKind).str();
    return llvm::isa<ast::LetDecl>(d) ? "let" : "";
  };
  for (const auto &entry : sema->visible(doc.mainFile())) {
    const Symbol &sym = entry.second;
    if (sym.kind == Symbol::Namespace) {
      known.names.emplace_back(entry.first.str(), "namespace");
      auto &members = known.namespaces[entry.first.str()];
      for (const auto &inner : sema->exported(sym.file))
        if (inner.second.kind == Symbol::Decl &&
            !kindOf(inner.second.decl).empty())
          members.emplace_back(inner.first.str(), kindOf(inner.second.decl));
      continue;
    }
    std::string kind = kindOf(sym.decl);
    if (!kind.empty())
      known.names.emplace_back(entry.first.str(), kind);
  }
  return known;
}

namespace {

/// "0007": keeps the server's order when the client sorts by text.
std::string sortKey(size_t index) {
  std::string key = std::to_string(index);
  return std::string(key.size() < 4 ? 4 - key.size() : 0, '0') + key;
}

bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_'; }

/// One open block: its header text and the schema it was found to have.
struct Frame {
  std::string header;
  const ir::Schema *schema = nullptr;
  bool interpolation = false; ///< `${ … }` in a string.
};

/// The state of the text just before the cursor.
struct Context {
  std::vector<Frame> frames;
  bool inCommentOrString = false;
};

const ir::FieldDecl *fieldOf(const ir::Schema *schema, llvm::StringRef name) {
  if (!schema)
    return nullptr;
  int slot = schema->lookup(name);
  return slot < 0 ? nullptr : &schema->fields[slot];
}

class Completer {
public:
  Completer(const SchemaTable &schemas, const KnownNames &names,
            llvm::StringRef text)
      : schemas(schemas), names(names) {
    // Declarations visible in the current text, even when it does not parse.
    llvm::Regex decl("^[ \t]*(model|system|execution|serving|let)[ \t]+"
                     "([A-Za-z_][A-Za-z0-9_]*)");
    llvm::SmallVector<llvm::StringRef, 64> lines;
    text.split(lines, '\n');
    // A result is named like the schema of its fields: `training_result`.
    llvm::Regex result("^[ \t]*(evaluate|search)[ \t]+([A-Za-z_][A-Za-z0-9_]*)"
                       "[ \t]*=[ \t]*([A-Za-z_][A-Za-z0-9_]*)");
    for (llvm::StringRef line : lines) {
      llvm::SmallVector<llvm::StringRef, 4> m;
      if (decl.match(line, &m))
        textNames.emplace_back(m[2].str(), m[1].str());
      else if (result.match(line, &m))
        textNames.emplace_back(m[2].str(), m[3].str() + "_result");
    }
  }

  /// The kind of the top-level name \p name ("model", "let", …), or "".
  std::string kindOf(llvm::StringRef name) const {
    for (const auto &n : names.names)
      if (n.first == name)
        return n.second;
    for (const auto &n : textNames)
      if (n.first == name)
        return n.second;
    return "";
  }

  /// The schema of the value named by the dotted \p path in \p frames.
  const ir::Schema *resolvePath(llvm::StringRef path,
                                const std::vector<Frame> &frames) const {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    path.split(parts, '.');
    const ir::Schema *schema = nullptr;
    size_t first = 0;
    // `ns.entity…`: the entity's kind names its schema.
    auto ns = names.namespaces.find(parts[0].trim().str());
    if (ns != names.namespaces.end() && parts.size() > 1) {
      for (const auto &member : ns->second)
        if (member.first == parts[1].split('[').first.trim())
          schema = schemas.get(member.second);
      first = 2;
    }
    for (size_t i = first; i < parts.size(); ++i) {
      llvm::StringRef part = parts[i].split('[').first.trim();
      if (i > first) {
        const ir::FieldDecl *f = fieldOf(schema, part);
        schema = f ? f->type.schema : nullptr;
        continue;
      }
      for (auto it = frames.rbegin(); it != frames.rend() && !schema; ++it)
        if (const ir::FieldDecl *f = fieldOf(it->schema, part))
          schema = f->type.schema;
      if (!schema)
        schema = schemas.get(kindOf(part));
    }
    return schema;
  }

  /// The schema of a block with \p header inside \p frames.
  const ir::Schema *schemaOfHeader(llvm::StringRef header,
                                   const std::vector<Frame> &frames) const {
    const ir::Schema *parent = frames.empty() ? nullptr : frames.back().schema;
    llvm::SmallVector<llvm::StringRef, 4> m;
    static const char *const id = "[A-Za-z_][A-Za-z0-9_]*";
    std::string qname = std::string(id) + "(\\." + id + ")*";
    if (llvm::Regex("^(model|system|execution|serving)[ \t]+" + std::string(id))
            .match(header, &m))
      return schemas.get(m[1]);
    if (llvm::Regex("^(evaluate|search)[ \t]+" + std::string(id) +
                    "[ \t]*=[ \t]*(" + id + ")$")
            .match(header, &m))
      return schemas.get(m[2]);
    // `output table r {`: the columns are read in r.
    if (llvm::Regex("^output[ \t]+(table|csv|json|plot)[ \t]+(" + std::string(id) +
                    ")$")
            .match(header, &m))
      return resolvePath(m[2], frames);
    if (header.endswith("steps") || header.startswith("output"))
      return nullptr;
    // `name {` or `name[i] {`: a nested block of the parent.
    if (llvm::Regex("^(" + std::string(id) + ")[ \t]*(\\[.*\\])?$")
            .match(header, &m)) {
      if (const ir::FieldDecl *f = fieldOf(parent, m[1]))
        return f->type.schema;
      return resolvePath(m[1], frames);
    }
    // `field = base {`: an amend takes the field's type.
    if (llvm::Regex("^(" + std::string(id) + ")[ \t]*=[^=]").match(header, &m))
      if (const ir::FieldDecl *f = fieldOf(parent, m[1]))
        if (f->type.schema)
          return f->type.schema;
    // Any other amend: the schema of the dotted name before `{`.
    if (llvm::Regex("(" + qname + ")[ \t]*$").match(header, &m))
      return resolvePath(m[1], frames);
    return nullptr;
  }

  /// Scans \p text up to \p end.
  Context scan(llvm::StringRef text, size_t end) const {
    Context ctx;
    size_t headerStart = 0;
    bool inString = false;
    for (size_t i = 0; i < end; ++i) {
      char c = text[i];
      if (inString) {
        if (c == '\\')
          ++i;
        else if (c == '"' || c == '\n')
          inString = false;
        else if (c == '$' && i + 1 < text.size() && text[i + 1] == '{') {
          ctx.frames.push_back({"", nullptr, true});
          inString = false;
          ++i;
          headerStart = i + 1;
        }
        continue;
      }
      if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
        size_t nl = text.find('\n', i);
        if (nl == llvm::StringRef::npos || nl >= end) {
          ctx.inCommentOrString = true;
          return ctx;
        }
        i = nl;
        headerStart = i + 1;
        continue;
      }
      if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
        size_t close = text.find("*/", i + 2);
        if (close == llvm::StringRef::npos || close + 2 > end) {
          ctx.inCommentOrString = true;
          return ctx;
        }
        i = close + 1;
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '{') {
        llvm::StringRef header = text.slice(headerStart, i).trim();
        ctx.frames.push_back(
            {header.str(), schemaOfHeader(header, ctx.frames), false});
        headerStart = i + 1;
      } else if (c == '}') {
        bool wasInterpolation =
            !ctx.frames.empty() && ctx.frames.back().interpolation;
        if (!ctx.frames.empty())
          ctx.frames.pop_back();
        inString = wasInterpolation;
        headerStart = i + 1;
      } else if (c == ';' || c == '\n') {
        headerStart = i + 1;
      }
    }
    ctx.inCommentOrString = inString;
    return ctx;
  }

  void add(llvm::StringRef label, int kind, llvm::StringRef detail,
           llvm::StringRef doc = "") {
    if (!label.startswith(prefix) || !seen.insert(label).second)
      return;
    // json::Value borrows a StringRef: every string here is copied.
    llvm::json::Object item{{"label", label.str()},
                            {"kind", kind},
                            {"sortText", sortKey(items.size())}};
    if (!detail.empty())
      item["detail"] = detail.str();
    if (!doc.empty())
      item["documentation"] = doc.str();
    items.push_back(std::move(item));
  }

  void addFields(const ir::Schema *schema) {
    if (!schema)
      return;
    for (const ir::FieldDecl &f : schema->fields) {
      std::string detail = typeText(f);
      if (!f.unit.isNone())
        detail += " in " + f.unit.text.str();
      add(f.name, Field, detail, f.doc);
    }
  }

  void addNames() {
    for (const auto &n : names.names)
      add(n.first,
          n.second == "let"         ? Variable
          : n.second == "namespace" ? Module
                                    : Class,
          n.second);
    for (const auto &n : textNames)
      add(n.first,
          n.second == "let" || llvm::StringRef(n.second).endswith("_result")
              ? Variable
              : Class,
          n.second);
  }

  llvm::json::Value run(llvm::StringRef text, size_t offset) {
    offset = std::min(offset, text.size());
    size_t start = offset;
    while (start > 0 && isIdentChar(text[start - 1]))
      --start;
    // `80GiB`: the word under the cursor starts with the number.
    size_t digits = start;
    while (digits < offset && llvm::isDigit(text[digits]))
      ++digits;
    bool glued = digits > start && digits < offset &&
                 !isIdentChar(start ? text[start - 1] : ' ');
    if (glued)
      start = digits;
    prefix = text.slice(start, offset);
    Context ctx = scan(text, start);
    if (ctx.inCommentOrString)
      return complete();
    llvm::StringRef before = text.take_front(start).rtrim(" \t");
    static llvm::Regex afterNumber(
        "(^|[^A-Za-z0-9_.])[0-9][0-9_]*(\\.[0-9][0-9_]*)?([eE][-+]?[0-9_]+)?$");
    static llvm::Regex afterUnitSlash(
        "[0-9][ \t]*[A-Za-z]+([ \t]*/[ \t]*[A-Za-z]+)*[ \t]*/$");
    static llvm::Regex afterAs("(^|[^A-Za-z0-9_])as$");
    static llvm::Regex afterList("\\]$");
    if (glued || afterNumber.match(before) || afterUnitSlash.match(before) ||
        afterAs.match(before) || afterList.match(before)) {
      for (llvm::StringRef word : ir::unitWords())
        add(word, UnitItem, "unit");
      return complete();
    }
    if (before.endswith(".")) {
      llvm::StringRef path = before.drop_back();
      size_t pathStart = path.size();
      while (pathStart > 0 &&
             (isIdentChar(path[pathStart - 1]) || path[pathStart - 1] == '.' ||
              path[pathStart - 1] == '[' || path[pathStart - 1] == ']'))
        --pathStart;
      path = path.drop_front(pathStart);
      auto ns = names.namespaces.find(path.str());
      if (ns != names.namespaces.end())
        for (const auto &member : ns->second)
          add(member.first, member.second == "let" ? Variable : Class,
              member.second);
      else if (path == "super")
        addFields(ctx.frames.empty() ? nullptr : ctx.frames.back().schema);
      else if (!path.empty())
        addFields(resolvePath(path, ctx.frames));
      return complete();
    }
    if (!ctx.frames.empty())
      addFields(ctx.frames.back().schema);
    addNames();
    for (const char *k : keywords)
      add(k, Keyword, "keyword");
    return complete();
  }

private:
  llvm::json::Value complete() {
    return llvm::json::Object{{"isIncomplete", false},
                              {"items", std::move(items)}};
  }

  const SchemaTable &schemas;
  const KnownNames &names;
  std::vector<std::pair<std::string, std::string>> textNames;
  llvm::StringRef prefix;
  llvm::StringSet<> seen;
  llvm::json::Array items;
};

} // namespace

llvm::json::Value lsp::completion(llvm::StringRef text, size_t offset,
                                  const SchemaTable &schemas,
                                  const KnownNames &names) {
  return Completer(schemas, names, text).run(text, offset);
}
