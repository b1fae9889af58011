//===- PyRepr.h - Calculon's JSON inputs as Python prints them ------------===//
//
// `calculon llm … -` prints the system it read as Python's repr of the
// parsed JSON (`System: {'matrix': {'float16': {'tflops': 312, …}}, …}`,
// docs/calculon-model.md §10.3). These write that text: from a JSON file's
// own text (key order, ints and floats as written), or rebuilt from a
// cost::System in the layout of Calculon's system files when the system
// was a `.calc` entity.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_PYREPR_H
#define CALC_EVAL_CALCULON_PYREPR_H

#include "eval/cost/System.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace calc::calculon {

/// Writes Python's repr(json.loads(text)) of a JSON document: dicts in key
/// order (a repeated key keeps its first place and its last value, as
/// Python's dict does), ints as written, floats as repr(float), strings in
/// Python's quotes, true/false/null as True/False/None. Returns false,
/// having written nothing useful, if \p text is not one JSON value.
bool writeJsonAsPyRepr(llvm::StringRef text, llvm::raw_ostream &os);

/// Writes the repr of the system JSON Calculon would read for \p system:
/// its keys in the order of Calculon's system files, numbers in their JSON
/// units (TFLOPS, GiB, GB/s, GFLOP and MB thresholds), integral ones as
/// ints except the op scales (floats, as Calculon's files write them), a
/// p2p offset as None, no all_to_all (calcc's own).
void writeSystemPyRepr(const cost::System &system, llvm::raw_ostream &os);

} // namespace calc::calculon

#endif
