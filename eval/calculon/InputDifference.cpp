//===- InputDifference.cpp - Where two cost inputs differ -----------------===//
#include "eval/calculon/InputDifference.h"

#include "eval/calculon/CalcNumber.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/ModelFields.h"

#include "llvm/ADT/Twine.h"

using namespace calc;
using namespace calc::calculon;
using llvm::Twine;

namespace {

/// Collects the first difference; later comparisons are skipped.
struct Differ {
  std::string first;

  void number(const Twine &where, double a, double b) {
    if (first.empty() && !(a == b))
      first = (where + ": " + pyRepr(a) + " vs " + pyRepr(b)).str();
  }
  void table(const Twine &where, const cost::EfficiencyTable &a,
             const cost::EfficiencyTable &b) {
    number(where + " steps", double(a.steps.size()), double(b.steps.size()));
    for (size_t i = 0; first.empty() && i < a.steps.size(); ++i) {
      number(where + "[" + Twine(i) + "] threshold", a.steps[i].threshold,
             b.steps[i].threshold);
      number(where + "[" + Twine(i) + "] efficiency", a.steps[i].efficiency,
             b.steps[i].efficiency);
    }
  }
};

} // namespace

std::string calc::calculon::firstDifference(const cost::Model &a,
                                            const cost::Model &b) {
  Differ d;
  // The expert and latent-attention keys mean nothing without experts or
  // MLA, and the two readers default them differently.
  bool experts = a.isMoe() || b.isMoe(), mla = a.isMla() || b.isMla();
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos())
    if ((f.group != cost::ModelFieldGroup::Expert || experts) &&
        (f.group != cost::ModelFieldGroup::Mla || mla))
      d.number(f.key, f.getReal(a), f.getReal(b));
  return d.first;
}

std::string calc::calculon::firstDifference(const cost::Execution &a,
                                            const cost::Execution &b) {
  Differ d;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
    if (f.hasMember())
      d.number(f.key, f.getReal(a), f.getReal(b));
  return d.first;
}

std::string calc::calculon::firstDifference(const cost::System &a,
                                            const cost::System &b) {
  Differ d;
  for (unsigned dt = 0; dt < cost::NumDataTypes; ++dt) {
    const char *name = cost::dataTypeName(cost::DataType(dt));
    std::string m = std::string("matrix.") + name;
    std::string v = std::string("vector.") + name;
    d.number(m + " present", a.matrix[dt].present, b.matrix[dt].present);
    d.number(m + ".peak", a.matrix[dt].peak, b.matrix[dt].peak);
    d.table(m + ".efficiency", a.matrix[dt].efficiency, b.matrix[dt].efficiency);
    d.number(v + " present", a.vector[dt].present, b.vector[dt].present);
    d.number(v + ".peak", a.vector[dt].peak, b.vector[dt].peak);
    d.table(v + ".efficiency", a.vector[dt].efficiency, b.vector[dt].efficiency);
  }
  const cost::MemoryTier *tiersA[] = {&a.mem1, &a.mem2};
  const cost::MemoryTier *tiersB[] = {&b.mem1, &b.mem2};
  for (int t = 0; t < 2; ++t) {
    std::string mem = "mem" + std::to_string(t + 1);
    d.number(mem + ".capacity", tiersA[t]->capacity, tiersB[t]->capacity);
    d.number(mem + ".bandwidth", tiersA[t]->bandwidth, tiersB[t]->bandwidth);
    d.table(mem + ".efficiency", tiersA[t]->efficiency, tiersB[t]->efficiency);
  }
  d.number("processing_mode", double(a.processingMode),
           double(b.processingMode));
  d.number("networks", double(a.networks.size()), double(b.networks.size()));
  for (size_t i = 0; d.first.empty() && i < a.networks.size(); ++i) {
    const cost::Network &x = a.networks[i], &y = b.networks[i];
    std::string n = "networks[" + std::to_string(i) + "]";
    d.number(n + ".bandwidth", x.bandwidth, y.bandwidth);
    d.number(n + ".efficiency", x.efficiency, y.efficiency);
    d.number(n + ".size", double(x.size), double(y.size));
    d.number(n + ".latency", x.latency, y.latency);
    static const char *const ops[cost::NumAllNetOps] = {
        "p2p", "reduce_scatter", "all_gather", "all_reduce", "all_to_all"};
    for (unsigned op = 0; op < cost::NumAllNetOps; ++op) {
      std::string o = n + ".ops." + ops[op];
      d.number(o + ".scale", x.ops[op].scale, y.ops[op].scale);
      d.number(o + ".offset", x.ops[op].offset, y.ops[op].offset);
    }
    d.number(n + ".must_be_filled", x.mustBeFilled, y.mustBeFilled);
    d.number(n + ".processor_usage", x.processorUsage, y.processorUsage);
  }
  return d.first;
}
