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

cost::Execution eval::toCostExecution(FieldReader &r, Instance *e) {
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
    net.ops[i].offset =
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

