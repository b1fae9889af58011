//===- SearchOutput.cpp - Calculon's loe/lae result files -----------------===//
#include "eval/calculon/search/SearchOutput.h"

#include "eval/calculon/PyWriter.h"
#include "eval/cost/ExecutionFields.h"

using namespace calc;
using namespace calc::calculon;
using llvm::raw_ostream;
using llvm::StringRef;

/// The keys of the execution fields the outputs write: Calculon's, then
/// (for a mixture-of-experts model) the expert ones. The loe/lae spaces fix
/// context_par to 1 and the GEMMs' datatype to the datatype.
static bool written(const cost::ExecutionFieldInfo &f, bool experts) {
  return f.group == cost::ExecutionFieldGroup::Calculon ||
         (experts && f.group == cost::ExecutionFieldGroup::Expert);
}

StringRef calc::calculon::attentionTypeName(const cost::Model &model) {
  return model.isMultiQuery() ? "multiquery" : "multihead";
}

/// One execution value: through `w` as JSON, or (`csv`) as Python's str()
/// with no quotes, which is how Calculon's CSV cells read.
static void writeExecutionValue(PyWriter &w, raw_ostream *csv,
                                const cost::ExecutionFieldInfo &f,
                                StringRef attention, const cost::Execution &x) {
  using Kind = cost::ExecutionFieldKind;
  switch (f.kind) {
  case Kind::Int:
  case Kind::NetIndex:
    if (csv)
      *csv << f.getInt(x);
    else
      w.integer(f.getInt(x));
    return;
  case Kind::Bool:
    if (csv)
      *csv << (f.getInt(x) ? "True" : "False");
    else
      w.boolean(f.getInt(x));
    return;
  case Kind::Real:
    w.real(f.getReal(x));
    return;
  case Kind::Choice:
  case Kind::Attention: {
    StringRef name =
        f.kind == Kind::Attention ? attention : f.choices[f.getInt(x)];
    if (csv)
      *csv << name;
    else
      w.string(name);
    return;
  }
  }
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

void calc::calculon::writeCsvHeader(raw_ostream &os, bool rankColumn,
                                    bool withLayers, bool experts) {
  const char *sep = rankColumn ? "," : "";
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
    if (written(f, experts)) {
      os << sep << f.key;
      sep = ",";
    }
  for (unsigned i = 0; i < cost::NumStats; ++i)
    os << ',' << cost::statKey(cost::Stat(i));
  for (unsigned i = 0; experts && i < cost::NumExtStats; ++i)
    os << ',' << cost::extStatKey(cost::ExtStat(i));
  if (withLayers)
    os << ",layers";
  os << '\n';
}

void calc::calculon::writeCsvValues(raw_ostream &os, StringRef attention,
                                    const cost::Execution &x,
                                    const cost::Stats &stats,
                                    const cost::StatTypes &types,
                                    bool experts) {
  // Repr style with no container: values come out comma-free, so the
  // separators are written here.
  PyWriter w(os, PyWriter::Style::Repr);
  const char *sep = "";
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
    if (written(f, experts)) {
      os << sep;
      sep = ",";
      writeExecutionValue(w, &os, f, attention, x);
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

void calc::calculon::writeOptimalJson(raw_ostream &os, StringRef attention,
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
    for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos())
      if (written(f, experts)) {
        w.key(f.key);
        writeExecutionValue(w, nullptr, f, attention, r.exe);
      }
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

void calc::calculon::writeOptimalCsv(raw_ostream &os, StringRef attention,
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
