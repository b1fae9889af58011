//===- ChunkDispatcher.h - The root's side of a distributed chunk loop ----===//
//
// Dynamic self-scheduling: chunks are handed out one at a time, in order, to
// whichever thread of whichever rank asks next, so a rank that drew pruned
// (cheap) chunks simply asks more often. A window bounds how far handouts
// may run ahead of the root's in-order consumer (`lae` rows wait in the
// root's reorder buffer, at most `window` chunks). Payloads sent to the root
// arrive in an inbox. Transports keep one on the root (LocalTransport,
// eval/search/mpi/) and feed it from their messages; it knows no transport.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_CHUNKDISPATCHER_H
#define CALC_EVAL_SEARCH_CHUNKDISPATCHER_H

#include "eval/search/SearchTransport.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <utility>

namespace calc::search {

class ChunkDispatcher {
public:
  /// Starts a loop over chunks 0..numChunks-1 (see
  /// SearchTransport::beginChunks for \p window).
  void begin(uint64_t numChunks, uint64_t window);
  /// Adds a rank's finished work to progress().
  void addProgress(const ChunkProgress &done);
  /// The next chunk, or numChunks when none is left or the loop stopped;
  /// false (nothing taken) when the window holds it back for now.
  bool tryNext(uint64_t &chunk);
  /// Like tryNext, for a remote rank: a run of \p count chunks from
  /// \p chunk, guided self-scheduling (a share of what is left, shrinking
  /// to one chunk at the end, at most MaxBatch; one chunk under a window), so
  /// a cluster's ranks ask rarely and still finish together.
  bool tryNextBatch(unsigned numRanks, uint64_t &chunk, uint64_t &count);
  static constexpr uint64_t MaxBatch = 64;
  /// Like tryNext, waiting for the window.
  uint64_t next();
  /// Queues a payload for receive() (dropped once stopped).
  void deliver(uint64_t chunk, std::string &payload);
  /// Waits for a payload; false once stopped.
  bool receive(uint64_t &chunk, std::string &payload);
  void consumedUpTo(uint64_t n);
  void stop();
  ChunkProgress progress();
  uint64_t numChunks() const { return chunks; }

private:
  bool available() const {
    return stopped || handed >= chunks || window == 0 ||
           handed < consumed + window;
  }

  std::mutex mutex;
  std::condition_variable changed;
  uint64_t chunks = 0, window = 0, handed = 0, consumed = 0;
  bool stopped = false;
  std::deque<std::pair<uint64_t, std::string>> inbox;
  ChunkProgress done;
};

} // namespace calc::search

#endif
