//===- ChunkRunner.h - Parallel chunks, results in enumeration order ------===//
//
// The parallel core of every search: the candidate space is cut into chunks
// of a fixed number of enumeration units (independent of the thread count),
// worker threads evaluate chunks in any order, and the caller consumes the
// chunk results strictly in chunk order. Whatever a consumer does with them
// (merge a top-k, append CSV rows) is therefore the same for 1 or 64
// threads. At most `window` chunk results exist at once, so memory does not
// grow with the size of the space; result slots are reused, so a chunk
// result's buffers keep their capacity from one chunk to the next.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_CHUNKRUNNER_H
#define CALC_EVAL_SEARCH_CHUNKRUNNER_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace calc::search {

/// The number of worker threads to use for `requested` (0: one per core).
unsigned resolveThreadCount(unsigned requested);

/// Runs chunks 0..numChunks-1: `work(chunk, worker, result)` on `threads`
/// worker threads (worker in [0, threads), so per-thread state can be indexed
/// by it), then `consume(chunk, result)` on the calling thread in increasing
/// chunk order. `work` must overwrite every field of `result` it uses (slots
/// are reused). If `consume` returns false the run stops: chunks not yet
/// started are skipped and the function returns false.
template <class ChunkResult>
bool runChunksInOrder(
    size_t numChunks, unsigned threads,
    llvm::function_ref<void(size_t, unsigned, ChunkResult &)> work,
    llvm::function_ref<bool(size_t, ChunkResult &)> consume) {
  if (threads <= 1 || numChunks <= 1) {
    ChunkResult result;
    for (size_t c = 0; c < numChunks; ++c) {
      work(c, 0, result);
      if (!consume(c, result))
        return false;
    }
    return true;
  }
  // Enough slots that workers rarely wait for a slow head-of-line chunk.
  const size_t window = size_t(threads) * 4;
  std::vector<ChunkResult> slots(window);
  std::vector<char> ready(window, 0);
  std::mutex mutex;
  std::condition_variable changed;
  size_t next = 0, consumed = 0;
  bool stop = false;

  auto workerLoop = [&](unsigned worker) {
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      changed.wait(lock, [&] {
        return stop || next >= numChunks || next < consumed + window;
      });
      if (stop || next >= numChunks)
        return;
      size_t chunk = next++;
      lock.unlock();
      work(chunk, worker, slots[chunk % window]);
      lock.lock();
      ready[chunk % window] = 1;
      changed.notify_all();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned w = 0; w < threads; ++w)
    pool.emplace_back(workerLoop, w);

  bool ok = true;
  for (size_t c = 0; c < numChunks && ok; ++c) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return ready[c % window] != 0; });
    }
    ok = consume(c, slots[c % window]);
    std::lock_guard<std::mutex> lock(mutex);
    ready[c % window] = 0;
    ++consumed;
    if (!ok)
      stop = true;
    changed.notify_all();
  }
  for (std::thread &t : pool)
    t.join();
  return ok;
}

} // namespace calc::search

#endif
