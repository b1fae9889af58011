//===- Formatter.h - The canonical layout of a .calc file -----------------===//
//
// `calcc fmt` (docs/cli.md, "fmt"). The layout is computed on the token
// stream, comments included, and changes only whitespace: two spaces per
// open bracket, one space where the source had any (none before `,` `;`
// `)` `]` or after `(` `[`, one after `,` `;` and around `=`), the `=` of
// consecutive one-field lines of a block aligned, at most one blank line.
// It never joins or splits lines: a newline can end a unit in `.calc`
// (`x = 2` then `training = true`), so line structure is the user's.
// Trailing comments keep their distance from the code before them.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_FRONTEND_FORMATTER_H
#define CALC_FRONTEND_FORMATTER_H

#include "frontend/Diagnostics.h"

#include <string>

namespace calc {

/// Formats buffer \p bufferId of the diagnostics' SourceMgr into \p out;
/// \p diags must have no errors yet (one engine per file).
/// A file that does not parse is reported (the parser's diagnostics) and
/// false returned; so is a layout that would change the token stream, which
/// would be a bug here.
bool formatBuffer(DiagnosticEngine &diags, unsigned bufferId,
                  std::string &out);

} // namespace calc

#endif
