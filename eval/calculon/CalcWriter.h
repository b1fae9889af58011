//===- CalcWriter.h - Calculon JSON -> one .calc entity -------------------===//
//
// `calcc convert` brings a user's Calculon model, execution or system file
// into the language: one entity of the matching schema, its fields in the
// prelude's order, numbers with the unit their JSON key implies (`tflops` ->
// TFLOPS, `GiB` -> GiB, `GBps` -> GB/s, `latency` -> s) and written so that
// they read back as the doubles Calculon's reader computes (CalcNumber.h).
// The document must already have passed the matching reader
// (CalculonInputs.h); this adds nothing to its checks.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_CALCWRITER_H
#define CALC_EVAL_CALCULON_CALCWRITER_H

#include "eval/calculon/InputKind.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace calc::calculon {

/// Writes \p root, a Calculon file of \p kind read from \p sourceName, as
/// the entity \p name. What cannot be carried over (a key Calculon ignores,
/// an execution's "multiquery", which the language puts in the model) is
/// said in \p warnings and in a comment of the output.
void writeCalcEntity(const llvm::json::Object &root, InputKind kind,
                     llvm::StringRef name, llvm::StringRef sourceName,
                     llvm::raw_ostream &os, std::vector<std::string> &warnings);

} // namespace calc::calculon

#endif
