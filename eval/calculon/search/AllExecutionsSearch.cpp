//===- AllExecutionsSearch.cpp - Calculon's `lae` on the engine -----------===//
//
// Every candidate is evaluated; each chunk formats its accepted rows into a
// reused text buffer, and buffers reach the sink in chunk order, so rows are
// in enumeration order and memory is bounded by the chunk window.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/CalculonSearch.h"

#include "eval/cost/EvalReasons.h"
#include "eval/cost/Training.h"
#include "eval/output/Gzip.h"
#include "eval/search/ChunkRunner.h"

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

} // namespace

bool calc::calculon::findAllExecutions(const cost::Model &model,
                                       const cost::System &system,
                                       const ExecutionSpace &space,
                                       unsigned threads, bool gzipChunks,
                                       search::ProgressFn progress,
                                       RowSink sink, SearchSummary &summary) {
  auto start = std::chrono::steady_clock::now();
  threads = search::resolveThreadCount(threads);
  std::vector<RowWorker> workers(threads);
  uint64_t perChunk = groupsPerChunk(space);
  uint64_t numChunks = (space.numGroups() + perChunk - 1) / perChunk;
  summary.counts.reset(cost::NumEvalErrors);
  summary.total = 0;
  bool ok = search::runChunksInOrder<RowChunk>(
      numChunks, threads,
      [&](size_t chunk, unsigned worker, RowChunk &out) {
        out.text.clear();
        out.counts.reset(cost::NumEvalErrors);
        llvm::raw_string_ostream os(out.text);
        os.SetUnbuffered();
        RowWorker &w = workers[worker];
        uint64_t begin = chunk * perChunk;
        uint64_t end = std::min(space.numGroups(), begin + perChunk);
        for (uint64_t g = begin; g < end; ++g) {
          space.group(g, w.group);
          runRowGroup(model, system, w, os, out);
        }
        out.packFailed =
            gzipChunks && !out.text.empty() && !eval::gzipCompress(out.text, out.packed,
                                  eval::GzipDefaultCompression);
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
