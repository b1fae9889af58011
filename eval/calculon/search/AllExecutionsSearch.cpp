//===- AllExecutionsSearch.cpp - Calculon's `lae` on the engine -----------===//
//
// Every candidate is evaluated; each chunk formats its accepted rows into a
// reused text buffer, and buffers reach the sink in chunk order, so rows are
// in enumeration order and memory is bounded by the chunk window. Over
// several ranks (mpirun) each chunk's rows and counts go to rank 0, which
// writes them in chunk order (search::runChunksToRoot).
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/CalculonSearch.h"

#include "eval/cost/EvalReasons.h"
#include "eval/cost/Training.h"
#include "eval/output/Gzip.h"
#include "eval/search/ChunkRunner.h"
#include "eval/search/DistributedSearch.h"

#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace calc;
using namespace calc::calculon;

namespace {

struct RowChunk {
  std::string text;
  std::string packed; ///< `text` as a gzip member, with gzipChunks
  bool packFailed = false;
  search::ReasonCounts counts;
};

struct RowWorker {
  cost::Workspace ws;
  cost::Stats stats;
  cost::StatTypes types;
  SpaceGroup group;
};

void runRowGroup(const cost::Model &model, const cost::System &system,
                 RowWorker &w, llvm::raw_ostream &os, RowChunk &out) {
  cost::Execution &x = w.group.exe;
  for (int64_t b : w.group.microbatches)
    for (int tn = 0; tn < w.group.numTpNets; ++tn)
      for (int pn = 0; pn < w.group.numPpNets; ++pn)
        for (int dn = 0; dn < w.group.numDpNets; ++dn)
          for (int en = 0; en < w.group.numEpNets; ++en) {
            x.microbatchSize = b;
            x.tensorParNet = tn;
            x.pipelineParNet = pn;
            x.dataParNet = dn;
            x.expertParNet = en;
            cost::EvalStatus st =
                cost::evaluateTraining(model, system, x, w.ws, w.stats);
            if (!st.ok()) {
              out.counts.reject(unsigned(st.error));
              continue;
            }
            out.counts.accept();
            // Calculon's int/float spelling of each statistic.
            cost::statTypes(model, system, x, w.ws, w.types);
            writeCsvValues(os, attentionTypeName(model), x, w.stats, w.types,
                           model.isMoe());
            os << '\n';
          }
}

/// Chunk \p chunk's rows (and gzip member) and counts into \p out.
void runRowChunk(const cost::Model &model, const cost::System &system,
                 const ExecutionSpace &space, uint64_t perChunk,
                 bool gzipChunks, uint64_t chunk, RowWorker &w, RowChunk &out) {
  out.text.clear();
  out.counts.reset(cost::NumEvalErrors);
  llvm::raw_string_ostream os(out.text);
  os.SetUnbuffered();
  uint64_t begin = chunk * perChunk;
  uint64_t end = std::min(space.numGroups(), begin + perChunk);
  for (uint64_t g = begin; g < end; ++g) {
    space.group(g, w.group);
    runRowGroup(model, system, w, os, out);
  }
  out.packFailed =
      gzipChunks && !out.text.empty() &&
      !eval::gzipCompress(out.text, out.packed, eval::GzipDefaultCompression);
}

/// The bound of rank 0's reorder buffer, in chunks.
constexpr uint64_t MaxEarlyChunks = 256;

/// findAllExecutions over several ranks: rank 0 writes every chunk's rows
/// in order; every rank returns the root's answer and summary.
bool findAllDistributed(const cost::Model &model, const cost::System &system,
                        const ExecutionSpace &space, unsigned threads,
                        bool gzipChunks, search::ProgressFn progress,
                        RowSink sink, SearchSummary &summary) {
  search::SearchTransport &t = search::transport();
  std::vector<RowWorker> workers(threads);
  std::vector<RowChunk> chunks(threads);
  uint64_t perChunk = groupsPerChunk(space);
  uint64_t numChunks = (space.numGroups() + perChunk - 1) / perChunk;
  summary.counts.reset(cost::NumEvalErrors);
  summary.total = 0;
  // Rank 0 holds at most `window` chunks of rows that came early (a chunk
  // is ~1,000 candidates, under 1.5 MB of CSV): enough to keep every
  // thread of a few ranks busy; past that, rank 0's writing is the bound.
  const uint64_t window =
      std::min<uint64_t>(MaxEarlyChunks, uint64_t(threads) * 4 * t.size());
  bool ok = search::runChunksToRoot(
      t, numChunks, window, threads,
      [&](uint64_t chunk, unsigned worker, std::string &payload) {
        RowChunk &out = chunks[worker];
        runRowChunk(model, system, space, perChunk, gzipChunks, chunk,
                    workers[worker], out);
        search::ByteWriter w(payload);
        search::encodeCounts(w, out.counts);
        w.put<uint8_t>(out.packFailed);
        // No rows: no gzip member either (`packed` is the previous chunk's).
        w.putBytes(out.text.empty() || !gzipChunks
                       ? llvm::StringRef(out.text)
                       : llvm::StringRef(out.packed));
      },
      [&](uint64_t chunk, llvm::StringRef payload) {
        search::ByteReader r(payload);
        search::ReasonCounts counts;
        uint8_t packFailed = 1;
        llvm::StringRef rows;
        if (!search::decodeCounts(r, counts) || !r.get(packFailed) ||
            !r.getBytes(rows))
          return false; // Cannot happen: the same binary wrote it.
        summary.counts.add(counts);
        summary.total += counts.total();
        if (progress)
          progress(std::min(space.numGroups(), (chunk + 1) * perChunk),
                   summary.total, summary.counts.numAccepted());
        return rows.empty() || (!packFailed && sink(rows));
      });
  std::string shared;
  if (t.isRoot()) {
    search::ByteWriter w(shared);
    w.put<uint8_t>(ok);
    w.put<uint64_t>(summary.total);
    search::encodeCounts(w, summary.counts);
  }
  t.broadcast(shared);
  search::ByteReader r(shared);
  uint8_t rootOk = 0;
  if (!r.get(rootOk) || !r.get(summary.total) ||
      !search::decodeCounts(r, summary.counts))
    return false;
  return rootOk;
}

} // namespace

bool calc::calculon::findAllExecutions(const cost::Model &model,
                                       const cost::System &system,
                                       const ExecutionSpace &space,
                                       unsigned threads, bool gzipChunks,
                                       search::ProgressFn progress,
                                       RowSink sink, SearchSummary &summary) {
  auto start = std::chrono::steady_clock::now();
  threads = search::resolveThreadCount(threads);
  if (search::transport().size() > 1) {
    bool ok = findAllDistributed(model, system, space, threads, gzipChunks,
                                 progress, sink, summary);
    summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    return ok;
  }
  std::vector<RowWorker> workers(threads);
  uint64_t perChunk = groupsPerChunk(space);
  uint64_t numChunks = (space.numGroups() + perChunk - 1) / perChunk;
  summary.counts.reset(cost::NumEvalErrors);
  summary.total = 0;
  bool ok = search::runChunksInOrder<RowChunk>(
      numChunks, threads,
      [&](size_t chunk, unsigned worker, RowChunk &out) {
        runRowChunk(model, system, space, perChunk, gzipChunks, chunk,
                    workers[worker], out);
      },
      [&](size_t chunk, RowChunk &out) {
        summary.counts.add(out.counts);
        summary.total += out.counts.total();
        if (progress)
          progress(std::min(space.numGroups(), (chunk + 1) * perChunk),
                   summary.total, summary.counts.numAccepted());
        if (out.text.empty())
          return true;
        return !out.packFailed && sink(gzipChunks ? out.packed : out.text);
      });
  summary.seconds = std::chrono::duration<double>(
                        std::chrono::steady_clock::now() - start)
                        .count();
  return ok;
}
