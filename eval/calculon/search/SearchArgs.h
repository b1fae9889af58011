//===- SearchArgs.h - Arguments and logging shared by loe and lae ---------===//
//
// The positional arguments of Calculon's search commands (APP NUM_PROCS
// MAX_BATCH DATATYPE SYSTEM OUT, docs/calculon-model.md §11.2), the `-f`
// values, loading the model and system, and the INFO lines Calculon logs at the
// end.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_SEARCH_SEARCHARGS_H
#define CALC_EVAL_CALCULON_SEARCH_SEARCHARGS_H

#include "eval/calculon/search/CalculonSearch.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace calc::calculon {

/// Parses `-f`: t/true/T/True/1 -> [true], f/false/F/False/0 -> [false],
/// both/all/* -> [false, true]. Returns false for anything else.
bool parseFusedMode(llvm::StringRef text, llvm::SmallVectorImpl<bool> &out);

/// Parses one of Calculon's datatype names.
bool parseDataType(llvm::StringRef text, cost::DataType &out);

/// The six positional arguments, checked (usage errors set `error`).
struct SearchArgs {
  std::string modelPath, systemPath, outputPath;
  SpaceOptions space;
};
bool parseSearchArgs(llvm::ArrayRef<std::string> args, SearchArgs &out,
                     std::string &error);

/// Loads the model (attention multihead, as the searches use) and the
/// system, and checks that the system supports the datatype on both
/// engines (Calculon would crash on the first candidate otherwise).
bool loadSearchInputs(const SearchArgs &args, cost::Model &model,
                      cost::System &system, std::string &error);

/// The datatype check of loadSearchInputs alone, for a system loaded some
/// other way (a `.calc` input, tools/driver/LlmInputs.cpp).
bool checkSearchSystem(const SearchArgs &args, const cost::System &system,
                       std::string &error);

/// "Total executions", "Good executions", "Bad executions" (with one
/// indented line per rejection reason) and "Calculation rate".
void logSummary(llvm::raw_ostream &os, const SearchSummary &summary);

/// The error when nothing fits: the reason that rejected most candidates.
std::string nothingFitsMessage(const SearchSummary &summary);

} // namespace calc::calculon

#endif
