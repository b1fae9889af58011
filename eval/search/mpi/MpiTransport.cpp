//===- MpiTransport.cpp - A search's ranks over MPI -----------------------===//
//
// Chunk handout: a rank's worker asks rank 0 with a small request message
// (carrying the work it finished, for the progress bar) and waits for the
// reply, a run of chunks (ChunkDispatcher::tryNextBatch) it then works
// through before asking again; on rank 0 a dispatcher thread answers from the
// ChunkDispatcher that rank 0's own workers use directly, holding a request
// back while the window is full, and receives other ranks' payloads into the
// inbox. A rank says goodbye once its workers are done, and rank 0's dispatcher
// ends when every other rank has.
//
// Every MPI call holds one mutex (MPI_THREAD_SERIALIZED suffices) and waits
// are MPI_Test polls that release it, so a thread waiting for a reply never
// blocks another thread's send, and an idle rank does not spin a core
// (Open MPI's blocking calls busy-wait).
//
//===----------------------------------------------------------------------===//
#include "eval/search/mpi/MpiTransport.h"
#include "eval/search/ChunkDispatcher.h"

#include <mpi.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

using namespace calc::search;

namespace {

enum Tag : int { TagRequest = 1, TagReply, TagPayload, TagBye };

/// A request: the finished work.
struct Request {
  ChunkProgress done;
};

class MpiTransport final : public SearchTransport {
public:
  MpiTransport() {
    int r, n;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    MPI_Comm_size(MPI_COMM_WORLD, &n);
    myRank = unsigned(r);
    numRanks = unsigned(n);
  }

  unsigned rank() const override { return myRank; }
  unsigned size() const override { return numRanks; }

  void beginChunks(uint64_t numChunks, uint64_t window) override {
    if (isRoot()) {
      dispatcher.begin(numChunks, window);
      dispatchThread = std::thread([this] { dispatch(); });
    }
    chunks = numChunks;
    ++loop;
  }

  uint64_t nextChunk(const ChunkProgress &done) override {
    if (isRoot()) {
      dispatcher.addProgress(done);
      return dispatcher.next();
    }
    // This thread's run of chunks from its last reply (of this loop).
    thread_local uint64_t loopSeen = 0, runNext = 0, runEnd = 0;
    thread_local ChunkProgress unsent;
    if (loopSeen != loop) {
      loopSeen = loop;
      runNext = runEnd = 0;
      unsent = ChunkProgress();
    }
    unsent.add(done);
    if (runNext < runEnd)
      return runNext++;
    Request req{unsent};
    unsent = ChunkProgress();
    uint64_t reply[2] = {chunks, 0};
    MPI_Request reqs[2];
    {
      std::lock_guard<std::mutex> lock(mpi);
      MPI_Irecv(reply, 2, MPI_UINT64_T, 0, TagReply, MPI_COMM_WORLD, &reqs[0]);
      MPI_Isend(&req, sizeof req, MPI_BYTE, 0, TagRequest, MPI_COMM_WORLD,
                &reqs[1]);
    }
    waitAll(2, reqs);
    if (reply[1] == 0)
      return chunks;
    runNext = reply[0] + 1;
    runEnd = reply[0] + reply[1];
    return reply[0];
  }

  void sendToRoot(uint64_t chunk, std::string &payload) override {
    if (isRoot())
      return dispatcher.deliver(chunk, payload);
    // The chunk number leads the message.
    payload.insert(0, reinterpret_cast<const char *>(&chunk), sizeof chunk);
    MPI_Request req;
    {
      std::lock_guard<std::mutex> lock(mpi);
      MPI_Isend(payload.data(), int(payload.size()), MPI_BYTE, 0, TagPayload,
                MPI_COMM_WORLD, &req);
    }
    waitAll(1, &req);
  }

  bool receive(uint64_t &chunk, std::string &payload) override {
    return dispatcher.receive(chunk, payload);
  }
  void consumedUpTo(uint64_t n) override { dispatcher.consumedUpTo(n); }
  void stopChunks() override { dispatcher.stop(); }
  ChunkProgress progress() override { return dispatcher.progress(); }

  void endChunks() override {
    if (isRoot()) {
      dispatchThread.join();
      return;
    }
    char bye = 0;
    MPI_Request req;
    {
      std::lock_guard<std::mutex> lock(mpi);
      MPI_Isend(&bye, 1, MPI_BYTE, 0, TagBye, MPI_COMM_WORLD, &req);
    }
    waitAll(1, &req);
  }

  void gather(llvm::StringRef mine, std::vector<std::string> &all) override {
    std::lock_guard<std::mutex> lock(mpi);
    int size = int(mine.size());
    std::vector<int> sizes(isRoot() ? numRanks : 0), offsets;
    MPI_Gather(&size, 1, MPI_INT, sizes.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
    std::vector<char> buffer;
    if (isRoot()) {
      int total = 0;
      for (int s : sizes) {
        offsets.push_back(total);
        total += s;
      }
      buffer.resize(size_t(total) + 1);
    }
    MPI_Gatherv(mine.data(), size, MPI_BYTE, buffer.data(), sizes.data(),
                offsets.data(), MPI_BYTE, 0, MPI_COMM_WORLD);
    all.clear();
    if (isRoot())
      for (unsigned r = 0; r < numRanks; ++r)
        all.emplace_back(buffer.data() + offsets[r], size_t(sizes[r]));
  }

  void broadcast(std::string &bytes) override {
    std::lock_guard<std::mutex> lock(mpi);
    uint64_t size = bytes.size();
    MPI_Bcast(&size, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
    bytes.resize(size);
    MPI_Bcast(&bytes[0], int(size), MPI_BYTE, 0, MPI_COMM_WORLD);
  }

private:
  /// Waits for \p n requests without holding the MPI lock in between.
  void waitAll(int n, MPI_Request *reqs) {
    auto pause = std::chrono::microseconds(5);
    for (;;) {
      int done = 0;
      {
        std::lock_guard<std::mutex> lock(mpi);
        MPI_Testall(n, reqs, &done, MPI_STATUSES_IGNORE);
      }
      if (done)
        return;
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::microseconds(500));
    }
  }

  /// Rank 0's dispatcher thread: answers requests, receives payloads, until
  /// every other rank said goodbye.
  void dispatch() {
    std::vector<int> waiting; // ranks whose request waits for the window
    unsigned byes = 0;
    auto pause = std::chrono::microseconds(5);
    while (byes + 1 < numRanks || !waiting.empty()) {
      bool busy = false;
      // Requests held back by the window, oldest first.
      for (size_t i = 0; i < waiting.size();) {
        uint64_t chunk, count;
        if (!dispatcher.tryNextBatch(numRanks, chunk, count)) {
          ++i;
          continue;
        }
        reply(waiting[i], chunk, count);
        waiting.erase(waiting.begin() + i);
        busy = true;
      }
      int flag = 0;
      MPI_Status status;
      {
        std::lock_guard<std::mutex> lock(mpi);
        MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      }
      if (flag) {
        busy = true;
        receiveMessage(status, waiting, byes);
      }
      if (busy) {
        pause = std::chrono::microseconds(5);
        continue;
      }
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::microseconds(500));
    }
  }

  void receiveMessage(const MPI_Status &status, std::vector<int> &waiting,
                      unsigned &byes) {
    int count = 0;
    MPI_Get_count(&status, MPI_BYTE, &count);
    std::string bytes(size_t(count), '\0');
    MPI_Request req;
    {
      std::lock_guard<std::mutex> lock(mpi);
      MPI_Irecv(&bytes[0], count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG,
                MPI_COMM_WORLD, &req);
    }
    waitAll(1, &req);
    switch (status.MPI_TAG) {
    case TagRequest: {
      Request request;
      std::memcpy(&request, bytes.data(),
                  std::min(bytes.size(), sizeof request));
      dispatcher.addProgress(request.done);
      uint64_t chunk, count;
      if (dispatcher.tryNextBatch(numRanks, chunk, count))
        reply(status.MPI_SOURCE, chunk, count);
      else
        waiting.push_back(status.MPI_SOURCE);
      break;
    }
    case TagPayload: {
      uint64_t chunk = 0;
      std::memcpy(&chunk, bytes.data(), std::min(bytes.size(), sizeof chunk));
      bytes.erase(0, sizeof chunk);
      dispatcher.deliver(chunk, bytes);
      break;
    }
    case TagBye:
      ++byes;
      break;
    }
  }

  /// A run of \p count chunks from \p chunk (count 0: none are left).
  void reply(int rank, uint64_t chunk, uint64_t count) {
    uint64_t message[2] = {chunk, count};
    MPI_Request req;
    {
      std::lock_guard<std::mutex> lock(mpi);
      MPI_Isend(message, 2, MPI_UINT64_T, rank, TagReply, MPI_COMM_WORLD, &req);
    }
    waitAll(1, &req);
  }

  unsigned myRank = 0, numRanks = 1;
  uint64_t chunks = 0;
  uint64_t loop = 0; ///< counts beginChunks, so thread-local runs expire
  std::mutex mpi;
  ChunkDispatcher dispatcher;
  std::thread dispatchThread;
};

} // namespace

bool calc::search::launchedByMpi() {
  for (const char *var : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
    if (std::getenv(var))
      return true;
  return false;
}

int calc::search::finishMpi(int exitCode) {
  if (exitCode != 0) {
    // Every rank that found the same input error gets here at about the
    // same time. A rank that failed alone (rank 0 could not create its
    // output file) would leave the others waiting for it in a search:
    // then end the whole job with its status.
    MPI_Request barrier;
    MPI_Ibarrier(MPI_COMM_WORLD, &barrier);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    int done = 0;
    while (!done && std::chrono::steady_clock::now() < deadline) {
      MPI_Test(&barrier, &done, MPI_STATUS_IGNORE);
      if (!done)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    if (!done)
      MPI_Abort(MPI_COMM_WORLD, exitCode);
  }
  MPI_Finalize();
  return exitCode;
}

std::unique_ptr<SearchTransport>
calc::search::startMpiTransport(int &argc, char **&argv, std::string &error) {
  int provided = 0;
  if (MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided) !=
      MPI_SUCCESS) {
    error = "cannot initialize MPI";
    return nullptr;
  }
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    error = "the MPI library does not support calls from several threads "
            "(MPI_THREAD_SERIALIZED)";
    return nullptr;
  }
  return std::make_unique<MpiTransport>();
}
