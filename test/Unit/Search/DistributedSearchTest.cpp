//===- DistributedSearchTest.cpp - A search over ranks, in one process ----===//
//
// The distributed engine on an in-process transport: each "rank" is a thread
// with its own worker threads, sharing one ChunkDispatcher as rank 0 would
// serve it over MPI. Whatever chunks each rank happens to draw, every rank
// must end with the one-process top-k (ties in enumeration order) and
// counts, and rows must reach the root in chunk order within the window.
//
//===----------------------------------------------------------------------===//
#include "eval/search/ChunkDispatcher.h"
#include "eval/search/SearchEngine.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <thread>
#include <vector>

using namespace calc::search;

namespace {

/// Integers in units of 10, many ties on `key`, two rejection reasons.
struct ToyProblem {
  struct Candidate {
    int value = 0;
    int key = 0;
  };
  struct Worker {
    Candidate probe;
  };
  bool hasObjective = true;
  int size = 2000;

  uint64_t numUnits() const { return uint64_t(size + 9) / 10; }
  uint64_t unitsPerChunk() const { return 2; }
  unsigned numReasons() const { return 2; }
  bool better(const Candidate &a, const Candidate &b) const {
    return hasObjective && a.key > b.key;
  }
  template <class Sink>
  void runUnit(uint64_t unit, Worker &w, Sink &sink) const {
    for (int x = int(unit) * 10; x < std::min(size, int(unit) * 10 + 10); ++x) {
      if (x % 7 == 0) {
        sink.reject(0);
        continue;
      }
      w.probe.value = x;
      w.probe.key = (x * 37) % 11;
      if (x % 5 == 0) {
        sink.reject(1);
        continue;
      }
      sink.accepted(w.probe);
    }
  }
};

/// What the ranks share: the root's dispatcher and a barrier for the
/// collectives.
struct Hub {
  explicit Hub(unsigned n) : n(n), gathered(n) {}
  void barrier() {
    std::unique_lock<std::mutex> lock(mutex);
    uint64_t gen = generation;
    if (++arrived == n) {
      arrived = 0;
      ++generation;
      changed.notify_all();
      return;
    }
    changed.wait(lock, [&] { return generation != gen; });
  }
  unsigned n;
  ChunkDispatcher dispatcher;
  std::mutex mutex;
  std::condition_variable changed;
  unsigned arrived = 0;
  uint64_t generation = 0;
  std::vector<std::string> gathered;
  std::string broadcast;
};

class ThreadRank final : public SearchTransport {
public:
  ThreadRank(Hub &hub, unsigned r) : hub(hub), r(r) {}
  unsigned rank() const override { return r; }
  unsigned size() const override { return hub.n; }
  void beginChunks(uint64_t numChunks, uint64_t window) override {
    if (isRoot())
      hub.dispatcher.begin(numChunks, window);
    hub.barrier();
  }
  uint64_t nextChunk(const ChunkProgress &done) override {
    hub.dispatcher.addProgress(done);
    return hub.dispatcher.next();
  }
  void sendToRoot(uint64_t chunk, std::string &payload) override {
    hub.dispatcher.deliver(chunk, payload);
  }
  bool receive(uint64_t &chunk, std::string &payload) override {
    return hub.dispatcher.receive(chunk, payload);
  }
  void consumedUpTo(uint64_t n) override { hub.dispatcher.consumedUpTo(n); }
  void stopChunks() override { hub.dispatcher.stop(); }
  ChunkProgress progress() override { return hub.dispatcher.progress(); }
  void endChunks() override { hub.barrier(); }
  void gather(llvm::StringRef mine, std::vector<std::string> &all) override {
    hub.gathered[r] = mine.str();
    hub.barrier();
    if (isRoot())
      all = hub.gathered;
    hub.barrier();
  }
  void broadcast(std::string &bytes) override {
    if (isRoot())
      hub.broadcast = bytes;
    hub.barrier();
    bytes = hub.broadcast;
    hub.barrier();
  }

private:
  Hub &hub;
  unsigned r;
};

/// Runs `body(transport)` on \p n rank threads.
template <class Body> void onRanks(unsigned n, Body body) {
  Hub hub(n);
  std::vector<std::thread> ranks;
  for (unsigned r = 0; r < n; ++r)
    ranks.emplace_back([&, r] {
      ThreadRank t(hub, r);
      body(t);
    });
  for (std::thread &t : ranks)
    t.join();
}

std::vector<int> values(const std::vector<ToyProblem::Candidate> &cs) {
  std::vector<int> out;
  out.reserve(cs.size());
  for (const auto &c : cs)
    out.push_back(c.value);
  return out;
}

using Sink = detail::ChunkSink<ToyProblem>;

TEST(DistributedSearch, EveryRankGetsTheOneProcessTopK) {
  for (bool objective : {true, false}) {
    ToyProblem p;
    p.hasObjective = objective;
    EngineCounts one;
    std::vector<int> expected = values(searchTopK(p, 40, 1, nullptr, one));
    for (unsigned ranks : {2u, 3u, 4u})
      for (unsigned threads : {1u, 2u}) {
        std::mutex m;
        std::vector<std::vector<int>> got(ranks);
        std::vector<ReasonCounts> counts(ranks);
        std::vector<uint64_t> totals(ranks);
        onRanks(ranks, [&](SearchTransport &t) {
          ReasonCounts c;
          uint64_t total = 0;
          auto kept =
              searchTopKDistributed<ToyProblem, Sink, ToyProblem::Candidate>(
                  p, 40, threads, nullptr, c, total, t);
          std::lock_guard<std::mutex> lock(m);
          got[t.rank()] = values(kept);
          counts[t.rank()] = c;
          totals[t.rank()] = total;
        });
        for (unsigned r = 0; r < ranks; ++r) {
          EXPECT_EQ(got[r], expected) << ranks << " ranks, rank " << r;
          EXPECT_EQ(totals[r], one.total);
          EXPECT_EQ(counts[r].numAccepted(), one.counts.numAccepted());
          EXPECT_EQ(counts[r].numRejected(0), one.counts.numRejected(0));
          EXPECT_EQ(counts[r].numRejected(1), one.counts.numRejected(1));
        }
      }
  }
}

TEST(DistributedSearch, KeepAllMatchesAndProgressCountsEveryRank) {
  ToyProblem p;
  p.size = 300;
  EngineCounts one;
  std::vector<int> expected = values(searchTopK(p, SIZE_MAX, 2, nullptr, one));
  std::vector<int> got;
  uint64_t lastUnits = 0, lastCandidates = 0;
  onRanks(3, [&](SearchTransport &t) {
    ReasonCounts c;
    uint64_t total = 0;
    auto kept = searchTopKDistributed<ToyProblem, Sink, ToyProblem::Candidate>(
        p, SIZE_MAX, 2,
        [&](uint64_t units, uint64_t candidates, uint64_t) {
          // Only the root reports: every rank's work, to the end.
          EXPECT_TRUE(t.isRoot());
          lastUnits = units;
          lastCandidates = candidates;
        },
        c, total, t);
    if (t.isRoot())
      got = values(kept);
  });
  EXPECT_EQ(got, expected);
  EXPECT_EQ(lastUnits, p.numUnits());
  EXPECT_EQ(lastCandidates, one.total);
}

TEST(DistributedSearch, RowsReachTheRootInOrderWithinTheWindow) {
  const uint64_t chunks = 200, window = 3;
  std::vector<uint64_t> order;
  onRanks(3, [&](SearchTransport &t) {
    bool ok = runChunksToRoot(
        t, chunks, window, 2,
        [&](uint64_t chunk, unsigned, std::string &payload) {
          payload = std::to_string(chunk);
        },
        [&](uint64_t chunk, llvm::StringRef payload) {
          EXPECT_EQ(payload, std::to_string(chunk));
          order.push_back(chunk);
          return true;
        });
    EXPECT_TRUE(ok);
  });
  ASSERT_EQ(order.size(), chunks);
  for (uint64_t c = 0; c < chunks; ++c)
    EXPECT_EQ(order[c], c);
}

TEST(DistributedSearch, AFailedConsumerStopsEveryRank) {
  uint64_t consumed = 0;
  onRanks(3, [&](SearchTransport &t) {
    bool ok = runChunksToRoot(
        t, 1000, 4, 2,
        [&](uint64_t, unsigned, std::string &payload) { payload = "x"; },
        [&](uint64_t chunk, llvm::StringRef) {
          ++consumed;
          return chunk < 5;
        });
    EXPECT_EQ(ok, !t.isRoot());
  });
  EXPECT_EQ(consumed, 6u);
}

TEST(ChunkDispatcher, WindowHoldsHandoutsBack) {
  ChunkDispatcher d;
  d.begin(10, 2);
  uint64_t c;
  ASSERT_TRUE(d.tryNext(c));
  EXPECT_EQ(c, 0u);
  ASSERT_TRUE(d.tryNext(c));
  EXPECT_EQ(c, 1u);
  EXPECT_FALSE(d.tryNext(c)); // chunk 2 waits for the consumer
  d.consumedUpTo(1);
  ASSERT_TRUE(d.tryNext(c));
  EXPECT_EQ(c, 2u);
  d.stop();
  ASSERT_TRUE(d.tryNext(c));
  EXPECT_EQ(c, 10u); // stopped: nothing more
}

TEST(ChunkDispatcher, BatchesShrinkAndCoverEveryChunkOnce) {
  ChunkDispatcher d;
  d.begin(5000, 0);
  uint64_t expected = 0, chunk, count, lastCount = ChunkDispatcher::MaxBatch;
  for (;;) {
    ASSERT_TRUE(d.tryNextBatch(2, chunk, count));
    if (count == 0)
      break;
    EXPECT_EQ(chunk, expected);
    EXPECT_LE(count, lastCount); // guided: never growing
    EXPECT_GE(count, 1u);
    lastCount = count;
    expected += count;
  }
  EXPECT_EQ(expected, 5000u);
  EXPECT_EQ(chunk, 5000u);
  EXPECT_EQ(lastCount, 1u); // the end is handed out chunk by chunk
  d.begin(100, 4);          // a window: one chunk at a time
  ASSERT_TRUE(d.tryNextBatch(8, chunk, count));
  EXPECT_EQ(count, 1u);
}

} // namespace
