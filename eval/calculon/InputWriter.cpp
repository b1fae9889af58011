//===- InputWriter.cpp - cost structs -> Calculon input JSON --------------===//
#include "eval/calculon/InputWriter.h"

#include "eval/calculon/CalcNumber.h"
#include "eval/calculon/PyWriter.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/ModelFields.h"

#include "llvm/ADT/Twine.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

/// Whether the model's JSON needs the optional key of \p f.
bool modelKeyWritten(const cost::ModelFieldInfo &f, const cost::Model &m) {
  switch (f.group) {
  case cost::ModelFieldGroup::Calculon:
    return true;
  case cost::ModelFieldGroup::Expert:
    return m.isMoe();
  case cost::ModelFieldGroup::Mla:
    return m.isMla();
  case cost::ModelFieldGroup::Shape:
    break;
  }
  // A Shape key is written when it says something its absence does not:
  // kv_heads other than attn_heads, SwiGLU, a vocabulary, experts, MLA.
  if (StringRef(f.key) == "kv_heads")
    return m.kvHeads != m.attnHeads;
  if (f.kind == cost::ModelFieldKind::Real)
    return f.getReal(m) != 0;
  return f.getInt(m) != 0;
}

/// A number Calculon multiplies by \p factor on reading; warns when no
/// JSON number gives \p si back.
void scaled(PyWriter &w, double si, double factor, const Twine &where,
            std::vector<std::string> &warnings) {
  bool exact = false;
  double number = jsonNumberFor(si, factor, exact);
  if (!exact)
    warnings.push_back((where + ": no JSON number times " + pyRepr(factor) +
                        " is exactly " + pyRepr(si) + "; Calculon will read " +
                        pyRepr(number * factor))
                           .str());
  w.intLike(number);
}

void table(PyWriter &w, const cost::EfficiencyTable &t, double factor,
           const Twine &where, std::vector<std::string> &warnings) {
  w.beginList();
  for (size_t i = 0; i < t.steps.size(); ++i) {
    w.beginList();
    scaled(w, t.steps[i].threshold, factor, where + "[" + Twine(i) + "]",
           warnings);
    w.real(t.steps[i].efficiency);
    w.endList();
  }
  w.endList();
}

void engines(PyWriter &w, const cost::Engine (&list)[cost::NumDataTypes],
             StringRef key, std::vector<std::string> &warnings) {
  w.key(key);
  w.beginObject();
  for (unsigned dt = 0; dt < cost::NumDataTypes; ++dt) {
    const cost::Engine &e = list[dt];
    if (!e.present)
      continue;
    StringRef name = cost::dataTypeName(cost::DataType(dt));
    w.key(name);
    w.beginObject();
    w.key("tflops");
    scaled(w, e.peak, 1e12, key + "." + name + ".tflops", warnings);
    w.key("gflops_efficiency");
    table(w, e.efficiency, 1e9, key + "." + name + ".gflops_efficiency",
          warnings);
    w.endObject();
  }
  w.endObject();
}

void memory(PyWriter &w, const cost::MemoryTier &m, StringRef key,
            std::vector<std::string> &warnings) {
  w.key(key);
  w.beginObject();
  w.key("GiB");
  scaled(w, m.capacity, 1073741824.0, key + ".GiB", warnings);
  w.key("GBps");
  scaled(w, m.bandwidth, 1e9, key + ".GBps", warnings);
  w.key("MB_efficiency");
  table(w, m.efficiency, 1e6, key + ".MB_efficiency", warnings);
  w.endObject();
}

void network(PyWriter &w, const cost::Network &n, unsigned index,
             std::vector<std::string> &warnings) {
  std::string where = ("networks[" + Twine(index) + "]").str();
  w.beginObject();
  w.key("bandwidth");
  scaled(w, n.bandwidth, 1e9, where + ".bandwidth", warnings);
  w.key("efficiency");
  w.real(n.efficiency);
  w.key("size");
  w.integer(n.size);
  w.key("latency");
  w.real(n.latency);
  w.key("ops");
  w.beginObject();
  static const char *const names[cost::NumAllNetOps] = {
      "p2p", "reduce_scatter", "all_gather", "all_reduce", "all_to_all"};
  const cost::NetOpScaling defaultAllToAll = cost::Network().ops[4];
  for (unsigned op = 0; op < cost::NumAllNetOps; ++op) {
    const cost::NetOpScaling &s = n.ops[op];
    // all_to_all is calcc's: written only when it is not the default.
    if (op == unsigned(cost::NetOp::AllToAll) &&
        s.scale == defaultAllToAll.scale && s.offset == defaultAllToAll.offset)
      continue;
    w.key(names[op]);
    w.beginList();
    w.real(s.scale);
    if (op == unsigned(cost::NetOp::P2P))
      w.null();
    else
      w.intLike(s.offset);
    w.endList();
  }
  w.endObject();
  w.key("must_be_filled");
  w.boolean(n.mustBeFilled);
  w.key("processor_usage");
  w.real(n.processorUsage);
  w.endObject();
}

} // namespace

void calc::calculon::writeModelJson(const cost::Model &m, raw_ostream &os) {
  PyWriter w(os, PyWriter::Style::JsonIndented);
  w.beginObject();
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos()) {
    if (!modelKeyWritten(f, m))
      continue;
    w.key(f.jsonKey);
    switch (f.kind) {
    case cost::ModelFieldKind::Int:
      w.integer(f.getInt(m));
      break;
    case cost::ModelFieldKind::Real:
      w.real(f.getReal(m));
      break;
    case cost::ModelFieldKind::Choice:
      w.string(f.choices[f.getInt(m)]);
      break;
    }
  }
  w.endObject();
  os << "\n";
}

void calc::calculon::writeExecutionJson(const cost::Execution &x,
                                        raw_ostream &os) {
  using Kind = cost::ExecutionFieldKind;
  bool experts = x.expertPar != 1 || x.expertTensorPar != 1 ||
                 x.expertParNet != 0 || x.expertImbalance != 1;
  cost::ExecutionFieldGroups used = cost::groupsUsed(x, experts);
  PyWriter w(os, PyWriter::Style::JsonIndented);
  w.beginObject();
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos()) {
    if (!(used & cost::groupBit(f.group)))
      continue;
    w.key(f.key);
    switch (f.kind) {
    case Kind::Int:
    case Kind::NetIndex:
      w.integer(f.getInt(x));
      break;
    case Kind::Bool:
      w.boolean(f.getInt(x) != 0);
      break;
    case Kind::Real:
      w.real(f.getReal(x));
      break;
    case Kind::Choice:
      w.string(f.choices[f.getInt(x)]);
      break;
    case Kind::Attention:
      w.string("multihead");
      break;
    }
  }
  w.endObject();
  os << "\n";
}

void calc::calculon::writeSystemJson(const cost::System &s, raw_ostream &os,
                                     std::vector<std::string> &warnings) {
  PyWriter w(os, PyWriter::Style::JsonIndented);
  w.beginObject();
  engines(w, s.matrix, "matrix", warnings);
  engines(w, s.vector, "vector", warnings);
  memory(w, s.mem1, "mem1", warnings);
  memory(w, s.mem2, "mem2", warnings);
  w.key("processing_mode");
  w.string(s.processingMode == cost::ProcessingMode::Roofline ? "roofline"
                                                               : "no_overlap");
  w.key("networks");
  w.beginList();
  for (unsigned i = 0; i < s.networks.size(); ++i)
    network(w, s.networks[i], i, warnings);
  w.endList();
  w.endObject();
  os << "\n";
}
