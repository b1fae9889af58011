//===- DiagnosticVerifier.h - --verify-diagnostics (clang/MLIR style) -----===//
//
// Lets one test file hold many error cases: the file says which diagnostics
// it expects in comments, and the verifier checks that exactly those were
// produced, by substring:
//
//   let x = 1 +            // expected-error {{expected an expression}}
//   // expected-note@+1 {{did you mean 'hidden'?}}
//   hiden = 1              // expected-error@-1 ... (@+N, @-N, @N absolute)
//
// Usage (the driver):
//   DiagnosticEngine diags(sourceMgr);
//   DiagnosticVerifier verifier(diags);   // installs a consumer: nothing
//   prints
//   ... run the phases ...
//   bool ok = verifier.verify();          // prints only the mismatches
//   diags.printSummary();                 // "N errors generated." if !ok
//   return ok ? 0 : 1;
//
// Directives are read from every buffer of the SourceMgr when verify() runs,
// so imported files may carry their own expectations.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_DIAGNOSTICVERIFIER_H
#define CALC_FRONTEND_DIAGNOSTICVERIFIER_H

#include "frontend/Diagnostics.h"

#include <string>
#include <vector>

namespace calc {

/// One `expected-<severity>[@±N] {{text}}` directive.
struct ExpectedDiagnostic {
  Severity severity;
  unsigned bufferId;       ///< SourceMgr buffer holding the directive.
  unsigned line;           ///< 1-based line the diagnostic is expected on.
  std::string text;        ///< Substring the message must contain.
  llvm::SMRange directive; ///< The directive text, for reporting.
  bool matched = false;
};

/// Collects produced diagnostics and matches them against directives.
class DiagnosticVerifier {
public:
  /// Installs a consumer on \p engine; printing is suppressed from now on.
  explicit DiagnosticVerifier(DiagnosticEngine &engine);

  /// Matches produced against expected diagnostics (notes included). On
  /// success prints nothing and returns true. Otherwise removes the consumer,
  /// resets the engine's counts and reports through it, clang-style:
  /// malformed directives, every unexpected diagnostic ("unexpected error:
  /// msg", at its location), every expectation not produced ("expected error
  /// 'x' was not produced", at the directive); returns false. The engine's
  /// error count is then the number of mismatches, for printSummary().
  bool verify();

  /// The diagnostics produced so far (in order).
  llvm::ArrayRef<Diagnostic> produced() const { return producedDiags; }

private:
  void scanBuffer(unsigned bufferId);

  DiagnosticEngine &engine;
  std::vector<Diagnostic> producedDiags;
  std::vector<ExpectedDiagnostic> expected;
  std::vector<Diagnostic> problems; ///< Malformed directives.
};

} // namespace calc

#endif
