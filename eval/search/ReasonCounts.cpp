//===- ReasonCounts.cpp - Why candidates were rejected, counted -----------===//
#include "eval/search/ReasonCounts.h"

using namespace calc::search;

void ReasonCounts::add(const ReasonCounts &other) {
  if (counts.size() < other.counts.size())
    counts.resize(other.counts.size(), 0);
  for (size_t i = 0; i < other.counts.size(); ++i)
    counts[i] += other.counts[i];
  accepted += other.accepted;
}

uint64_t ReasonCounts::numRejected() const {
  uint64_t sum = 0;
  for (uint64_t c : counts)
    sum += c;
  return sum;
}

unsigned ReasonCounts::mostFrequent() const {
  unsigned best = numReasons();
  uint64_t bestCount = 0;
  for (unsigned i = 0; i < counts.size(); ++i)
    if (counts[i] > bestCount) {
      best = i;
      bestCount = counts[i];
    }
  return best;
}
