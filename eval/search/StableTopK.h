//===- StableTopK.h - The N best candidates, ties in enumeration order ----===//
//
// Each search chunk keeps its own StableTopK, fed in enumeration order; the
// chunk results are then merged into one StableTopK in chunk order. Because
// an entry is inserted after every kept entry that is not worse than it, ties
// keep the earlier-enumerated candidate, exactly like Python's stable sort in
// Calculon's `loe` (reference §11.2), and the merged result equals that of a
// single sequential pass whatever the chunking or the thread count.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_STABLETOPK_H
#define CALC_EVAL_SEARCH_STABLETOPK_H

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace calc::search {

/// At most `capacity` entries, best first. `Better(a, b)` is a strict weak
/// order: true when `a` ranks strictly before `b`; equal entries keep their
/// insertion order.
template <class Entry, class Better> class StableTopK {
public:
  explicit StableTopK(size_t capacity = 1, Better better = Better())
      : capacity(capacity), better(better) {
    // Reserve what a typical `keep N` needs; a huge N grows on demand.
    entries.reserve(std::min<size_t>(capacity, 1024));
  }

  /// Empties the list and sets a new capacity, keeping the storage.
  void reset(size_t newCapacity) {
    entries.clear();
    capacity = newCapacity;
  }
  /// Same, with a new order (e.g. bound to another problem).
  void reset(size_t newCapacity, Better newBetter) {
    reset(newCapacity);
    better = newBetter;
  }

  /// True if an entry like `e` would be kept if inserted now. Lets the hot
  /// path skip building an entry (copying its statistics) that cannot rank.
  bool wouldKeep(const Entry &e) const {
    return entries.size() < capacity || better(e, entries.back());
  }

  /// Inserts `e` after every entry not worse than it; drops the worst entry
  /// beyond the capacity. Returns false if `e` itself was not kept.
  bool insert(const Entry &e) {
    if (capacity == 0 || !wouldKeep(e))
      return false;
    size_t pos = std::upper_bound(entries.begin(), entries.end(), e,
                                  [&](const Entry &x, const Entry &y) {
                                    return better(x, y);
                                  }) -
                 entries.begin();
    if (entries.size() == capacity)
      entries.pop_back(); // pos < size: e beats the last entry
    entries.insert(entries.begin() + pos, e);
    return true;
  }

  /// Merges a later part of the enumeration (e.g. the next chunk's list).
  void mergeLater(const StableTopK &later) {
    for (const Entry &e : later.entries)
      if (!insert(e))
        break; // later entries of a sorted list rank no better
  }

  const std::vector<Entry> &items() const { return entries; }
  size_t size() const { return entries.size(); }
  bool empty() const { return entries.empty(); }

private:
  size_t capacity;
  Better better;
  std::vector<Entry> entries;
};

} // namespace calc::search

#endif
