//===- CalcMutator.h - Token- and line-level mutations of `.calc` text ----===//
//
// libFuzzer's byte mutations rarely keep a `.calc` file parseable, so they
// seldom reach Sema, the IR or the statement checks. This mutator edits
// whole tokens and lines instead: it swaps identifiers, numbers, units and
// strings for others of the same kind, deletes, duplicates and transposes
// tokens and lines, and splices in lines of the stdlib (embedded in calcc,
// so the donors are every model, system and schema the language ships).
// The same (input, seed) always gives the same mutant.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FUZZ_CALCMUTATOR_H
#define CALC_FUZZ_CALCMUTATOR_H

#include <cstddef>
#include <cstdint>
#include <string>

namespace calc::fuzz {

/// Mutates \p text in place with a few token or line edits chosen by
/// \p seed. May leave it unchanged; the caller then falls back to bytes.
void mutateCalcText(std::string &text, unsigned seed);

} // namespace calc::fuzz

#endif
