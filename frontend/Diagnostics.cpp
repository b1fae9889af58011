//===- Diagnostics.cpp - clang-style diagnostic printing ------------------===//
//
// Renders diagnostics the way clang does: a bold location, a coloured
// severity, the source line with tabs expanded to 8-column stops, and a caret
// line with `~` under the ranges and `^` at the location.
//
//===----------------------------------------------------------------------===//
#include "frontend/Diagnostics.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

using namespace llvm;

namespace calc {

StringRef severityName(Severity severity) {
  switch (severity) {
  case Severity::Error:
    return "error";
  case Severity::Warning:
    return "warning";
  case Severity::Note:
    return "note";
  }
  return "error";
}

//===----------------------------------------------------------------------===//
// DiagnosticBuilder
//===----------------------------------------------------------------------===//

DiagnosticBuilder &DiagnosticBuilder::note(SMLoc loc, const Twine &message,
                                           ArrayRef<SMRange> ranges) {
  engine.emit({Severity::Note, loc, message.str(),
               SmallVector<SMRange, 2>(ranges.begin(), ranges.end()), FixIt()});
  return *this;
}

DiagnosticBuilder &DiagnosticBuilder::note(const Twine &message) {
  return note(SMLoc(), message);
}

//===----------------------------------------------------------------------===//
// DiagnosticEngine
//===----------------------------------------------------------------------===//

DiagnosticEngine::DiagnosticEngine(SourceMgr &sourceMgr, raw_ostream &os)
    : sourceMgr(sourceMgr), os(os) {}

DiagnosticBuilder DiagnosticEngine::error(SMLoc loc, const Twine &message,
                                          ArrayRef<SMRange> ranges,
                                          FixIt fixit) {
  emit({Severity::Error, loc, message.str(),
        SmallVector<SMRange, 2>(ranges.begin(), ranges.end()),
        std::move(fixit)});
  return DiagnosticBuilder(*this);
}

DiagnosticBuilder DiagnosticEngine::error(const Twine &message) {
  return error(SMLoc(), message);
}

DiagnosticBuilder DiagnosticEngine::warning(SMLoc loc, const Twine &message,
                                            ArrayRef<SMRange> ranges) {
  emit({Severity::Warning, loc, message.str(),
        SmallVector<SMRange, 2>(ranges.begin(), ranges.end()), FixIt()});
  return DiagnosticBuilder(*this);
}

void DiagnosticEngine::emit(const Diagnostic &diag) {
  if (diag.severity == Severity::Error)
    ++numErrors;
  else if (diag.severity == Severity::Warning)
    ++numWarnings;
  if (consumer)
    consumer(diag);
  else
    print(diag);
}

void DiagnosticEngine::printSummary() {
  // Under --verify-diagnostics the consumer owns the outcome.
  if (consumer || (numErrors == 0 && numWarnings == 0))
    return;
  auto plural = [](unsigned n, StringRef word) {
    return std::to_string(n) + " " + word.str() + (n == 1 ? "" : "s");
  };
  std::string text;
  if (numWarnings)
    text = plural(numWarnings, "warning");
  if (numWarnings && numErrors)
    text += " and ";
  if (numErrors)
    text += plural(numErrors, "error");
  os << text << " generated.\n";
  os.flush();
}

namespace {

/// One source line prepared for display: tabs expanded, and for every byte
/// offset of the line (plus one past the end) its display column.
struct DisplayLine {
  std::string text;
  SmallVector<unsigned, 80> column;
};

/// Tabs go to the next multiple of 8 like clang; UTF-8 continuation bytes
/// take no column so carets line up under multi-byte characters.
DisplayLine expandLine(StringRef line) {
  DisplayLine out;
  unsigned col = 0;
  for (char c : line) {
    out.column.push_back(col);
    if (c == '\t') {
      unsigned next = (col / 8 + 1) * 8;
      out.text.append(next - col, ' ');
      col = next;
      continue;
    }
    out.text.push_back(c);
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
      ++col;
  }
  out.column.push_back(col);
  return out;
}

} // namespace

/// Prints the source line holding \p diag's location and the caret line.
/// Where the text of a buffer starts: after a UTF-8 byte order mark, which the
/// parser skips and which is neither shown nor counted in columns.
static const char *textStart(StringRef buffer) {
  return buffer.begin() + (buffer.startswith("\xEF\xBB\xBF") ? 3 : 0);
}

static void printSourceLine(raw_ostream &os, const Diagnostic &diag,
                            StringRef buffer, bool colors) {
  const char *loc = diag.loc.getPointer();
  const char *begin = textStart(buffer), *end = buffer.end();
  const char *lineStart = loc;
  while (lineStart > begin && lineStart[-1] != '\n' && lineStart[-1] != '\r')
    --lineStart;
  const char *lineEnd = loc;
  while (lineEnd < end && *lineEnd != '\n' && *lineEnd != '\r')
    ++lineEnd;

  DisplayLine line = expandLine(StringRef(lineStart, lineEnd - lineStart));
  std::string caret(line.column.back() + 1, ' ');
  for (SMRange range : diag.ranges) {
    const char *s = std::max(range.Start.getPointer(), lineStart);
    const char *e = std::min(range.End.getPointer(), lineEnd);
    if (!range.isValid() || s >= e)
      continue; // Empty, or on another line.
    unsigned from = line.column[s - lineStart], to = line.column[e - lineStart];
    std::fill(caret.begin() + from, caret.begin() + to, '~');
  }
  caret[line.column[loc - lineStart]] = '^';
  caret.erase(caret.find_last_not_of(' ') + 1);

  os << line.text << '\n';
  if (colors)
    os.changeColor(raw_ostream::GREEN, true);
  os << caret;
  if (colors)
    os.resetColor();
  os << '\n';
  // The fix-it's text, starting under the text it replaces (clang's layout).
  const char *fixStart = diag.fixit.range.Start.getPointer();
  if (diag.fixit.isValid() && fixStart >= lineStart && fixStart <= lineEnd) {
    if (colors)
      os.changeColor(raw_ostream::GREEN, false);
    os.indent(line.column[fixStart - lineStart]) << diag.fixit.text;
    if (colors)
      os.resetColor();
    os << '\n';
  }
}

void DiagnosticEngine::print(const Diagnostic &diag) {
  bool hadColors = os.colors_enabled();
  os.enable_colors(showColors);

  unsigned bufferId =
      diag.loc.isValid() ? sourceMgr.FindBufferContainingLoc(diag.loc) : 0;
  if (showColors)
    os.changeColor(raw_ostream::SAVEDCOLOR, true);
  if (bufferId) {
    auto lineCol = sourceMgr.getLineAndColumn(diag.loc, bufferId);
    StringRef buffer = sourceMgr.getMemoryBuffer(bufferId)->getBuffer();
    if (lineCol.first == 1 && diag.loc.getPointer() >= textStart(buffer))
      lineCol.second -= unsigned(textStart(buffer) - buffer.begin());
    os << sourceMgr.getMemoryBuffer(bufferId)->getBufferIdentifier() << ':'
       << lineCol.first << ':' << lineCol.second << ": ";
  } else {
    os << programName << ": ";
  }

  switch (diag.severity) {
  case Severity::Error:
    os.changeColor(raw_ostream::RED, true);
    break;
  case Severity::Warning:
    os.changeColor(raw_ostream::MAGENTA, true);
    break;
  case Severity::Note:
    os.changeColor(raw_ostream::BLACK, true);
    break;
  }
  os << severityName(diag.severity) << ": ";
  if (showColors) {
    os.resetColor();
    os.changeColor(raw_ostream::SAVEDCOLOR, true);
  }
  os << diag.message;
  if (showColors)
    os.resetColor();
  os << '\n';

  bool repeatsPrimary = diag.severity == Severity::Note &&
                        diag.loc == lastPrimaryLoc && diag.ranges.empty();
  if (diag.severity != Severity::Note)
    lastPrimaryLoc = diag.loc;
  if (bufferId && !repeatsPrimary)
    printSourceLine(os, diag, sourceMgr.getMemoryBuffer(bufferId)->getBuffer(),
                    showColors);
  os.enable_colors(hadColors);
  os.flush();
}

//===----------------------------------------------------------------------===//
// closestMatch
//===----------------------------------------------------------------------===//

Optional<StringRef> closestMatch(StringRef word,
                                 ArrayRef<StringRef> candidates) {
  // A third of the word may be wrong (at least one edit): "hiden" -> "hidden",
  // "sampel_rate" -> "sample_rate", but "x" does not suggest "y".
  unsigned limit = std::max<unsigned>(1, word.size() / 3);
  Optional<StringRef> best;
  unsigned bestDistance = limit + 1;
  std::string lowerWord = word.lower();
  for (StringRef candidate : candidates) {
    if (candidate == word)
      continue; // Not a typo of itself.
    // A difference only in case counts as one edit.
    unsigned distance = candidate.lower() == lowerWord
                            ? 1
                            : word.edit_distance(candidate, true, limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

} // namespace calc
