//===- SystemInputs.cpp - Calculon system JSON -> cost::System ------------===//
//
// docs/calculon-model.md §2.3: engines per datatype with GFLOP efficiency
// tables, two memory tiers with MB tables, processing mode, and networks with
// exactly seven keys each. Units are converted to SI here.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/InputKind.h"
#include "eval/calculon/JsonReader.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/Twine.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

/// A list of [threshold, efficiency] pairs; thresholds scaled by `scale`.
bool readTable(JsonReader &r, const json::Array &list, StringRef key,
               double scale, cost::EfficiencyTable &table) {
  table.steps.clear();
  for (size_t i = 0; i < list.size(); ++i) {
    const json::Array *pair = list[i].getAsArray();
    Optional<double> thr, eff;
    if (pair && pair->size() == 2) {
      thr = (*pair)[0].getAsNumber();
      eff = (*pair)[1].getAsNumber();
    }
    if (!thr || !eff)
      return r.fail((key + "[" + Twine(i) + "]").str(),
                    "expected a [threshold, efficiency] pair of numbers");
    table.steps.push_back({*thr * scale, *eff});
  }
  return true;
}

bool readEngines(JsonReader &r, const json::Object &root, StringRef key,
                 cost::Engine (&engines)[cost::NumDataTypes]) {
  const json::Object *o = r.getObject(root, "", key);
  if (!o)
    return false;
  for (unsigned dt = 0; dt < cost::NumDataTypes; ++dt) {
    StringRef name = cost::dataTypeName(cost::DataType(dt));
    const json::Value *v = o->get(name);
    engines[dt] = cost::Engine();
    if (!v)
      continue; // Calculon fails only when this datatype is used.
    std::string where = JsonReader::join(key, name);
    const json::Object *eng = v->getAsObject();
    if (!eng)
      return r.fail(where, "expected an object");
    double tflops;
    const json::Array *table;
    if (!r.checkKeys(*eng, where, {"tflops", "gflops_efficiency"}, false) ||
        !r.getNumber(*eng, where, "tflops", tflops) ||
        !(table = r.getArray(*eng, where, "gflops_efficiency")) ||
        !readTable(r, *table, JsonReader::join(where, "gflops_efficiency"), 1e9,
                   engines[dt].efficiency))
      return false;
    engines[dt].present = true;
    engines[dt].peak = tflops * 1e12;
  }
  return true;
}

bool readMemory(JsonReader &r, const json::Object &root, StringRef key,
                cost::MemoryTier &tier) {
  const json::Object *o = r.getObject(root, "", key);
  if (!o)
    return false;
  double gib, gbps;
  const json::Array *table;
  if (!r.checkKeys(*o, key, {"GiB", "GBps", "MB_efficiency"}, false) ||
      !r.getNumber(*o, key, "GiB", gib) ||
      !r.getNumber(*o, key, "GBps", gbps) ||
      !(table = r.getArray(*o, key, "MB_efficiency")) ||
      !readTable(r, *table, JsonReader::join(key, "MB_efficiency"), 1e6,
                 tier.efficiency))
    return false;
  tier.capacity = gib * 1024 * 1024 * 1024;
  tier.bandwidth = gbps * 1e9;
  return true;
}

bool readOps(JsonReader &r, const json::Object &net, StringRef where,
             cost::Network &out) {
  const json::Object *ops = r.getObject(net, where, "ops");
  if (!ops)
    return false;
  std::string opsWhere = JsonReader::join(where, "ops");
  static const StringRef names[] = {"p2p", "reduce_scatter", "all_gather",
                                    "all_reduce", "all_to_all"};
  // Calculon's four keys are required; all_to_all (calcc's, for mixture of
  // experts) is optional and defaults to [1, -1], i.e. (n-1)/n of the data.
  if (!r.checkKeys(*ops, opsWhere, makeArrayRef(names, cost::NumNetOps),
                   /*exact=*/true, {names[cost::NumNetOps]}))
    return false;
  for (unsigned i = 0; i < cost::NumAllNetOps; ++i) {
    if (!ops->get(names[i]))
      continue;
    std::string key = JsonReader::join(opsWhere, names[i]);
    const json::Array *pair = ops->get(names[i])->getAsArray();
    Optional<double> scale;
    if (pair && pair->size() == 2)
      scale = (*pair)[0].getAsNumber();
    if (!scale)
      return r.fail(key, "expected a [scalar, offset] pair");
    const json::Value &offset = (*pair)[1];
    bool isNull = offset.kind() == json::Value::Null;
    if (i == 0 && !isNull)
      return r.fail(key, "the p2p offset must be null");
    if (i != 0 && !offset.getAsNumber())
      return r.fail(key, "expected a numeric offset");
    out.ops[i] = {*scale, isNull ? 0.0 : *offset.getAsNumber()};
  }
  return true;
}

bool readNetwork(JsonReader &r, const json::Value &v, size_t index,
                 cost::Network &out) {
  std::string where = ("networks[" + Twine(index) + "]").str();
  const json::Object *o = v.getAsObject();
  if (!o)
    return r.fail(where, "expected an object");
  static const StringRef keys[] = {
      "bandwidth", "efficiency",     "size",           "latency",
      "ops",       "must_be_filled", "processor_usage"};
  double bandwidth;
  return r.checkKeys(*o, where, keys, /*exact=*/true) &&
         r.getNumber(*o, where, "bandwidth", bandwidth) &&
         r.getNumber(*o, where, "efficiency", out.efficiency) &&
         r.getInt(*o, where, "size", out.size) &&
         r.getNumber(*o, where, "latency", out.latency) &&
         readOps(r, *o, where, out) &&
         r.getBool(*o, where, "must_be_filled", out.mustBeFilled) &&
         r.getNumber(*o, where, "processor_usage", out.processorUsage) &&
         ((out.bandwidth = bandwidth * 1e9), true);
}

bool readSystem(JsonReader &r, const json::Object &o, cost::System &sys) {
  if (!r.checkKeys(
          o, "",
          {"matrix", "vector", "mem1", "mem2", "processing_mode", "networks"},
          /*exact=*/false) ||
      !readEngines(r, o, "matrix", sys.matrix) ||
      !readEngines(r, o, "vector", sys.vector) ||
      !readMemory(r, o, "mem1", sys.mem1) ||
      !readMemory(r, o, "mem2", sys.mem2))
    return false;
  std::string mode;
  if (!r.getString(o, "", "processing_mode", mode))
    return false;
  if (mode != "roofline" && mode != "no_overlap")
    return r.fail("processing_mode",
                  "expected 'roofline' or 'no_overlap', got '" + mode + "'");
  sys.processingMode = mode == "roofline" ? cost::ProcessingMode::Roofline
                                          : cost::ProcessingMode::NoOverlap;
  const json::Array *nets = r.getArray(o, "", "networks");
  if (!nets)
    return false;
  sys.networks.resize(nets->size());
  for (size_t i = 0; i < nets->size(); ++i)
    if (!readNetwork(r, (*nets)[i], i, sys.networks[i]))
      return false;
  return true;
}

} // namespace

bool calc::calculon::loadSystem(StringRef path, cost::System &sys,
                                std::string &error) {
  JsonReader r(path);
  return loadSystem(r, sys, error);
}

bool calc::calculon::loadSystem(JsonReader &r, cost::System &sys,
                                std::string &error) {
  if (r.root() && checkInputKind(r, InputKind::System) &&
      readSystem(r, *r.root(), sys)) {
    cost::EvalStatus status = cost::checkSystem(sys);
    if (!status.ok()) {
      raw_string_ostream os(error);
      os << r.name() << ": ";
      cost::renderStatus(status, os);
      return false;
    }
  }
  error = r.error();
  return !r.failed();
}
