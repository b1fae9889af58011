//===- InputKind.h - Which Calculon input a JSON file is -------------------===//
//
// Calculon's commands take a model, an execution and a system file in a fixed
// order; given in the wrong order, the first missing key ("key 'num_procs':
// missing") hides the real mistake. The three kinds have characteristic keys,
// so a reader can tell "this looks like a system file" before it complains.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_INPUTKIND_H
#define CALC_EVAL_CALCULON_INPUTKIND_H

#include "eval/calculon/JsonReader.h"

namespace calc::calculon {

enum class InputKind { Unknown, Model, Execution, System };

/// "model", "execution" or "system".
llvm::StringRef inputKindName(InputKind kind);

/// The kind whose characteristic keys \p o has most of (at least two),
/// else Unknown.
InputKind detectInputKind(const llvm::json::Object &o);

/// When the root of \p reader looks like another kind of file than
/// \p expected, records "FILE: this looks like a Calculon system file (it has
/// 'matrix', 'mem1', …), not an execution file; check the order of the
/// arguments" and returns false.
bool checkInputKind(JsonReader &reader, InputKind expected);

} // namespace calc::calculon

#endif
