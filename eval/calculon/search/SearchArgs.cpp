//===- SearchArgs.cpp - Arguments and logging shared by loe and lae -------===//
#include "eval/calculon/search/SearchArgs.h"

#include "eval/calculon/CalculonInputs.h"
#include "eval/cost/EvalReasons.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/StringSwitch.h"

#include <fmt/format.h>

using namespace calc;
using namespace calc::calculon;
using llvm::StringRef;

bool calc::calculon::parseFusedMode(StringRef text,
                                    llvm::SmallVectorImpl<bool> &out) {
  out.clear();
  if (text == "t" || text == "true" || text == "T" || text == "True" ||
      text == "1")
    out.push_back(true);
  else if (text == "f" || text == "false" || text == "F" ||
           text == "False" || text == "0")
    out.push_back(false);
  else if (text == "both" || text == "all" || text == "*")
    out.append({false, true});
  return !out.empty();
}

bool calc::calculon::parseDataType(StringRef text, cost::DataType &out) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i)
    if (text == cost::dataTypeName(cost::DataType(i))) {
      out = cost::DataType(i);
      return true;
    }
  return false;
}

static bool parsePositive(StringRef name, StringRef text, int64_t &out,
                          std::string &error) {
  if (text.getAsInteger(10, out) || out <= 0) {
    error = fmt::format("{} must be a positive integer, got '{}'", name,
                        text.str());
    return false;
  }
  return true;
}

bool calc::calculon::parseSearchArgs(llvm::ArrayRef<std::string> args,
                                     SearchArgs &out, std::string &error) {
  if (args.size() != 6) {
    error = fmt::format("expected 6 arguments APP NUM_PROCS MAX_BATCH "
                        "DATATYPE SYSTEM OUT, got {}",
                        args.size());
    return false;
  }
  out.modelPath = args[0];
  out.systemPath = args[4];
  out.outputPath = args[5];
  if (!parsePositive("num_procs", args[1], out.space.numProcs, error) ||
      !parsePositive("max_batch_size", args[2], out.space.maxBatch, error))
    return false;
  if (!parseDataType(args[3], out.space.datatype)) {
    error = fmt::format("datatype must be one of float8, float16, bfloat16, "
                        "float32, got '{}'",
                        args[3]);
    return false;
  }
  return true;
}

bool calc::calculon::loadSearchInputs(const SearchArgs &args,
                                      cost::Model &model, cost::System &system,
                                      std::string &error) {
  if (!calculon::loadModel(args.modelPath, model, error) ||
      !calculon::loadSystem(args.systemPath, system, error))
    return false;
  calculon::applyAttention(model, calculon::AttentionType::MultiHead);
  return checkSearchSystem(args, system, error);
}

bool calc::calculon::checkSearchSystem(const SearchArgs &args,
                                       const cost::System &system,
                                       std::string &error) {
  unsigned dt = unsigned(args.space.datatype);
  if (!system.matrix[dt].present || !system.vector[dt].present) {
    error = fmt::format("{}: datatype '{}' is not in the system's {} table",
                        args.systemPath,
                        cost::dataTypeName(args.space.datatype),
                        system.matrix[dt].present ? "vector" : "matrix");
    return false;
  }
  return true;
}

void calc::calculon::logSummary(llvm::raw_ostream &os,
                                const SearchSummary &summary) {
  const search::ReasonCounts &c = summary.counts;
  os << "Total executions: " << summary.total << "\n";
  os << "Good executions: " << c.numAccepted() << "\n";
  os << "Bad executions: " << c.numRejected() << "\n";
  for (unsigned r = 0; r < c.numReasons(); ++r)
    if (c.numRejected(r))
      os << "  " << cost::evalErrorName(cost::EvalError(r)) << ": "
         << c.numRejected(r) << "\n";
  double rate = summary.seconds > 0 ? double(summary.total) / summary.seconds
                                    : 0.0;
  os << fmt::format("Calculation rate: {:.2f} calcs/sec\n", rate);
}

std::string calc::calculon::nothingFitsMessage(const SearchSummary &summary) {
  const search::ReasonCounts &c = summary.counts;
  if (summary.total == 0)
    return "no acceptable configurations found: the search space is empty";
  unsigned r = c.mostFrequent();
  return fmt::format("no acceptable configurations found: {} of {} "
                     "rejected by '{}'",
                     c.numRejected(r), ir::countOf(summary.total, "candidate"),
                     cost::evalErrorName(cost::EvalError(r)));
}
