//===- SearchOutput.cpp - Calculon's loe/lae result files -----------------===//
#include "eval/search/SearchOutput.h"

#include "eval/search/PyWriter.h"

using namespace calc;
using namespace calc::search;
using llvm::raw_ostream;
using llvm::StringRef;

llvm::ArrayRef<StringRef> calc::search::executionKeys() {
  static const StringRef keys[] = {
      "num_procs",           "tensor_par",          "pipeline_par",
      "data_par",            "tensor_par_net",      "pipeline_par_net",
      "data_par_net",        "batch_size",          "microbatch_size",
      "datatype",            "fused_activation",    "attention_type",
      "activation_recompute", "pipeline_interleaving", "optimizer_sharding",
      "tensor_par_comm_type", "tensor_par_overlap", "seq_par_ag_redo",
      "data_par_overlap",    "weight_offload",      "activations_offload",
      "optimizer_offload",   "training"};
  return keys;
}

llvm::ArrayRef<StringRef> calc::search::expertExecutionKeys() {
  static const StringRef keys[] = {"expert_par", "expert_tensor_par",
                                   "expert_par_net", "expert_imbalance"};
  return keys;
}

/// The expert keys' values (and keys, `withKeys`) of a MoE model's plan.
static void writeExpertValues(PyWriter &w, const cost::Execution &x,
                              bool withKeys) {
  llvm::ArrayRef<StringRef> keys = expertExecutionKeys();
  auto key = [&](unsigned i) {
    if (withKeys)
      w.key(keys[i]);
  };
  key(0);
  w.integer(x.expertPar);
  key(1);
  w.integer(x.expertTensorPar);
  key(2);
  w.integer(x.expertParNet);
  key(3);
  w.real(x.expertImbalance);
}

static StringRef recomputeName(cost::Recompute r) {
  switch (r) {
  case cost::Recompute::None:
    return "none";
  case cost::Recompute::AttnOnly:
    return "attn_only";
  case cost::Recompute::Full:
    return "full";
  }
  return "none";
}

static StringRef commName(cost::TpCommType c) {
  switch (c) {
  case cost::TpCommType::AllReduce:
    return "ar";
  case cost::TpCommType::P2pRsAg:
    return "p2p_rs_ag";
  case cost::TpCommType::RsAg:
    return "rs_ag";
  }
  return "ar";
}

static StringRef overlapName(cost::TpOverlap o) {
  switch (o) {
  case cost::TpOverlap::None:
    return "none";
  case cost::TpOverlap::Ring:
    return "ring";
  case cost::TpOverlap::Pipe:
    return "pipe";
  }
  return "none";
}

/// The 23 values in key order, through `w` (one call per value).
StringRef calc::search::attentionTypeName(const cost::Model &model) {
  return model.isMultiQuery() ? "multiquery" : "multihead";
}

static void writeExecutionValues(PyWriter &w, StringRef attention,
                                 const cost::Execution &x, bool withKeys) {
  llvm::ArrayRef<StringRef> keys = executionKeys();
  unsigned i = 0;
  auto key = [&] {
    if (withKeys)
      w.key(keys[i]);
    ++i;
  };
  key();
  w.integer(x.numProcs);
  key();
  w.integer(x.tensorPar);
  key();
  w.integer(x.pipelinePar);
  key();
  w.integer(x.dataPar);
  key();
  w.integer(x.tensorParNet);
  key();
  w.integer(x.pipelineParNet);
  key();
  w.integer(x.dataParNet);
  key();
  w.integer(x.batchSize);
  key();
  w.integer(x.microbatchSize);
  key();
  w.string(cost::dataTypeName(x.datatype));
  key();
  w.boolean(x.fusedActivation);
  key();
  w.string(attention);
  key();
  w.string(recomputeName(x.activationRecompute));
  key();
  w.integer(x.pipelineInterleaving);
  key();
  w.boolean(x.optimizerSharding);
  key();
  w.string(commName(x.tensorParCommType));
  key();
  w.string(overlapName(x.tensorParOverlap));
  key();
  w.boolean(x.seqParAgRedo);
  key();
  w.boolean(x.dataParOverlap);
  key();
  w.boolean(x.weightOffload);
  key();
  w.boolean(x.activationsOffload);
  key();
  w.boolean(x.optimizerOffload);
  key();
  w.boolean(x.training);
}

static void writeNumber(PyWriter &w, double value, bool isInt) {
  if (isInt)
    w.intLike(value);
  else
    w.real(value);
}

static void writeStat(PyWriter &w, const cost::Stats &s,
                      const cost::StatTypes &types, cost::Stat k) {
  if (k == cost::Stat::ActCheckpointSizeWithOffload &&
      s.checkpointWithOffloadIsNull)
    w.null();
  else
    writeNumber(w, s[k], types.isInt[unsigned(k)]);
}

static void writeLayers(PyWriter &w, const RankedExecution &r) {
  w.beginList();
  for (size_t l = 0; l < r.layers.size(); ++l) {
    const cost::LayerStats &layer = r.layers[l];
    w.beginObject();
    w.key("name");
    w.string(layer.name);
    for (unsigned i = 0; i < cost::NumLayerStats; ++i) {
      w.key(cost::layerStatKey(cost::LayerStat(i)));
      writeNumber(w, layer.values[i],
                  l < r.types.layerIsInt.size() && r.types.layerIsInt[l][i]);
    }
    w.endObject();
  }
  w.endList();
}

void calc::search::writeCsvHeader(raw_ostream &os, bool rankColumn,
                                  bool withLayers, bool experts) {
  const char *sep = rankColumn ? "," : "";
  for (StringRef k : executionKeys()) {
    os << sep << k;
    sep = ",";
  }
  for (unsigned i = 0; experts && i < expertExecutionKeys().size(); ++i)
    os << ',' << expertExecutionKeys()[i];
  for (unsigned i = 0; i < cost::NumStats; ++i)
    os << ',' << cost::statKey(cost::Stat(i));
  for (unsigned i = 0; experts && i < cost::NumExtStats; ++i)
    os << ',' << cost::extStatKey(cost::ExtStat(i));
  if (withLayers)
    os << ",layers";
  os << '\n';
}

void calc::search::writeCsvValues(raw_ostream &os, StringRef attention,
                                  const cost::Execution &x,
                                  const cost::Stats &stats,
                                  const cost::StatTypes &types, bool experts) {
  // Repr style with no container: values come out comma-free, so the
  // separators are written here.
  PyWriter w(os, PyWriter::Style::Repr);
  os << x.numProcs << ',' << x.tensorPar << ',' << x.pipelinePar << ','
     << x.dataPar << ',' << x.tensorParNet << ',' << x.pipelineParNet << ','
     << x.dataParNet << ',' << x.batchSize << ',' << x.microbatchSize << ','
     << cost::dataTypeName(x.datatype) << ','
     << (x.fusedActivation ? "True" : "False") << ',' << attention << ','
     << recomputeName(x.activationRecompute) << ','
     << x.pipelineInterleaving << ','
     << (x.optimizerSharding ? "True" : "False") << ','
     << commName(x.tensorParCommType) << ','
     << overlapName(x.tensorParOverlap) << ','
     << (x.seqParAgRedo ? "True" : "False") << ','
     << (x.dataParOverlap ? "True" : "False") << ','
     << (x.weightOffload ? "True" : "False") << ','
     << (x.activationsOffload ? "True" : "False") << ','
     << (x.optimizerOffload ? "True" : "False") << ','
     << (x.training ? "True" : "False");
  if (experts) {
    os << ',' << x.expertPar << ',' << x.expertTensorPar << ','
       << x.expertParNet << ',';
    w.real(x.expertImbalance);
  }
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    os << ',';
    writeStat(w, stats, types, cost::Stat(i));
  }
  for (unsigned i = 0; experts && i < cost::NumExtStats; ++i) {
    os << ',';
    writeNumber(w, stats[cost::ExtStat(i)], types.isInt[cost::NumStats + i]);
  }
}

void calc::search::writeOptimalJson(raw_ostream &os, StringRef attention,
                                    llvm::ArrayRef<RankedExecution> ranked,
                                    bool withLayers, bool compact,
                                    bool experts) {
  PyWriter w(os, compact ? PyWriter::Style::JsonCompact
                         : PyWriter::Style::JsonIndented);
  w.beginObject();
  for (size_t rank = 0; rank < ranked.size(); ++rank) {
    const RankedExecution &r = ranked[rank];
    w.key(std::to_string(rank));
    w.beginObject();
    w.key("execution");
    w.beginObject();
    writeExecutionValues(w, attention, r.exe, /*withKeys=*/true);
    if (experts)
      writeExpertValues(w, r.exe, /*withKeys=*/true);
    w.endObject();
    w.key("stats");
    w.beginObject();
    for (unsigned i = 0; i < cost::NumStats; ++i) {
      w.key(cost::statKey(cost::Stat(i)));
      writeStat(w, r.stats, r.types, cost::Stat(i));
    }
    for (unsigned i = 0; experts && i < cost::NumExtStats; ++i) {
      w.key(cost::extStatKey(cost::ExtStat(i)));
      writeNumber(w, r.stats[cost::ExtStat(i)],
                  r.types.isInt[cost::NumStats + i]);
    }
    if (withLayers) {
      w.key("layers");
      writeLayers(w, r);
    }
    w.endObject();
    w.endObject();
  }
  w.endObject();
}

void calc::search::writeOptimalCsv(raw_ostream &os, StringRef attention,
                                   llvm::ArrayRef<RankedExecution> ranked,
                                   bool withLayers, bool experts) {
  writeCsvHeader(os, /*rankColumn=*/true, withLayers, experts);
  for (size_t rank = 0; rank < ranked.size(); ++rank) {
    os << rank << ',';
    writeCsvValues(os, attention, ranked[rank].exe, ranked[rank].stats,
                   ranked[rank].types, experts);
    if (withLayers) {
      // Python str() of the list of dicts, unquoted, as Calculon writes it.
      os << ',';
      PyWriter w(os, PyWriter::Style::Repr);
      writeLayers(w, ranked[rank]);
    }
    os << '\n';
  }
}
