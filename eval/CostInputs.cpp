//===- CostInputs.cpp - Language entities -> cost library structs ---------===//
//
// Field names are Calculon's (the prelude follows its JSON), values are
// already in SI units (the evaluator normalises `GiB`, `TFLOPS`, `GB/s`…), so
// the conversion is a field-by-field copy plus the enumerated strings.
//
//===----------------------------------------------------------------------===//
#include "eval/CostInputs.h"

#include "llvm/ADT/StringSwitch.h"

using namespace calc;
using namespace calc::eval;
using namespace calc::ir;

cost::Model eval::toCostModel(FieldReader &r, Instance *m) {
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
  model.vocab = r.integer(m, "vocab");
  model.experts = r.integer(m, "experts");
  model.topK = r.integer(m, "top_k");
  model.expertFeedforward = r.integer(m, "expert_feedforward");
  model.sharedExperts = r.integer(m, "shared_experts");
  model.denseBlocks = r.integer(m, "dense_blocks");
  model.capacityFactor = r.real(m, "capacity_factor");
  model.attention = r.string(m, "attention") == "mla"
                        ? cost::AttentionKind::Mla
                        : cost::AttentionKind::Standard;
  model.qLoraRank = r.integer(m, "q_lora_rank");
  model.kvLoraRank = r.integer(m, "kv_lora_rank");
  model.qkNopeHeadDim = r.integer(m, "qk_nope_head_dim");
  model.qkRopeHeadDim = r.integer(m, "qk_rope_head_dim");
  model.vHeadDim = r.integer(m, "v_head_dim");
  return model;
}

static const char *const dataTypeNames[cost::NumDataTypes] = {
    "float8", "float16", "bfloat16", "float32"};

cost::DataType eval::dataTypeNamed(llvm::StringRef name) {
  for (unsigned i = 0; i < cost::NumDataTypes; ++i)
    if (name == dataTypeNames[i])
      return cost::DataType(i);
  return cost::DataType::Float16;
}

int64_t eval::intValue(const Value &v) {
  return v.kind == Value::Int ? v.i : int64_t(v.asDouble());
}

// The execution fields in reading order, each with how it sets its member
// (a table, so a search can re-read only the fields that changed).
static const ExecutionField executionTable[] = {
    {"num_procs", [](cost::Execution &x, const Value &v) { x.numProcs = intValue(v); }},
    {"tensor_par", [](cost::Execution &x, const Value &v) { x.tensorPar = intValue(v); }},
    {"pipeline_par", [](cost::Execution &x, const Value &v) { x.pipelinePar = intValue(v); }},
    {"data_par", [](cost::Execution &x, const Value &v) { x.dataPar = intValue(v); }},
    {"tensor_par_net", [](cost::Execution &x, const Value &v) { x.tensorParNet = int(intValue(v)); }},
    {"pipeline_par_net", [](cost::Execution &x, const Value &v) { x.pipelineParNet = int(intValue(v)); }},
    {"data_par_net", [](cost::Execution &x, const Value &v) { x.dataParNet = int(intValue(v)); }},
    {"batch_size", [](cost::Execution &x, const Value &v) { x.batchSize = intValue(v); }},
    {"microbatch_size", [](cost::Execution &x, const Value &v) { x.microbatchSize = intValue(v); }},
    {"datatype", [](cost::Execution &x, const Value &v) { x.datatype = dataTypeNamed(v.getString()); }},
    {"fused_activation", [](cost::Execution &x, const Value &v) { x.fusedActivation = v.b; }},
    {"activation_recompute",
     [](cost::Execution &x, const Value &v) {
       x.activationRecompute =
           llvm::StringSwitch<cost::Recompute>(v.getString())
               .Case("full", cost::Recompute::Full)
               .Case("attn_only", cost::Recompute::AttnOnly)
               .Default(cost::Recompute::None);
     }},
    {"pipeline_interleaving", [](cost::Execution &x, const Value &v) { x.pipelineInterleaving = intValue(v); }},
    {"optimizer_sharding", [](cost::Execution &x, const Value &v) { x.optimizerSharding = v.b; }},
    {"tensor_par_comm_type",
     [](cost::Execution &x, const Value &v) {
       x.tensorParCommType =
           llvm::StringSwitch<cost::TpCommType>(v.getString())
               .Case("rs_ag", cost::TpCommType::RsAg)
               .Case("p2p_rs_ag", cost::TpCommType::P2pRsAg)
               .Default(cost::TpCommType::AllReduce);
     }},
    {"tensor_par_overlap",
     [](cost::Execution &x, const Value &v) {
       x.tensorParOverlap =
           llvm::StringSwitch<cost::TpOverlap>(v.getString())
               .Case("ring", cost::TpOverlap::Ring)
               .Case("pipe", cost::TpOverlap::Pipe)
               .Default(cost::TpOverlap::None);
     }},
    {"seq_par_ag_redo", [](cost::Execution &x, const Value &v) { x.seqParAgRedo = v.b; }},
    {"data_par_overlap", [](cost::Execution &x, const Value &v) { x.dataParOverlap = v.b; }},
    {"weight_offload", [](cost::Execution &x, const Value &v) { x.weightOffload = v.b; }},
    {"activations_offload", [](cost::Execution &x, const Value &v) { x.activationsOffload = v.b; }},
    {"optimizer_offload", [](cost::Execution &x, const Value &v) { x.optimizerOffload = v.b; }},
    {"training", [](cost::Execution &x, const Value &v) { x.training = v.b; }},
    {"expert_par", [](cost::Execution &x, const Value &v) { x.expertPar = intValue(v); }},
    {"expert_tensor_par", [](cost::Execution &x, const Value &v) { x.expertTensorPar = intValue(v); }},
    {"expert_par_net", [](cost::Execution &x, const Value &v) { x.expertParNet = int(intValue(v)); }},
    {"expert_imbalance", [](cost::Execution &x, const Value &v) { x.expertImbalance = v.asDouble(); }},
};

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

