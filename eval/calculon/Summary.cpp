//===- Summary.cpp - The human-readable summary of `llm ... -` (§10.3) ----===//
//
// Two layouts: Calculon's own text (writeCalculonSummary, what `calculon
// llm … -` logs, which scripts parse) and calcc's (writeSummary, behind
// `--calcc-summary`: grouped lines, the MoE and CP extensions).
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/StatsWriter.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/HumanFormat.h"

#include <fmt/format.h>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

/// Python's repr of the execution fields `keep` selects, as one dict after
/// \p label ("Execution: {…}"), in the table's order; nothing when none is.
/// \p attention is what the model's kv_heads make of attention_type.
template <class Keep>
static void writeFieldsRepr(raw_ostream &os, const char *label,
                            const cost::Execution &x, StringRef attention,
                            Keep keep, const char *end = "}\n") {
  using Kind = cost::ExecutionFieldKind;
  const char *sep = nullptr;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos()) {
    if (!keep(f))
      continue;
    os << (sep ? sep : label) << (sep ? "" : ": {") << '\'' << f.key << "': ";
    sep = ", ";
    switch (f.kind) {
    case Kind::Int:
    case Kind::NetIndex:
      os << f.getInt(x);
      break;
    case Kind::Bool:
      os << (f.getInt(x) ? "True" : "False");
      break;
    case Kind::Real:
      os << fmt::format("{}", f.getReal(x));
      break;
    case Kind::Choice:
      os << '\'' << f.choices[f.getInt(x)] << '\'';
      break;
    case Kind::Attention:
      os << '\'' << attention << '\'';
      break;
    }
  }
  if (sep)
    os << end;
}

/// What the model's kv_heads make of Calculon's attention_type.
static std::string attentionType(const cost::Model &m) {
  return m.isMultiHead()   ? "multihead"
         : m.kvHeads == 1 ? "multiquery"
                          : fmt::format("grouped({})", m.kvHeads);
}

/// Calculon's execution dict (its 23 keys), the expert layout of a MoE
/// model, then calcc's context-parallel and kernel keys when the run uses
/// them.
static void writeExecutionRepr(raw_ostream &os, const cost::Model &m,
                               const cost::Execution &x) {
  std::string attention = attentionType(m);
  using Group = cost::ExecutionFieldGroup;
  writeFieldsRepr(os, "Execution", x, attention,
                  [](const cost::ExecutionFieldInfo &f) {
                    return f.group == Group::Calculon;
                  });
  if (m.isMoe())
    os << fmt::format("Experts: {} top_k={} EP={} ETP={} EDP={} "
                      "expert_par_net={} expert_imbalance={}\n",
                      m.experts, m.topK, x.expertPar, x.expertTensorPar,
                      x.expertDataPar(), x.expertParNet, x.expertImbalance);
  cost::ExecutionFieldGroups used = cost::groupsUsed(x, /*moe=*/false);
  writeFieldsRepr(os, "Also", x, attention,
                  [&](const cost::ExecutionFieldInfo &f) {
                    return f.group != Group::Calculon &&
                           f.group != Group::Expert &&
                           (used & cost::groupBit(f.group));
                  });
}

namespace {

/// How a summary line prints its statistic.
enum class Format { Bytes, Seconds, Rate, Percent, Plain, Rule };

struct Line {
  const char *label;
  cost::Stat stat;
  Format format;
};

using cost::Stat;
const Line lines[] = {
    {"Weights", Stat::WeightSpace, Format::Bytes},
    {"Act", Stat::ActSpace, Format::Bytes},
    {"Act CP", Stat::ActCheckpointSize, Format::Bytes},
    {"Act grad", Stat::ActGradSpace, Format::Bytes},
    {"Weight grad", Stat::WeightGradSpace, Format::Bytes},
    {"Optim space", Stat::OptimizerSpace, Format::Bytes},
    {nullptr, Stat::TotalTime, Format::Rule},
    {"Batch FW time", Stat::FwTime, Format::Seconds},
    {"Batch BW time", Stat::BwTime, Format::Seconds},
    {"Batch optim time", Stat::OptimStepTime, Format::Seconds},
    {"Batch FW offload overhead", Stat::FwOffloadExposedTime, Format::Seconds},
    {"Batch BW offload overhead", Stat::BwOffloadExposedTime, Format::Seconds},
    {"Batch recompute overhead", Stat::RecomputeTime, Format::Seconds},
    {"Batch recomm overhead", Stat::RecommExposedTime, Format::Seconds},
    {"Batch bubble overhead", Stat::BubbleTime, Format::Seconds},
    {"Batch TP comm overhead", Stat::TpCommExposedTime, Format::Seconds},
    {"Batch PP comm overhead", Stat::PpCommExposedTime, Format::Seconds},
    {"Batch DP comm overhead", Stat::DpCommExposedTime, Format::Seconds},
    {"Batch TP comm time on link", Stat::TpCommLinkTime, Format::Seconds},
    {"Batch PP comm time on link", Stat::PpCommLinkTime, Format::Seconds},
    {"Batch DP comm time on link", Stat::DpCommLinkTime, Format::Seconds},
    {"Batch total time", Stat::TotalTime, Format::Seconds},
    {nullptr, Stat::TotalTime, Format::Rule},
    {"Activation offload required BW", Stat::ActOffloadBwReq, Format::Rate},
    {"Weight offload required BW", Stat::WeightOffloadBwReq, Format::Rate},
    {"Optimizer offload required BW", Stat::OptimOffloadBwReq, Format::Rate},
    {"Total offload required BW", Stat::OffloadMemBwReq, Format::Rate},
    {"Mem tier1 capacity requirement", Stat::ProcMemTier1CapReq, Format::Bytes},
    {"Mem tier2 capacity requirement", Stat::ProcMemTier2CapReq, Format::Bytes},
    {"Mem tier2 BW for offload", Stat::OffloadMemBwReq, Format::Rate},
    {nullptr, Stat::TotalTime, Format::Rule},
    {"Compute efficiency", Stat::ComputeEfficiency, Format::Percent},
    {"System efficiency", Stat::SystemEfficiency, Format::Percent},
    {"Total efficiency", Stat::TotalEfficiency, Format::Percent},
    {"Sample rate", Stat::SampleRate, Format::Plain},
};

std::string formatValue(double v, Format format) {
  switch (format) {
  case Format::Bytes:
    return cost::humanBytes(v);
  case Format::Seconds:
    return fmt::format("{:.4f}", v);
  case Format::Rate:
    return cost::humanFormat(v, 1000, "B/s");
  case Format::Percent:
    return fmt::format("{:.2f}%", v * 100);
  case Format::Plain:
  case Format::Rule:
    break;
  }
  return fmt::format("{:.2f}", v);
}

} // namespace

void calc::calculon::writeSummary(raw_ostream &os, const cost::Model &m,
                                  const cost::Execution &x,
                                  const cost::Stats &s) {
  std::string rule(80, '=');
  int64_t Lp = (m.numBlocks + x.pipelinePar - 1) / x.pipelinePar;
  os << fmt::format("Model: blocks={} hidden={} feedforward={} heads={} "
                    "attn_size={}\n",
                    m.numBlocks, m.hidden, m.feedforward, m.attnHeads,
                    m.attnSize);
  os << fmt::format("Processors: {} TP={} PP={} DP={}{} blocks per "
                    "processor={}\n",
                    x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar,
                    x.contextPar > 1 ? fmt::format(" CP={}", x.contextPar)
                                     : std::string(),
                    Lp);
  writeExecutionRepr(os, m, x);
  os << rule << "\n";
  for (const Line &line : lines) {
    if (line.format == Format::Rule)
      os << rule << "\n";
    else
      os << line.label << ": " << formatValue(s[line.stat], line.format)
         << "\n";
  }
  using cost::ExtStat;
  if (x.contextPar > 1)
    os << "Batch context-parallel ring time (exposed): "
       << formatValue(s[ExtStat::CpCommTime], Format::Seconds) << " ("
       << formatValue(s[ExtStat::CpCommExposedTime], Format::Seconds) << ")\n";
  if (!m.isMoe())
    return;
  os << rule << "\n";
  os << fmt::format("MoE blocks per processor: {}\n",
                    s[ExtStat::MoeBlocksPerProc]);
  os << "Batch MoE all-to-all time (exposed): "
     << formatValue(s[ExtStat::MoeA2aTime], Format::Seconds) << "\n";
  os << "Batch expert TP comm time (exposed): "
     << formatValue(s[ExtStat::MoeEtpCommTime], Format::Seconds) << "\n";
  os << "Batch expert compute time: "
     << formatValue(s[ExtStat::ExpertComputeTime], Format::Seconds) << "\n";
  os << "Batch expert DP comm time on link: "
     << formatValue(s[ExtStat::ExpertDpCommTime], Format::Seconds) << "\n";
  os << "Expert weights: " << cost::humanBytes(s[ExtStat::ExpertWeightSpace])
     << "\n";
  os << "Tokens dropped: "
     << formatValue(s[ExtStat::MoeTokensDropped], Format::Percent) << "\n";
  os << "Parameters: " << cost::humanFormat(s[ExtStat::TotalParams], 1000, "")
     << " total, " << cost::humanFormat(s[ExtStat::ActiveParams], 1000, "")
     << " active\n";
  os << "Model FLOPS per processor (Megatron's count): "
     << cost::humanFormat(s[ExtStat::ModelFlopsPerProc], 1000, "FLOPS") << "\n";
}

/// Calculon's Llm.display_stats (caa4b11): a rule of 80 '=', the model and
/// the processors, the execution and system dicts, then one "Label: value;"
/// line per statistic, logged with Python's default handler (a newline
/// after the text, which ends in one already). Only Calculon's fields:
/// calcc's extensions are in writeSummary's layout.
void calc::calculon::writeCalculonSummary(raw_ostream &os,
                                          const cost::Model &m,
                                          const cost::Execution &x,
                                          const cost::Stats &s,
                                          StringRef systemRepr) {
  int64_t Lp = (m.numBlocks + x.pipelinePar - 1) / x.pipelinePar;
  os << std::string(80, '=') << "\n";
  os << fmt::format("blocks={}, hidden={}, feedforward={}\n", m.numBlocks,
                    m.hidden, m.feedforward);
  os << fmt::format("num attn heads: {}, attn_size={}\n", m.attnHeads,
                    m.attnSize);
  os << fmt::format("Run on {} processors with:\nTP={}\nPP={}\nDP={}\n",
                    x.numProcs, x.tensorPar, x.pipelinePar, x.dataPar);
  os << fmt::format("Blocks per processor: {}\n", Lp);
  writeFieldsRepr(
      os, "Execution", x, attentionType(m),
      [](const cost::ExecutionFieldInfo &f) {
        return f.group == cost::ExecutionFieldGroup::Calculon;
      },
      "};\n");
  os << "System: " << systemRepr << ";\n";
  for (const Line &line : lines)
    if (line.format != Format::Rule)
      os << line.label << ": " << formatValue(s[line.stat], line.format)
         << ";\n";
  os << "\n";
}
