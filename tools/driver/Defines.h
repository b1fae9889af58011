//===- Defines.h - `-D path=EXPR`: checking and parsing one override ------===//
//
// What `run`, `check` and `test` do with each -D, in one place so that the
// driver and the `-D` fuzz target (fuzz/FuzzDefine.cpp) run the same code:
// checkDefine is the command-line check (a usage error), parseDefine parses
// EXPR like any expression, in its own SourceMgr buffer named "-D path".
//
//===----------------------------------------------------------------------===//
#ifndef CALC_TOOLS_DRIVER_DEFINES_H
#define CALC_TOOLS_DRIVER_DEFINES_H

#include "tools/driver/CompileOptions.h"

#include "frontend/Diagnostics.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace calc::driver {

/// True for `name(.name)*`, each name an identifier, each but the first
/// optionally indexed (`networks[0]`): what -D can address.
bool isOverridePath(llvm::StringRef path);

/// Checks the shape of one -D argument; on failure returns false and sets
/// \p message (without the "calcc: error: " prefix).
bool checkDefine(llvm::StringRef define, std::string &message);

/// Parses the EXPR of \p define (already checked) into \p override.
/// Returns false after reporting a syntax error through \p diags.
bool parseDefine(DiagnosticEngine &diags, llvm::StringRef define,
                 Override &override);

} // namespace calc::driver

#endif
