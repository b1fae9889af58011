//===- Diagnostics.h - clang-style diagnostics over llvm::SourceMgr -------===//
//
// Every phase reports problems here: `file:line:col: error: message`, the
// source line, `^~~~` under the ranges, then notes (docs/architecture.md,
// Diagnostics). Phases collect all their errors; the driver stops between
// phases when hasErrors() and ends with "N error(s) generated.".
//
// Contract shared by every phase (do not break it; extend it):
//   DiagnosticEngine diags(sourceMgr);
//   diags.error(loc, "unknown field 'hiden' in model 'my_1t'", {range})
//        .note(otherLoc, "did you mean 'hidden'?");
//   diags.error("cannot open 'x.calc': No such file or directory");
//
// Ranges are half-open [Start, End): End points one past the last character,
// as in llvm::SourceMgr. Ranges on other lines than the location are not drawn.
// Location-less diagnostics print as "calcc: error: message".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_DIAGNOSTICS_H
#define CALC_FRONTEND_DIAGNOSTICS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <string>

namespace calc {

enum class Severity { Error, Warning, Note };

/// A suggested replacement of the source text in \p range (clang's fix-it),
/// printed under the caret line.
struct FixIt {
  llvm::SMRange range;
  std::string text;

  bool isValid() const { return range.isValid(); }
};

/// One reported diagnostic, as seen by a consumer (the printer, or the
/// --verify-diagnostics checker).
struct Diagnostic {
  Severity severity;
  llvm::SMLoc loc; ///< May be invalid (no location).
  std::string message;
  llvm::SmallVector<llvm::SMRange, 2> ranges;
  FixIt fixit; ///< Optional.
};

/// "error", "warning" or "note".
llvm::StringRef severityName(Severity severity);

class DiagnosticEngine;

/// Returned by error()/warning() so notes attach to the primary diagnostic.
/// The primary and its notes are emitted in order as they are created.
class DiagnosticBuilder {
public:
  DiagnosticBuilder &note(llvm::SMLoc loc, const llvm::Twine &message,
                          llvm::ArrayRef<llvm::SMRange> ranges = {});
  DiagnosticBuilder &note(const llvm::Twine &message); ///< No location.

private:
  friend class DiagnosticEngine;
  explicit DiagnosticBuilder(DiagnosticEngine &engine) : engine(engine) {}
  DiagnosticEngine &engine;
};

/// Collects and prints diagnostics for the files of one SourceMgr.
class DiagnosticEngine {
public:
  using Consumer = std::function<void(const Diagnostic &)>;

  explicit DiagnosticEngine(llvm::SourceMgr &sourceMgr,
                            llvm::raw_ostream &os = llvm::errs());

  DiagnosticBuilder error(llvm::SMLoc loc, const llvm::Twine &message,
                          llvm::ArrayRef<llvm::SMRange> ranges = {},
                          FixIt fixit = {});
  DiagnosticBuilder error(const llvm::Twine &message); ///< No location.
  DiagnosticBuilder warning(llvm::SMLoc loc, const llvm::Twine &message,
                            llvm::ArrayRef<llvm::SMRange> ranges = {});

  unsigned errorCount() const { return numErrors; }
  unsigned warningCount() const { return numWarnings; }
  bool hasErrors() const { return numErrors != 0; }

  /// Prints "N error(s) generated." (and warnings) if any were reported;
  /// nothing while a consumer is installed (the consumer owns the outcome).
  void printSummary();

  /// Colours output (clang colours); off by default.
  void setShowColors(bool enable) { showColors = enable; }

  /// Replaces printing with \p consumer (used by --verify-diagnostics).
  void setConsumer(Consumer consumer) { this->consumer = std::move(consumer); }

  llvm::SourceMgr &getSourceMgr() { return sourceMgr; }

  /// Prints \p diag in clang's layout, bypassing the consumer and the counts
  /// (for tools that collected diagnostics and want to show some of them).
  void print(const Diagnostic &diag);

  /// Forgets the counts (the verifier restarts counting for its own report).
  void resetCounts() { numErrors = numWarnings = 0; }

  /// The prefix of location-less diagnostics ("calcc" by default).
  void setProgramName(llvm::StringRef name) { programName = name.str(); }

private:
  friend class DiagnosticBuilder;
  void emit(const Diagnostic &diag);

  llvm::SourceMgr &sourceMgr;
  llvm::raw_ostream &os;
  Consumer consumer;
  bool showColors = false;
  std::string programName = "calcc";
  /// Where the last error or warning pointed: a note at the same place
  /// (docs/language-reference.md §8: "did you mean") does not repeat the source
  /// line.
  llvm::SMLoc lastPrimaryLoc;
  unsigned numErrors = 0;
  unsigned numWarnings = 0;
};

/// The candidate closest to \p word by edit distance, if close enough to be a
/// plausible typo (for "did you mean 'x'?" notes). Ties go to the earliest
/// candidate, so results are deterministic.
llvm::Optional<llvm::StringRef>
closestMatch(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> candidates);

} // namespace calc

#endif
