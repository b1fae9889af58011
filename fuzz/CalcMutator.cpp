//===- CalcMutator.cpp - Token- and line-level mutations of `.calc` text --===//
//
// See CalcMutator.h. The tokenizer is deliberately rougher than the real
// lexer (grammar/CalcLexer.g4): it only needs to cut text into pieces that
// are worth exchanging, and must accept any bytes.
//
//===----------------------------------------------------------------------===//
#include "fuzz/CalcMutator.h"

#include "stdlib/EmbeddedStdlib.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <random>
#include <vector>

using namespace calc;
using llvm::StringRef;

namespace {

enum class Kind { Space, Ident, Number, String, Comment, Punct };

struct Token {
  Kind kind;
  std::string text;
};

bool isIdentStart(char c) { return llvm::isAlpha(c) || c == '_'; }
bool isIdentChar(char c) { return llvm::isAlnum(c) || c == '_'; }

std::vector<Token> tokenize(StringRef s) {
  std::vector<Token> out;
  size_t i = 0;
  auto take = [&](Kind kind, size_t end) {
    out.push_back({kind, s.slice(i, end).str()});
    i = end;
  };
  while (i < s.size()) {
    char c = s[i];
    size_t j = i + 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' ||
                              s[j] == '\r'))
        ++j;
      take(Kind::Space, j);
    } else if (isIdentStart(c)) {
      while (j < s.size() && isIdentChar(s[j]))
        ++j;
      take(Kind::Ident, j);
    } else if (llvm::isDigit(c)) {
      while (j < s.size() &&
             (isIdentChar(s[j]) || s[j] == '.' ||
              ((s[j] == '+' || s[j] == '-') && (s[j - 1] == 'e' || s[j - 1] == 'E'))))
        ++j;
      take(Kind::Number, j);
    } else if (c == '"') {
      while (j < s.size() && s[j] != '"' && s[j] != '\n')
        j += s[j] == '\\' ? 2 : 1;
      take(Kind::String, std::min(j + 1, s.size()));
    } else if (c == '/' && j < s.size() && s[j] == '/') {
      while (j < s.size() && s[j] != '\n')
        ++j;
      take(Kind::Comment, j);
    } else {
      // Two-character operators stay whole: `==`, `<=`, `>=`, `!=`, `->`, `..`.
      if (j < s.size() && StringRef("=<>!-.").contains(c) &&
          StringRef("=>.").contains(s[j]))
        ++j;
      take(Kind::Punct, j);
    }
  }
  return out;
}

/// Donor tokens by kind, and donor lines, from every embedded stdlib file.
struct Donors {
  std::vector<std::string> byKind[6];
  std::vector<std::string> units; ///< Identifiers written after a number.
  std::vector<std::string> lines;

  Donors() {
    for (const stdlib::EmbeddedFile &file : stdlib::embeddedFiles()) {
      std::vector<Token> tokens = tokenize(file.contents);
      for (size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind == Kind::Space)
          continue;
        byKind[int(tokens[i].kind)].push_back(tokens[i].text);
        if (tokens[i].kind == Kind::Ident && i >= 2 &&
            tokens[i - 1].kind == Kind::Space &&
            tokens[i - 2].kind == Kind::Number)
          units.push_back(tokens[i].text);
      }
      llvm::SmallVector<StringRef, 64> fileLines;
      file.contents.split(fileLines, '\n');
      for (StringRef line : fileLines)
        if (!line.trim().empty())
          lines.push_back(line.str());
    }
    // Values at the edges of what the front end and the evaluator accept.
    for (const char *n :
         {"0", "1", "-1", "2", "3", "0.5", "1e308", "1e-308", "4.9e-324",
          "9223372036854775807", "9223372036854775808", "18446744073709551616",
          "1_000", "0x10", "1e", "1.", "00", "4294967295", "4294967296"})
      byKind[int(Kind::Number)].push_back(n);
    for (const char *s : {"\"\"", "\"${x}\"", "\"$\"", "\"\\n\"", "\"\\q\""})
      byKind[int(Kind::String)].push_back(s);
  }
};

const Donors &donors() {
  static const Donors d;
  return d;
}

template <class T> const T &pick(const std::vector<T> &v, std::minstd_rand &rng) {
  return v[rng() % v.size()];
}

std::string join(const std::vector<Token> &tokens) {
  std::string out;
  for (const Token &t : tokens)
    out += t.text;
  return out;
}

/// Indices of the tokens of \p kind (all non-space tokens for Space).
std::vector<size_t> indicesOf(const std::vector<Token> &tokens, Kind kind) {
  std::vector<size_t> out;
  for (size_t i = 0; i < tokens.size(); ++i)
    if (kind == Kind::Space ? tokens[i].kind != Kind::Space
                            : tokens[i].kind == kind)
      out.push_back(i);
  return out;
}

/// Replaces a token of \p kind with a donor of the same kind (or, half the
/// time, with another token of that kind from the text itself).
bool replaceToken(std::vector<Token> &tokens, Kind kind, std::minstd_rand &rng) {
  std::vector<size_t> at = indicesOf(tokens, kind);
  if (at.empty())
    return false;
  size_t i = pick(at, rng);
  if (rng() % 2 || at.size() == 1) {
    const std::vector<std::string> &pool = donors().byKind[int(kind)];
    if (pool.empty())
      return false;
    tokens[i].text = pick(pool, rng);
  } else {
    tokens[i].text = tokens[pick(at, rng)].text;
  }
  return true;
}

bool replaceUnit(std::vector<Token> &tokens, std::minstd_rand &rng) {
  std::vector<size_t> at;
  for (size_t i = 2; i < tokens.size(); ++i)
    if (tokens[i].kind == Kind::Ident && tokens[i - 1].kind == Kind::Space &&
        tokens[i - 2].kind == Kind::Number)
      at.push_back(i);
  if (at.empty() || donors().units.empty())
    return false;
  tokens[pick(at, rng)].text = pick(donors().units, rng);
  return true;
}

bool editTokens(std::vector<Token> &tokens, std::minstd_rand &rng) {
  std::vector<size_t> at = indicesOf(tokens, Kind::Space);
  if (at.empty())
    return false;
  size_t i = pick(at, rng), j = pick(at, rng);
  switch (rng() % 4) {
  case 0: // Delete.
    tokens.erase(tokens.begin() + i);
    return true;
  case 1: // Duplicate.
    tokens.insert(tokens.begin() + i, tokens[i]);
    return true;
  case 2: // Transpose two tokens.
    std::swap(tokens[i].text, tokens[j].text);
    return true;
  default: { // Insert a donor token of any kind, spaced.
    Kind kind = Kind(1 + rng() % 5);
    const std::vector<std::string> &pool = donors().byKind[int(kind)];
    if (pool.empty())
      return false;
    tokens.insert(tokens.begin() + i, {Kind::Space, " "});
    tokens.insert(tokens.begin() + i, {kind, pick(pool, rng)});
    return true;
  }
  }
}

bool editLines(std::string &text, std::minstd_rand &rng) {
  std::vector<std::string> lines;
  llvm::SmallVector<StringRef, 64> parts;
  StringRef(text).split(parts, '\n');
  for (StringRef p : parts)
    lines.push_back(p.str());
  size_t i = rng() % lines.size(), j = rng() % lines.size();
  switch (rng() % 5) {
  case 0:
    lines.erase(lines.begin() + i);
    break;
  case 1:
    lines.insert(lines.begin() + i, lines[i]);
    break;
  case 2:
    std::swap(lines[i], lines[j]);
    break;
  case 3: // Move a run of lines (a block) elsewhere.
  {
    size_t n = std::min<size_t>(1 + rng() % 8, lines.size() - i);
    std::vector<std::string> run(lines.begin() + i, lines.begin() + i + n);
    lines.erase(lines.begin() + i, lines.begin() + i + n);
    size_t to = lines.empty() ? 0 : rng() % (lines.size() + 1);
    lines.insert(lines.begin() + to, run.begin(), run.end());
    break;
  }
  default:
    lines.insert(lines.begin() + i, pick(donors().lines, rng));
    break;
  }
  text.clear();
  for (size_t k = 0; k < lines.size(); ++k)
    text += (k ? "\n" : "") + lines[k];
  return true;
}

} // namespace

void fuzz::mutateCalcText(std::string &text, unsigned seed) {
  std::minstd_rand rng(seed ? seed : 1);
  unsigned edits = 1 + rng() % 3;
  for (unsigned e = 0; e < edits; ++e) {
    unsigned choice = rng() % 10;
    if (choice < 2) {
      editLines(text, rng);
      continue;
    }
    std::vector<Token> tokens = tokenize(text);
    bool changed = false;
    switch (choice) {
    case 2:
    case 3:
      changed = replaceToken(tokens, Kind::Ident, rng);
      break;
    case 4:
      changed = replaceToken(tokens, Kind::Number, rng);
      break;
    case 5:
      changed = replaceUnit(tokens, rng);
      break;
    case 6:
      changed = replaceToken(tokens, Kind::String, rng);
      break;
    default:
      changed = editTokens(tokens, rng);
      break;
    }
    if (changed)
      text = join(tokens);
  }
}
