//===- DiagnosticVerifier.cpp - Match diagnostics against expectations ----===//
//
// Directive grammar (anywhere in a buffer, normally in a `//` comment):
//   expected-(error|warning|note) [@(+N|-N|N)] {{text}}
// Several directives may share a line. Each directive matches at most one
// diagnostic of its severity on its target line whose message contains text.
//
//===----------------------------------------------------------------------===//
#include "frontend/DiagnosticVerifier.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <iterator>

using namespace llvm;

namespace calc {

DiagnosticVerifier::DiagnosticVerifier(DiagnosticEngine &engine)
    : engine(engine) {
  engine.setConsumer(
      [this](const Diagnostic &diag) { producedDiags.push_back(diag); });
}

namespace {

/// Parses the part of a directive after `expected-<kind>`; on success sets
/// \p line (the target) and \p text and advances \p rest past the `}}`.
/// Returns an error message on failure.
std::string parseDirectiveTail(StringRef &rest, unsigned directiveLine,
                               unsigned &line, StringRef &text) {
  line = directiveLine;
  if (rest.consume_front("@")) {
    char sign = rest.empty() ? 0 : rest.front();
    if (sign == '+' || sign == '-')
      rest = rest.drop_front();
    unsigned n;
    if (rest.consumeInteger(10, n))
      return "expected a line offset ('@+N', '@-N') or a line number ('@N')";
    if (sign == '+')
      line = directiveLine + n;
    else if (sign == '-') {
      if (n >= directiveLine)
        return "line offset '@-" + std::to_string(n) +
               "' is before the start of the file";
      line = directiveLine - n;
    } else {
      if (n == 0)
        return "line numbers start at 1";
      line = n;
    }
  }
  rest = rest.ltrim(" \t");
  if (!rest.consume_front("{{"))
    return "expected '{{' to start the expected message";
  size_t close = rest.find("}}");
  size_t newline = rest.find_first_of("\r\n");
  if (close == StringRef::npos || close > newline)
    return "expected '}}' to end the expected message on the same line";
  text = rest.take_front(close).trim();
  rest = rest.drop_front(close + 2);
  return "";
}

} // namespace

void DiagnosticVerifier::scanBuffer(unsigned bufferId) {
  SourceMgr &sm = engine.getSourceMgr();
  StringRef buffer = sm.getMemoryBuffer(bufferId)->getBuffer();
  static const struct {
    StringLiteral word;
    Severity severity;
  } kinds[] = {{"expected-error", Severity::Error},
               {"expected-warning", Severity::Warning},
               {"expected-note", Severity::Note}};
  size_t pos = 0;
  while ((pos = buffer.find("expected-", pos)) != StringRef::npos) {
    StringRef rest = buffer.drop_front(pos);
    const char *start = rest.data();
    pos += 1;
    const auto *kind =
        std::find_if(std::begin(kinds), std::end(kinds),
                     [&](const auto &k) { return rest.startswith(k.word); });
    if (kind == std::end(kinds))
      continue;
    rest = rest.drop_front(kind->word.size());
    // A directive continues with `@`, `{{` or blanks; anything else is prose
    // ("expected-errors", "expected-error/warning").
    if (!rest.empty() && !rest.startswith("@") && !rest.startswith("{{") &&
        rest.front() != ' ' && rest.front() != '\t')
      continue;
    unsigned directiveLine =
        sm.getLineAndColumn(SMLoc::getFromPointer(start), bufferId).first;
    ExpectedDiagnostic expect{kind->severity, bufferId, 0, "", {}};
    StringRef text;
    std::string problem =
        parseDirectiveTail(rest, directiveLine, expect.line, text);
    const char *end = problem.empty() ? rest.data() : start + kind->word.size();
    expect.directive =
        SMRange(SMLoc::getFromPointer(start), SMLoc::getFromPointer(end));
    if (!problem.empty()) {
      problems.push_back(
          {Severity::Error,
           expect.directive.Start,
           "invalid '" + kind->word.str() + "' directive: " + problem,
           {expect.directive},
           FixIt()});
      continue;
    }
    expect.text = text.str();
    expected.push_back(std::move(expect));
    pos = rest.data() - buffer.data();
  }
}

bool DiagnosticVerifier::verify() {
  SourceMgr &sm = engine.getSourceMgr();
  for (unsigned id = 1, e = sm.getNumBuffers(); id <= e; ++id)
    scanBuffer(id);

  std::vector<const Diagnostic *> unexpected;
  for (const Diagnostic &diag : producedDiags) {
    unsigned bufferId =
        diag.loc.isValid() ? sm.FindBufferContainingLoc(diag.loc) : 0;
    unsigned line =
        bufferId ? sm.getLineAndColumn(diag.loc, bufferId).first : 0;
    auto match = std::find_if(
        expected.begin(), expected.end(), [&](const ExpectedDiagnostic &x) {
          return !x.matched && bufferId && x.bufferId == bufferId &&
                 x.line == line && x.severity == diag.severity &&
                 StringRef(diag.message).contains(x.text);
        });
    if (match != expected.end())
      match->matched = true;
    else
      unexpected.push_back(&diag);
  }

  engine.setConsumer(nullptr);
  engine.resetCounts();
  for (const Diagnostic &problem : problems)
    engine.error(problem.loc, problem.message, problem.ranges);
  for (const Diagnostic *diag : unexpected)
    engine.error(diag->loc,
                 Twine("unexpected ") + severityName(diag->severity) + ": " +
                     diag->message,
                 diag->ranges);
  for (const ExpectedDiagnostic &x : expected)
    if (!x.matched)
      engine.error(x.directive.Start,
                   Twine("expected ") + severityName(x.severity) + " '" +
                       x.text + "' was not produced",
                   {x.directive});
  return !engine.hasErrors();
}

} // namespace calc
