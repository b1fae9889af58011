//===- StatsWriter.cpp - Calculon's `llm` outputs -------------------------===//
#include "eval/calculon/StatsWriter.h"
#include "eval/calculon/PyFloat.h"
#include "eval/cost/HumanFormat.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <fmt/format.h>
#include <zlib.h>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

void writeNumber(raw_ostream &os, double value, bool isInt) {
  if (isInt)
    writePyInt(os, value);
  else
    writePyFloat(os, value);
}

void writeStat(raw_ostream &os, const cost::Stats &stats,
               const cost::StatTypes &types, cost::Stat s) {
  if (s == cost::Stat::ActCheckpointSizeWithOffload &&
      stats.checkpointWithOffloadIsNull) {
    os << "null";
    return;
  }
  writeNumber(os, stats[s], types.isInt[unsigned(s)]);
}

void writeLayer(raw_ostream &os, const cost::LayerStats &layer,
                const std::array<bool, cost::NumLayerStats> &isInt,
                StringRef indent, StringRef nl) {
  os << "{" << nl << indent << "\"name\": \"" << layer.name << "\"";
  for (unsigned i = 0; i < cost::NumLayerStats; ++i) {
    os << "," << nl << indent << "\"" << cost::layerStatKey(cost::LayerStat(i))
       << "\": ";
    writeNumber(os, layer.values[i], isInt[i]);
  }
}

void writeIds(raw_ostream &os, ArrayRef<int64_t> ids) {
  os << "[";
  for (size_t i = 0; i < ids.size(); ++i)
    os << (i ? ", " : "") << ids[i];
  os << "]";
}

} // namespace

void calc::calculon::writeStatsJson(raw_ostream &os, const cost::Stats &stats,
                                    const cost::StatTypes &types,
                                    ArrayRef<cost::LayerStats> layers,
                                    bool withLayers, bool compact) {
  StringRef nl = compact ? "" : "\n", in1 = compact ? "" : "  ";
  std::string in3 = compact ? "" : "      ";
  os << "{";
  for (unsigned i = 0; i < cost::NumStats; ++i) {
    cost::Stat s = cost::Stat(i);
    os << (i ? "," : "") << nl << in1 << "\"" << cost::statKey(s) << "\": ";
    writeStat(os, stats, types, s);
  }
  if (withLayers) {
    os << "," << nl << in1 << "\"layers\": [";
    for (size_t i = 0; i < layers.size(); ++i) {
      os << (i ? "," : "") << nl << (compact ? "" : "    ");
      writeLayer(os, layers[i], types.layerIsInt[i], in3, nl);
      os << nl << (compact ? "" : "    ") << "}";
    }
    os << nl << in1 << "]";
  }
  os << nl << "}" << nl;
}

void calc::calculon::writePeersJson(raw_ostream &os,
                                    const cost::Execution &exe) {
  int64_t t = exe.tensorPar, p = exe.pipelinePar, D = exe.dataPar;
  SmallVector<int64_t, 64> ids;
  os << "{";
  bool first = true;
  for (int64_t di = 0; di < D; ++di)
    for (int64_t pi = 0; pi < p; ++pi)
      for (int64_t ti = 0; ti < t; ++ti) {
        int64_t id = di * (t * p) + pi * t + ti;
        os << (first ? "" : ",") << "\n  \"" << id << "\": {";
        first = false;
        const char *sep = "";
        if (t > 1) {
          ids.clear();
          for (int64_t x = 0; x < t; ++x)
            ids.push_back(di * (t * p) + pi * t + x);
          os << "\"tensor\": ";
          writeIds(os, ids);
          sep = ", ";
        }
        if (p > 1) {
          os << sep
             << "\"pipeline\": " << di * (t * p) + ((pi + 1) % p) * t + ti;
          sep = ", ";
        }
        if (D > 1) {
          ids.clear();
          for (int64_t x = 0; x < D; ++x)
            ids.push_back(x * (t * p) + pi * t + ti);
          os << sep << "\"data\": ";
          writeIds(os, ids);
        }
        os << "}";
      }
  os << "\n}\n";
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

static bool gzipString(StringRef in, std::string &out) {
  z_stream zs = {};
  // windowBits 15 + 16: a gzip header with mtime 0, so output is stable.
  if (deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return false;
  out.resize(deflateBound(&zs, in.size()) + 32);
  zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
  zs.avail_in = uInt(in.size());
  zs.next_out = reinterpret_cast<Bytef *>(&out[0]);
  zs.avail_out = uInt(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END;
}

bool calc::calculon::writeFileAtomically(StringRef path, StringRef contents,
                                         std::string &error) {
  std::string data = contents.str();
  if (path.endswith(".gz") && !gzipString(contents, data)) {
    error = (path + ": cannot compress output").str();
    return false;
  }
  SmallString<256> temp;
  int fd;
  std::error_code ec =
      sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temp);
  if (ec) {
    error = (path + ": cannot write: " + ec.message()).str();
    return false;
  }
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << data;
    os.close();
    if (os.has_error()) {
      os.clear_error();
      sys::fs::remove(temp);
      error = (path + ": cannot write").str();
      return false;
    }
  }
  ec = sys::fs::rename(temp, path);
  if (ec) {
    sys::fs::remove(temp);
    error = (path + ": cannot write: " + ec.message()).str();
    return false;
  }
  return true;
}
