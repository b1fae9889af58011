//===- CostInputs.cpp - Language entities -> cost library structs ---------===//
//
// Field names are Calculon's (the prelude follows its JSON), values are
// already in SI units (the evaluator normalises `GiB`, `TFLOPS`, `GB/s`…), so
// the conversion is a field-by-field copy plus the enumerated strings.
//
//===----------------------------------------------------------------------===//
#include "eval/CostInputs.h"
#include "eval/cost/ModelFields.h"

#include <algorithm>

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

cost::Model eval::toCostModel(FieldReader &r, Instance *m) {
  cost::Model model;
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos())
    switch (f.kind) {
    case cost::ModelFieldKind::Int:
      f.setInt(model, r.integer(m, f.key));
      break;
    case cost::ModelFieldKind::Real:
      f.setReal(model, r.real(m, f.key));
      break;
    case cost::ModelFieldKind::Choice:
      // The prelude's enum admits only the table's spellings.
      f.setInt(model, std::max(0, f.choiceIndex(r.string(m, f.key))));
      break;
    }
  return model;
}

cost::DataType eval::dataTypeNamed(llvm::StringRef name) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i)
    if (name == cost::dataTypeName(cost::DataType(i)))
      return cost::DataType(i);
  return cost::DataType::Float16;
}

int64_t eval::intValue(const Value &v) {
  return v.kind == Value::Int ? v.i : int64_t(v.asDouble());
}

void ExecutionField::set(cost::Execution &x, const Value &v) const {
  using Kind = cost::ExecutionFieldKind;
  switch (info->kind) {
  case Kind::Int:
  case Kind::NetIndex:
    info->setInt(x, intValue(v));
    return;
  case Kind::Bool:
    info->setInt(x, v.b);
    return;
  case Kind::Real:
    info->setReal(x, v.asDouble());
    return;
  case Kind::Choice:
    // The prelude's enum admits only the table's spellings.
    info->setInt(x, std::max(0, info->choiceIndex(v.getString())));
    return;
  case Kind::Attention:
    return;
  }
}

// The execution fields the prelude declares, in the table's order.
static const std::vector<ExecutionField> executionTable = [] {
  std::vector<ExecutionField> out;
  for (const cost::ExecutionFieldInfo &info : cost::executionFieldInfos())
    if (info.hasMember())
      out.push_back({info.key, &info});
  return out;
}();

llvm::ArrayRef<ExecutionField> eval::executionFields() {
  return executionTable;
}

cost::Execution eval::toCostExecution(FieldReader &r, Instance *e) {
  cost::Execution x;
  for (const ExecutionField &f : executionTable)
    f.set(x, r.get(e, f.name));
  return x;
}

static void toEngines(FieldReader &r, Instance *engines, cost::Engine *out) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i) {
    Instance *eng = engines ? r.optionalObject(engines, cost::dataTypeName(cost::DataType(i))) : nullptr;
    if (!eng)
      continue;
    out[i].present = true;
    out[i].peak = r.real(eng, "peak");
    out[i].efficiency = r.table(eng, "efficiency");
  }
}

static cost::MemoryTier toMemory(FieldReader &r, Instance *m) {
  cost::MemoryTier t;
  if (!m)
    return t;
  t.capacity = r.real(m, "capacity");
  t.bandwidth = r.real(m, "bandwidth");
  t.efficiency = r.table(m, "efficiency");
  return t;
}

static cost::Network toNetwork(FieldReader &r, Instance *n) {
  cost::Network net;
  net.bandwidth = r.real(n, "bandwidth");
  net.efficiency = r.real(n, "efficiency");
  net.size = r.integer(n, "size");
  net.latency = r.real(n, "latency");
  net.mustBeFilled = r.boolean(n, "must_be_filled");
  net.processorUsage = r.real(n, "processor_usage");
  Instance *ops = r.object(n, "ops");
  static const char *const opNames[cost::NumNetOps] = {
      "p2p", "reduce_scatter", "all_gather", "all_reduce"};
  for (unsigned i = 0; ops && i < cost::NumNetOps; ++i) {
    Instance *op = r.object(ops, opNames[i]);
    if (!op)
      continue;
    net.ops[i].scale = r.real(op, "scale");
    net.ops[i].offset =
        FieldReader::isDefined(op, "offset") ? r.real(op, "offset") : 0;
  }
  // calcc's own operation, optional: without it every peer of an
  // all-to-all sends (n-1)/n of its data (cost::Network's default).
  if (ops && FieldReader::isDefined(ops, "all_to_all"))
    if (Instance *op = r.object(ops, "all_to_all")) {
      auto &a2a = net.ops[unsigned(cost::NetOp::AllToAll)];
      a2a.scale = r.real(op, "scale");
      a2a.offset =
          FieldReader::isDefined(op, "offset") ? r.real(op, "offset") : 0;
    }
  return net;
}

cost::System eval::toCostSystem(FieldReader &r, Instance *s) {
  cost::System sys;
  toEngines(r, r.object(s, "matrix"), sys.matrix);
  toEngines(r, r.object(s, "vector"), sys.vector);
  sys.mem1 = toMemory(r, r.object(s, "mem1"));
  sys.mem2 = toMemory(r, r.object(s, "mem2"));
  sys.processingMode = r.string(s, "processing_mode") == "roofline"
                           ? cost::ProcessingMode::Roofline
                           : cost::ProcessingMode::NoOverlap;
  for (const Value &n : r.get(s, "networks").elements())
    if (n.kind == Value::Object)
      sys.networks.push_back(toNetwork(r, n.object));
  return sys;
}

