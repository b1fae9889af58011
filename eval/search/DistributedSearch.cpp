//===- DistributedSearch.cpp - One search over several ranks --------------===//
#include "eval/search/DistributedSearch.h"

#include <atomic>

using namespace calc::search;

void calc::search::runRankChunks(
    SearchTransport &t, uint64_t numChunks, uint64_t window, unsigned threads,
    llvm::function_ref<void(uint64_t, unsigned, ChunkProgress &)> work,
    llvm::function_ref<void(llvm::function_ref<bool()>)> rootLoop) {
  t.beginChunks(numChunks, window);
  std::atomic<unsigned> running(threads);
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned w = 0; w < threads; ++w)
    pool.emplace_back([&, w] {
      // The finished chunk's progress rides on the next request.
      ChunkProgress done;
      for (;;) {
        uint64_t chunk = t.nextChunk(done);
        done = ChunkProgress();
        if (chunk >= numChunks)
          break;
        work(chunk, w, done);
      }
      running.fetch_sub(1);
    });
  if (t.isRoot() && rootLoop)
    rootLoop([&] { return running.load() == 0; });
  for (std::thread &th : pool)
    th.join();
  t.endChunks();
}

void calc::search::pollProgress(
    SearchTransport &t, uint64_t totalUnits,
    llvm::function_ref<void(const ChunkProgress &)> report,
    llvm::function_ref<bool()> finished) {
  // Until this rank's workers are done and every rank's work is counted:
  // each remote thread's last request, which it must make to learn that
  // nothing is left, carries its last chunks. Short sleeps: the end of a
  // small search is not delayed; the bar throttles its own redraws.
  for (;;) {
    ChunkProgress p = t.progress();
    report(p);
    if (p.units >= totalUnits && finished())
      return;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void calc::search::encodeCounts(ByteWriter &w, const ReasonCounts &c) {
  w.put<uint32_t>(c.numReasons());
  w.put<uint64_t>(c.numAccepted());
  for (unsigned i = 0; i < c.numReasons(); ++i)
    w.put<uint64_t>(c.numRejected(i));
}

bool calc::search::decodeCounts(ByteReader &r, ReasonCounts &c) {
  uint32_t n;
  uint64_t accepted;
  if (!r.get(n) || !r.get(accepted))
    return false;
  c.reset(n);
  c.accept(accepted);
  for (unsigned i = 0; i < n; ++i) {
    uint64_t k;
    if (!r.get(k))
      return false;
    c.reject(i, k);
  }
  return true;
}

bool calc::search::runChunksToRoot(
    SearchTransport &t, uint64_t numChunks, uint64_t window, unsigned threads,
    llvm::function_ref<void(uint64_t, unsigned, std::string &)> work,
    llvm::function_ref<bool(uint64_t, llvm::StringRef)> consume) {
  std::vector<std::string> payloads(threads);
  bool ok = true;
  runRankChunks(
      t, numChunks, window, threads,
      [&](uint64_t chunk, unsigned worker, ChunkProgress &) {
        std::string &payload = payloads[worker];
        payload.clear();
        work(chunk, worker, payload);
        t.sendToRoot(chunk, payload);
      },
      [&](llvm::function_ref<bool()>) {
        // Chunks arrive in any order; at most `window` wait here.
        std::map<uint64_t, std::string> early;
        for (uint64_t c = 0; c < numChunks && ok; ++c) {
          auto it = early.find(c);
          while (it == early.end()) {
            uint64_t chunk;
            std::string payload;
            if (!t.receive(chunk, payload)) {
              ok = false;
              return;
            }
            it = early.emplace(chunk, std::move(payload)).first;
            if (chunk != c)
              it = early.find(c);
          }
          ok = consume(c, it->second);
          early.erase(it);
          t.consumedUpTo(c + 1);
        }
        if (!ok)
          t.stopChunks();
      });
  return ok;
}
