//===- Formatter.cpp - The canonical layout of a .calc file ---------------===//
#include "frontend/Formatter.h"

#include "frontend/Parser.h"
#include "frontend/TokenChecks.h"

#include "CalcLexer.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>
#include <memory>
#include <vector>

using namespace calc;
using grammar::CalcLexer;

namespace {

/// A token of a line and the whitespace the source had before it.
struct Piece {
  size_t type;
  std::string text;
  /// Spaces before it in the source on the same line (0: adjacent).
  unsigned gap = 0;
};

/// One source line: its tokens (comments included) and the blank lines
/// the source had before it.
struct Line {
  std::vector<Piece> pieces;
  unsigned blanksBefore = 0;
  unsigned indent = 0; ///< levels of two spaces
  /// The `=` column to pad the first piece's name to (one-field lines).
  size_t alignTo = 0;
};

bool isComment(size_t type) {
  return type == CalcLexer::LINE_COMMENT || type == CalcLexer::DOC_COMMENT ||
         type == CalcLexer::BLOCK_COMMENT;
}

/// Tokens after which an expression must go on: the next line continues it.
bool continuesAfter(size_t type) {
  switch (type) {
  case CalcLexer::ASSIGN:
  case CalcLexer::PLUS:
  case CalcLexer::MINUS:
  case CalcLexer::STAR:
  case CalcLexer::SLASH:
  case CalcLexer::CARET:
  case CalcLexer::AND:
  case CalcLexer::OR:
  case CalcLexer::NOT:
  case CalcLexer::MOD:
  case CalcLexer::EQEQ:
  case CalcLexer::NEQ:
  case CalcLexer::LE:
  case CalcLexer::GE:
  case CalcLexer::LT:
  case CalcLexer::GT:
  case CalcLexer::IF:
  case CalcLexer::THEN:
  case CalcLexer::ELSE:
  case CalcLexer::PIPE:
  case CalcLexer::DOTDOT:
  case CalcLexer::BY:
  case CalcLexer::IN:
  case CalcLexer::WITHIN:
    return true;
  default:
    return false;
  }
}

/// Tokens that cannot start an item, so a line starting with one continues
/// the line before (`and x > 1`). `-` is left out: it may start a value.
bool continuesBefore(size_t type) {
  return type != CalcLexer::MINUS && type != CalcLexer::NOT &&
         type != CalcLexer::IF && continuesAfter(type);
}

/// Splits \p text into lines of pieces (the text has parsed, so every
/// token is one the lexer reads).
std::vector<Line> splitLines(llvm::StringRef text) {
  antlr4::ANTLRInputStream input(text.str());
  CalcLexer lexer(&input);
  lexer.removeErrorListeners();
  std::vector<Line> lines(1);
  unsigned gap = 0;
  for (std::unique_ptr<antlr4::Token> &token : lexer.getAllTokens()) {
    std::string tokenText = token->getText();
    size_t type = token->getType();
    if (type == CalcLexer::WS) {
      size_t newlines = std::count(tokenText.begin(), tokenText.end(), '\n');
      if (newlines == 0) {
        // Tabs and runs of spaces count as their width in spaces.
        gap += unsigned(tokenText.size());
        continue;
      }
      lines.emplace_back();
      lines.back().blanksBefore = unsigned(newlines - 1);
      gap = 0;
      continue;
    }
    if (isComment(type))
      tokenText = llvm::StringRef(tokenText).rtrim(" \t\r").str();
    lines.back().pieces.push_back({type, std::move(tokenText), gap});
    gap = 0;
  }
  return lines;
}

/// Indentation: open brackets at the line's start, less the closers it
/// starts with, one more for a line that continues an expression.
void indent(std::vector<Line> &lines) {
  int depth = 0;
  const Piece *lastCode = nullptr;
  int lastCodeDepth = 0;
  for (Line &line : lines) {
    if (line.pieces.empty())
      continue;
    int leadingClosers = 0;
    for (const Piece &p : line.pieces) {
      if (!closesNesting(p.type))
        break;
      ++leadingClosers;
    }
    int level = std::max(0, depth - leadingClosers);
    const Piece &first = line.pieces.front();
    bool continuation =
        leadingClosers == 0 && !isComment(first.type) &&
        ((lastCode && continuesAfter(lastCode->type) &&
          lastCodeDepth == depth) ||
         continuesBefore(first.type));
    line.indent = unsigned(level + (continuation ? 1 : 0));
    for (const Piece &p : line.pieces) {
      if (opensNesting(p.type))
        ++depth;
      else if (closesNesting(p.type))
        depth = std::max(0, depth - 1);
      if (!isComment(p.type)) {
        lastCode = &p;
        lastCodeDepth = depth;
      }
    }
  }
}

/// The spaces between two pieces of a line.
unsigned spacing(const Piece &before, const Piece &after) {
  if (isComment(after.type))
    return std::max(after.gap, 1u); // trailing comments keep their distance
  if (after.type == CalcLexer::COMMA || after.type == CalcLexer::SEMI)
    return 0;
  if (before.type == CalcLexer::COMMA || before.type == CalcLexer::SEMI ||
      before.type == CalcLexer::ASSIGN || after.type == CalcLexer::ASSIGN)
    return 1;
  if (before.type == CalcLexer::LPAREN || before.type == CalcLexer::LBRACKET ||
      after.type == CalcLexer::RPAREN || after.type == CalcLexer::RBRACKET)
    return 0;
  return after.gap ? 1 : 0;
}

/// A line holding one field and nothing else: `name = value` with its
/// brackets closed on the line and no `;`.
bool isOneFieldLine(const Line &line) {
  const std::vector<Piece> &p = line.pieces;
  if (p.size() < 3 || p[1].type != CalcLexer::ASSIGN ||
      (p[0].type != CalcLexer::ID && !(p[0].type >= CalcLexer::MODEL &&
                                       p[0].type <= CalcLexer::TO)))
    return false;
  int depth = 0;
  for (const Piece &piece : p) {
    if (piece.type == CalcLexer::SEMI)
      return false;
    if (opensNesting(piece.type))
      ++depth;
    else if (closesNesting(piece.type))
      --depth;
  }
  return depth == 0;
}

/// Pads the names of runs of one-field lines at one level so their `=`
/// line up. Comment lines neither break a run nor take part; a blank line
/// or any other line ends it.
void align(std::vector<Line> &lines) {
  std::vector<Line *> run;
  auto flush = [&] {
    size_t width = 0;
    for (Line *l : run)
      width = std::max(width, l->pieces.front().text.size());
    for (Line *l : run)
      l->alignTo = width;
    run.clear();
  };
  for (Line &line : lines) {
    if (line.pieces.empty())
      continue;
    bool commentOnly = isComment(line.pieces.front().type);
    if (line.blanksBefore > 0 ||
        (!run.empty() && !commentOnly && run.back()->indent != line.indent))
      flush();
    if (commentOnly)
      continue;
    if (isOneFieldLine(line))
      run.push_back(&line);
    else
      flush();
  }
  flush();
}

std::string render(const std::vector<Line> &lines) {
  std::string out;
  bool started = false;
  const Line *previous = nullptr;
  for (const Line &line : lines) {
    if (line.pieces.empty())
      continue;
    if (started) {
      bool afterOpener = previous && opensNesting(previous->pieces.back().type);
      bool beforeCloser = closesNesting(line.pieces.front().type);
      if (line.blanksBefore > 0 && !afterOpener && !beforeCloser)
        out += '\n';
    }
    started = true;
    out.append(2 * size_t(line.indent), ' ');
    for (size_t i = 0; i < line.pieces.size(); ++i) {
      const Piece &p = line.pieces[i];
      if (i > 0)
        out.append(spacing(line.pieces[i - 1], p), ' ');
      out += p.text;
      if (i == 0 && line.alignTo > p.text.size())
        out.append(line.alignTo - p.text.size(), ' ');
    }
    out += '\n';
    previous = &line;
  }
  return out;
}

/// The token stream without whitespace: what the layout may not change.
std::vector<std::string> tokensOf(llvm::StringRef text) {
  std::vector<std::string> out;
  for (const Line &line : splitLines(text))
    for (const Piece &p : line.pieces)
      out.push_back(std::to_string(p.type) + " " + p.text);
  return out;
}

} // namespace

bool calc::formatBuffer(DiagnosticEngine &diags, unsigned bufferId,
                        std::string &out) {
  if (!Parser(diags).parseFile(bufferId) || diags.hasErrors())
    return false;
  llvm::StringRef text =
      diags.getSourceMgr().getMemoryBuffer(bufferId)->getBuffer();
  bool byteOrderMark = text.startswith("\xEF\xBB\xBF");
  if (byteOrderMark)
    text = text.drop_front(3);
  std::vector<Line> lines = splitLines(text);
  indent(lines);
  align(lines);
  out = render(lines);
  if (tokensOf(out) != tokensOf(text)) {
    diags.error("internal error: formatting would change the tokens of '" +
                diags.getSourceMgr()
                    .getMemoryBuffer(bufferId)
                    ->getBufferIdentifier() +
                "'; the file is left as it is");
    return false;
  }
  if (byteOrderMark)
    out.insert(0, "\xEF\xBB\xBF");
  return true;
}
