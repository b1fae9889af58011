//===- SearchTransport.cpp - The one-process transport and the current one ===//
#include "eval/search/SearchTransport.h"
#include "eval/search/ChunkDispatcher.h"

using namespace calc::search;

SearchTransport::~SearchTransport() = default;

namespace {

/// One rank: today's single process. The engine does not use the chunk loop
/// for one rank (it runs ChunkRunner directly), but it works all the same.
class LocalTransport final : public SearchTransport {
public:
  unsigned rank() const override { return 0; }
  unsigned size() const override { return 1; }
  void beginChunks(uint64_t numChunks, uint64_t window) override {
    dispatcher.begin(numChunks, window);
  }
  uint64_t nextChunk(const ChunkProgress &done) override {
    dispatcher.addProgress(done);
    return dispatcher.next();
  }
  void sendToRoot(uint64_t chunk, std::string &payload) override {
    dispatcher.deliver(chunk, payload);
  }
  bool receive(uint64_t &chunk, std::string &payload) override {
    return dispatcher.receive(chunk, payload);
  }
  void consumedUpTo(uint64_t n) override { dispatcher.consumedUpTo(n); }
  void stopChunks() override { dispatcher.stop(); }
  ChunkProgress progress() override { return dispatcher.progress(); }
  void endChunks() override {}
  void gather(llvm::StringRef mine, std::vector<std::string> &all) override {
    all.assign(1, mine.str());
  }
  void broadcast(std::string &) override {}

private:
  ChunkDispatcher dispatcher;
};

SearchTransport *current = nullptr;

} // namespace

SearchTransport &calc::search::transport() {
  static LocalTransport local;
  return current ? *current : local;
}

void calc::search::setTransport(SearchTransport *t) { current = t; }
