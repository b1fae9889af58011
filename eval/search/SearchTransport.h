//===- SearchTransport.h - How the ranks of one search talk ---------------===//
//
// A search can run over several processes (ranks), e.g. under `mpirun`
// (docs/architecture.md, "Distributed search"). Every rank runs the same
// program on the same input; the engine (SearchEngine.h, DistributedSearch.h)
// hands the fixed chunks of the space out dynamically, one at a time, to
// whichever rank asks next, and merges the per-rank results on rank 0 in
// enumeration order, so the answer is the one of a single process.
//
// This interface is everything the engine needs from the transport; the
// engine never sees MPI. LocalTransport (one rank) is the default and what a
// run without a launcher uses; eval/search/mpi/ implements it over MPI. The
// root's side of the chunk loop (the counter, the window, the inbox) is
// transport-independent: ChunkDispatcher.h.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_SEARCHTRANSPORT_H
#define CALC_EVAL_SEARCH_SEARCHTRANSPORT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <string>
#include <vector>

namespace calc::search {

/// Work finished by a rank, for the root's progress bar.
struct ChunkProgress {
  uint64_t units = 0, candidates = 0, feasible = 0;
  void add(const ChunkProgress &o) {
    units += o.units;
    candidates += o.candidates;
    feasible += o.feasible;
  }
};

class SearchTransport {
public:
  virtual ~SearchTransport();

  virtual unsigned rank() const = 0;
  virtual unsigned size() const = 0;
  bool isRoot() const { return rank() == 0; }

  // --- One distributed loop over the chunks of a space. Every rank calls
  // beginChunks, then nextChunk from any number of threads until it returns
  // numChunks, then endChunks once its threads are done.

  /// Collective. With \p window > 0, chunk c is handed out only after the
  /// root called consumedUpTo(n) with c < n + window (the root's reorder
  /// buffer stays bounded); 0: no bound.
  virtual void beginChunks(uint64_t numChunks, uint64_t window) = 0;
  /// Thread-safe: the next chunk for this rank, or numChunks when none is
  /// left (or the root stopped). \p done is what the caller finished since
  /// its previous call, counted on the root (progress()).
  virtual uint64_t nextChunk(const ChunkProgress &done) = 0;
  /// Thread-safe: hands \p payload (consumed) of \p chunk to the root.
  virtual void sendToRoot(uint64_t chunk, std::string &payload) = 0;
  /// Root: waits for the next payload of any rank; false once the loop was
  /// stopped.
  virtual bool receive(uint64_t &chunk, std::string &payload) = 0;
  /// Root: chunks below \p n are consumed (moves the window).
  virtual void consumedUpTo(uint64_t n) = 0;
  /// Root: hands out no more chunks (a consumer failed).
  virtual void stopChunks() = 0;
  /// Root: the progress every rank reported so far.
  virtual ChunkProgress progress() = 0;
  /// Collective: after this rank's nextChunk callers have finished.
  virtual void endChunks() = 0;

  // --- Collectives (every rank calls them in the same order).

  /// The root receives every rank's \p mine in rank order in \p all.
  virtual void gather(llvm::StringRef mine, std::vector<std::string> &all) = 0;
  /// Every rank receives the root's \p bytes.
  virtual void broadcast(std::string &bytes) = 0;
};

/// The transport searches use: a LocalTransport unless the driver set
/// another at startup (before any search; not thread-safe).
SearchTransport &transport();
void setTransport(SearchTransport *t);

} // namespace calc::search

#endif
