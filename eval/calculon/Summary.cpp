//===- Summary.cpp - The human-readable summary of `llm ... -` (§10.3) ----===//
#include "eval/calculon/StatsWriter.h"
#include "eval/cost/HumanFormat.h"

#include <fmt/format.h>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

static void writeExecutionRepr(raw_ostream &os, const cost::Model &m,
                               const cost::Execution &x) {
  static const char *const recompute[] = {"none", "attn_only", "full"};
  static const char *const comm[] = {"ar", "p2p_rs_ag", "rs_ag"};
  static const char *const overlap[] = {"none", "ring", "pipe"};
  auto b = [](bool v) { return v ? "True" : "False"; };
  std::string attention = m.isMultiHead() ? "multihead"
                          : m.kvHeads == 1
                              ? "multiquery"
                              : fmt::format("grouped({})", m.kvHeads);
  os << fmt::format(
      "Execution: {{'num_procs': {}, 'tensor_par': {}, 'pipeline_par': {}, "
      "'data_par': {}, 'tensor_par_net': {}, 'pipeline_par_net': {}, "
      "'data_par_net': {}, 'batch_size': {}, 'microbatch_size': {}, "
      "'datatype': '{}', 'fused_activation': {}, 'attention_type': '{}', "
      "'activation_recompute': '{}', 'pipeline_interleaving': {}, "
      "'optimizer_sharding': {}, 'tensor_par_comm_type': '{}', "
      "'tensor_par_overlap': '{}', 'seq_par_ag_redo': {}, "
      "'data_par_overlap': {}, 'weight_offload': {}, "
      "'activations_offload': {}, 'optimizer_offload': {}, 'training': {}}}\n",
      x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar, x.tensorParNet,
      x.pipelineParNet, x.dataParNet, x.batchSize, x.microbatchSize,
      cost::dataTypeName(x.datatype), b(x.fusedActivation), attention,
      recompute[unsigned(x.activationRecompute)], x.pipelineInterleaving,
      b(x.optimizerSharding), comm[unsigned(x.tensorParCommType)],
      overlap[unsigned(x.tensorParOverlap)], b(x.seqParAgRedo),
      b(x.dataParOverlap), b(x.weightOffload), b(x.activationsOffload),
      b(x.optimizerOffload), b(x.training));
}

void calc::calculon::writeSummary(raw_ostream &os, const cost::Model &m,
                                  const cost::Execution &x,
                                  const cost::Stats &s) {
  using cost::Stat;
  std::string rule(80, '=');
  int64_t Lp = (m.numBlocks + x.pipelinePar - 1) / x.pipelinePar;
  os << fmt::format("Model: blocks={} hidden={} feedforward={} heads={} "
                    "attn_size={}\n",
                    m.numBlocks, m.hidden, m.feedforward, m.attnHeads,
                    m.attnSize);
  os << fmt::format("Processors: {} TP={} PP={} DP={} blocks per "
                    "processor={}\n",
                    x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar, Lp);
  writeExecutionRepr(os, m, x);
  os << rule << "\n";
  auto bytes = [&](const char *label, Stat st) {
    os << label << ": " << cost::humanBytes(s[st]) << "\n";
  };
  bytes("Weights", Stat::WeightSpace);
  bytes("Act", Stat::ActSpace);
  bytes("Act CP", Stat::ActCheckpointSize);
  bytes("Act grad", Stat::ActGradSpace);
  bytes("Weight grad", Stat::WeightGradSpace);
  bytes("Optim space", Stat::OptimizerSpace);
  os << rule << "\n";
  auto time = [&](const char *label, Stat st) {
    os << fmt::format("{}: {:.4f}\n", label, s[st]);
  };
  time("Batch FW time", Stat::FwTime);
  time("Batch BW time", Stat::BwTime);
  time("Batch optim time", Stat::OptimStepTime);
  time("Batch FW offload overhead", Stat::FwOffloadExposedTime);
  time("Batch BW offload overhead", Stat::BwOffloadExposedTime);
  time("Batch recompute overhead", Stat::RecomputeTime);
  time("Batch recomm overhead", Stat::RecommExposedTime);
  time("Batch bubble overhead", Stat::BubbleTime);
  time("Batch TP comm overhead", Stat::TpCommExposedTime);
  time("Batch PP comm overhead", Stat::PpCommExposedTime);
  time("Batch DP comm overhead", Stat::DpCommExposedTime);
  time("Batch TP comm time on link", Stat::TpCommLinkTime);
  time("Batch PP comm time on link", Stat::PpCommLinkTime);
  time("Batch DP comm time on link", Stat::DpCommLinkTime);
  time("Batch total time", Stat::TotalTime);
  os << rule << "\n";
  auto rate = [&](const char *label, Stat st) {
    os << label << ": " << cost::humanFormat(s[st], 1000, "B/s") << "\n";
  };
  rate("Activation offload required BW", Stat::ActOffloadBwReq);
  rate("Weight offload required BW", Stat::WeightOffloadBwReq);
  rate("Optimizer offload required BW", Stat::OptimOffloadBwReq);
  rate("Total offload required BW", Stat::OffloadMemBwReq);
  bytes("Mem tier1 capacity requirement", Stat::ProcMemTier1CapReq);
  bytes("Mem tier2 capacity requirement", Stat::ProcMemTier2CapReq);
  rate("Mem tier2 BW for offload", Stat::OffloadMemBwReq);
  os << rule << "\n";
  os << fmt::format("Compute efficiency: {:.2f}%\n",
                    s[Stat::ComputeEfficiency] * 100);
  os << fmt::format("System efficiency: {:.2f}%\n",
                    s[Stat::SystemEfficiency] * 100);
  os << fmt::format("Total efficiency: {:.2f}%\n",
                    s[Stat::TotalEfficiency] * 100);
  os << fmt::format("Sample rate: {:.2f}\n", s[Stat::SampleRate]);
}
