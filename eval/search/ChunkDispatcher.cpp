//===- ChunkDispatcher.cpp - The root's side of a distributed chunk loop --===//
#include "eval/search/ChunkDispatcher.h"

#include <algorithm>

using namespace calc::search;

void ChunkDispatcher::begin(uint64_t numChunks, uint64_t newWindow) {
  std::lock_guard<std::mutex> lock(mutex);
  chunks = numChunks;
  window = newWindow;
  handed = consumed = 0;
  stopped = false;
  inbox.clear();
  done = ChunkProgress();
}

void ChunkDispatcher::addProgress(const ChunkProgress &d) {
  std::lock_guard<std::mutex> lock(mutex);
  done.add(d);
}

bool ChunkDispatcher::tryNext(uint64_t &chunk) {
  std::lock_guard<std::mutex> lock(mutex);
  if (!available())
    return false;
  chunk = stopped || handed >= chunks ? chunks : handed++;
  return true;
}

bool ChunkDispatcher::tryNextBatch(unsigned numRanks, uint64_t &chunk,
                                   uint64_t &count) {
  std::lock_guard<std::mutex> lock(mutex);
  if (!available())
    return false;
  if (stopped || handed >= chunks) {
    chunk = chunks;
    count = 0;
    return true;
  }
  uint64_t left = chunks - handed;
  count = window ? 1
                 : std::min(MaxBatch, std::max<uint64_t>(
                                          1, left / (16 * uint64_t(numRanks))));
  chunk = handed;
  handed += count;
  return true;
}

uint64_t ChunkDispatcher::next() {
  std::unique_lock<std::mutex> lock(mutex);
  changed.wait(lock, [&] { return available(); });
  return stopped || handed >= chunks ? chunks : handed++;
}

void ChunkDispatcher::deliver(uint64_t chunk, std::string &payload) {
  std::lock_guard<std::mutex> lock(mutex);
  if (stopped)
    return;
  inbox.emplace_back(chunk, std::move(payload));
  changed.notify_all();
}

bool ChunkDispatcher::receive(uint64_t &chunk, std::string &payload) {
  std::unique_lock<std::mutex> lock(mutex);
  changed.wait(lock, [&] { return stopped || !inbox.empty(); });
  if (stopped)
    return false;
  chunk = inbox.front().first;
  payload = std::move(inbox.front().second);
  inbox.pop_front();
  return true;
}

void ChunkDispatcher::consumedUpTo(uint64_t n) {
  std::lock_guard<std::mutex> lock(mutex);
  consumed = n;
  changed.notify_all();
}

void ChunkDispatcher::stop() {
  std::lock_guard<std::mutex> lock(mutex);
  stopped = true;
  inbox.clear();
  changed.notify_all();
}

ChunkProgress ChunkDispatcher::progress() {
  std::lock_guard<std::mutex> lock(mutex);
  return done;
}
