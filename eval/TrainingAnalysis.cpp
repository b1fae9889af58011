//===- TrainingAnalysis.cpp - `evaluate r = training { … }` -> eval/cost ---===//
//
// The bridge between the language and the cost library (ARCHITECTURE.md
// §1): converts the model, system and execution entities (already checked
// complete and meeting their `require` lines) into cost::Model, System and
// Execution in SI units, runs cost::evaluateTraining, and binds Calculon's 96
// statistics as a `training_result` record. A rejected plan is an error at
// the `evaluate` keyword with the values as notes (LANGUAGE.md §6).
//
//===----------------------------------------------------------------------===//
#include "eval/Statements.h"
#include "eval/cost/Training.h"
#include "ir/CheckedInt.h"
#include "ir/NumberFormat.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

namespace {

/// Reads fields of instances by name; the first failure makes `ok` false
/// (its diagnostic has been reported by the evaluator).
class FieldReader {
public:
  FieldReader(Evaluator &ev, llvm::SMRange use) : ev(ev), use(use) {}

  Value get(Instance *inst, llvm::StringRef name) {
    int slot = inst ? inst->schema->lookup(name) : -1;
    if (slot < 0) {
      ok = false;
      return Value::error();
    }
    Value v = ev.field(inst, slot, use);
    ok &= !v.isError();
    return v;
  }
  int64_t integer(Instance *inst, llvm::StringRef name) {
    Value v = get(inst, name);
    return v.kind == Value::Int ? v.i : int64_t(v.asDouble());
  }
  double real(Instance *inst, llvm::StringRef name) {
    return get(inst, name).asDouble();
  }
  bool boolean(Instance *inst, llvm::StringRef name) { return get(inst, name).b; }
  std::string string(Instance *inst, llvm::StringRef name) {
    return get(inst, name).getString().str();
  }
  Instance *object(Instance *inst, llvm::StringRef name) {
    Value v = get(inst, name);
    return v.kind == Value::Object ? v.object : nullptr;
  }
  /// An optional nested block, or null when absent.
  Instance *optionalObject(Instance *inst, llvm::StringRef name) {
    int slot = inst->schema->lookup(name);
    for (const Layer &l : inst->layers)
      if (l.block && l.block->find(slot))
        return object(inst, name);
    return nullptr;
  }
  cost::EfficiencyTable table(Instance *inst, llvm::StringRef name) {
    cost::EfficiencyTable t;
    const ValueList &xs = get(inst, name).elements();
    for (size_t i = 0; i + 1 < xs.size(); i += 2)
      t.steps.push_back({xs[i].asDouble(), xs[i + 1].asDouble()});
    return t;
  }

  bool ok = true;

private:
  Evaluator &ev;
  llvm::SMRange use;
};

} // namespace

static cost::Model toModel(FieldReader &r, Instance *m) {
  cost::Model model;
  model.hidden = r.integer(m, "hidden");
  model.feedforward = r.integer(m, "feedforward");
  model.seqSize = r.integer(m, "seq_size");
  model.attnHeads = r.integer(m, "attn_heads");
  model.attnSize = r.integer(m, "attn_size");
  model.numBlocks = r.integer(m, "num_blocks");
  model.kvHeads = r.integer(m, "kv_heads");
  model.mlpType = r.string(m, "mlp_type") == "swiglu" ? cost::MlpType::SwiGlu
                                                      : cost::MlpType::Gelu;
  return model;
}

static const char *const dataTypeNames[cost::NumDataTypes] = {
    "float8", "float16", "bfloat16", "float32"};

static cost::DataType dataTypeOf(llvm::StringRef name) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i)
    if (name == dataTypeNames[i])
      return cost::DataType(i);
  return cost::DataType::Float16;
}

static cost::Execution toExecution(FieldReader &r, Instance *e) {
  cost::Execution x;
  x.numProcs = r.integer(e, "num_procs");
  x.tensorPar = r.integer(e, "tensor_par");
  x.pipelinePar = r.integer(e, "pipeline_par");
  x.dataPar = r.integer(e, "data_par");
  x.tensorParNet = int(r.integer(e, "tensor_par_net"));
  x.pipelineParNet = int(r.integer(e, "pipeline_par_net"));
  x.dataParNet = int(r.integer(e, "data_par_net"));
  x.batchSize = r.integer(e, "batch_size");
  x.microbatchSize = r.integer(e, "microbatch_size");
  x.datatype = dataTypeOf(r.string(e, "datatype"));
  x.fusedActivation = r.boolean(e, "fused_activation");
  x.activationRecompute =
      llvm::StringSwitch<cost::Recompute>(r.string(e, "activation_recompute"))
          .Case("full", cost::Recompute::Full)
          .Case("attn_only", cost::Recompute::AttnOnly)
          .Default(cost::Recompute::None);
  x.pipelineInterleaving = r.integer(e, "pipeline_interleaving");
  x.optimizerSharding = r.boolean(e, "optimizer_sharding");
  x.tensorParCommType =
      llvm::StringSwitch<cost::TpCommType>(r.string(e, "tensor_par_comm_type"))
          .Case("rs_ag", cost::TpCommType::RsAg)
          .Case("p2p_rs_ag", cost::TpCommType::P2pRsAg)
          .Default(cost::TpCommType::AllReduce);
  x.tensorParOverlap =
      llvm::StringSwitch<cost::TpOverlap>(r.string(e, "tensor_par_overlap"))
          .Case("ring", cost::TpOverlap::Ring)
          .Case("pipe", cost::TpOverlap::Pipe)
          .Default(cost::TpOverlap::None);
  x.seqParAgRedo = r.boolean(e, "seq_par_ag_redo");
  x.dataParOverlap = r.boolean(e, "data_par_overlap");
  x.weightOffload = r.boolean(e, "weight_offload");
  x.activationsOffload = r.boolean(e, "activations_offload");
  x.optimizerOffload = r.boolean(e, "optimizer_offload");
  x.training = r.boolean(e, "training");
  return x;
}

static void toEngines(FieldReader &r, Instance *engines, cost::Engine *out) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i) {
    Instance *eng = engines ? r.optionalObject(engines, dataTypeNames[i]) : nullptr;
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
    net.ops[i].offset = 0;
    int slot = op->schema->lookup("offset");
    for (const Layer &l : op->layers)
      if (l.block && l.block->find(slot)) {
        net.ops[i].offset = r.real(op, "offset");
        break;
      }
  }
  return net;
}

static cost::System toSystem(FieldReader &r, Instance *s) {
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

/// Reports a rejected plan at the `evaluate` keyword.
static void reportRejection(const Stmt &stmt, Evaluator &ev,
                            const cost::EvalStatus &status, Instance *system,
                            Instance *model, Instance *exe) {
  std::string text;
  llvm::raw_string_ostream os(text);
  bool memory = status.error == cost::EvalError::Mem1Capacity ||
                status.error == cost::EvalError::Mem2Capacity;
  if (memory) {
    auto gib = parseUnit("GiB");
    os << (status.error == cost::EvalError::Mem1Capacity ? "mem1" : "mem2")
       << " needs " << formatInUnit(status.x, *gib, 6) << " but '"
       << system->name << "' has " << formatInUnit(status.y, *gib, 6);
  } else {
    cost::renderStatus(status, os);
  }
  os.flush();
  // The cost library keeps Calculon's wording ("Network tier0 isn't big
  // enough"), which `calcc llm` must print verbatim; a diagnostic continues
  // in lowercase (LANGUAGE.md §8). Acronyms ("TP ...") stay as they are.
  if (text.size() > 1 && llvm::isAlpha(text[1]) &&
      text[1] == llvm::toLower(text[1]))
    text[0] = llvm::toLower(text[0]);
  auto diag = ev.diagnostics().error(stmt.loc, "training plan rejected: " + text,
                                     {stmt.range});
  diag.note(stmt.loc, "model '" + model->name + "', system '" + system->name +
                          "', execution '" + exe->name + "'");
}

Value eval::runTraining(const Stmt &stmt, Evaluator &ev) {
  Instance *inputs = ev.amend(nullptr, stmt.analysis->schema, stmt.analysis,
                              nullptr, stmt.name);
  llvm::SMRange use = stmt.range;
  FieldReader r(ev, use);
  Instance *model = r.object(inputs, "model");
  Instance *system = r.object(inputs, "system");
  Instance *exe = r.object(inputs, "execution");
  if (!r.ok || !ev.validate(inputs, use))
    return Value::error();
  cost::Model m = toModel(r, model);
  cost::System s = toSystem(r, system);
  cost::Execution x = toExecution(r, exe);
  if (!r.ok)
    return Value::error();
  cost::EvalStatus status = cost::checkSystem(s);
  cost::Workspace ws;
  cost::Stats stats;
  if (status.ok())
    status = cost::evaluateTraining(m, s, x, ws, stats);
  if (!status.ok()) {
    reportRejection(stmt, ev, status, system, model, exe);
    return Value::error();
  }
  // Statistics Calculon computes with integers only stay integers.
  cost::StatTypes types;
  cost::statTypes(m, s, x, ws, types);
  const Schema *rs = stmt.resultSchema;
  std::vector<Value> values(rs->fields.size());
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    cost::Stat st = cost::Stat(i);
    int slot = rs->lookup(cost::statKey(st));
    if (slot < 0)
      continue;
    double v = stats[st];
    Dimension dim = rs->fields[slot].type.dim;
    if (st == cost::Stat::ActCheckpointSizeWithOffload && stats.checkpointWithOffloadIsNull)
      v = 0;
    auto exact = exactInt(v);
    values[slot] = types.isInt[i] && exact ? Value::integer(*exact, dim)
                                                     : Value::real(v, dim);
    // A count unit (`sample/s`) is how the stat reads; base units (`B`, `s`)
    // are left to the automatic display (GiB, ms…).
    const Unit &declared = rs->fields[slot].unit;
    if (declared.scale == 1 && declared.text != baseUnitFor(dim).text)
      values[slot].unit = declared;
  }
  Instance *record = ev.makeRecord(rs, stmt.name, std::move(values));
  record->inputs = inputs;
  return Value::makeObject(record);
}
