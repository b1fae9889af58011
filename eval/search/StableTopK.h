//===- StableTopK.h - The N best candidates, ties in enumeration order ----===//
//
// Each search chunk keeps its own StableTopK, fed in enumeration order; the
// chunk results are then merged into one StableTopK in chunk order. Because an
// entry is inserted after every kept entry that is not worse than it, ties keep
// the earlier-enumerated candidate, exactly like Python's stable sort in
// Calculon's `loe` (docs/calculon-model.md §11.2), and the merged result equals
// that of a single sequential pass whatever the chunking or the thread count.
//
// Entries (a search candidate with its ~100 statistics) are large, so they
// stay where they were stored: the ranking is a vector of 32-bit slot
// indices, an evicted entry's slot is reused by the next one, and merging a
// chunk is one linear pass. `keep 100000` costs index moves, not copies.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_SEARCH_STABLETOPK_H
#define CALC_EVAL_SEARCH_STABLETOPK_H

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace calc::search {

/// At most `capacity` entries, best first. `Better(a, b)` is a strict weak
/// order: true when `a` ranks strictly before `b`; equal entries keep their
/// insertion order.
template <class Entry, class Better> class StableTopK {
public:
  explicit StableTopK(size_t capacity = 1, Better better = Better())
      : capacity(capacity), better(better) {}

  /// Empties the list and sets a new capacity, keeping the storage.
  void reset(size_t newCapacity) {
    order.clear();
    slots.clear();
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
    if (order.size() < capacity)
      return true;
    return capacity > 0 && better(e, at(order.size() - 1));
  }

  /// Inserts `e` after every entry not worse than it; drops the worst entry
  /// beyond the capacity. Returns false if `e` itself was not kept.
  bool insert(const Entry &e) {
    if (!wouldKeep(e))
      return false;
    size_t pos = std::upper_bound(order.begin(), order.end(), e,
                                  [&](const Entry &x, uint32_t slot) {
                                    return better(x, slots[slot]);
                                  }) -
                 order.begin();
    uint32_t slot;
    if (order.size() == capacity) {
      slot = order.back(); // e beats the last entry: reuse its slot
      order.pop_back();
      slots[slot] = e;
    } else {
      slot = uint32_t(slots.size());
      slots.push_back(e);
    }
    order.insert(order.begin() + pos, slot);
    return true;
  }

  /// Merges a later part of the enumeration (e.g. the next chunk's list):
  /// one stable linear merge, `this` first on ties.
  void mergeLater(const StableTopK &later) {
    if (later.empty() || !wouldKeep(later.at(0)))
      return;
    merged.clear();
    size_t i = 0, j = 0, n = order.size(), m = later.size();
    while (merged.size() < capacity && (i < n || j < m)) {
      bool takeLater = j < m && (i == n || better(later.at(j), at(i)));
      merged.push_back(takeLater ? Pick{true, later.order[j++]}
                                 : Pick{false, order[i++]});
    }
    // Slots of our entries that fell off are reused for later's entries.
    freeSlots.assign(order.begin() + i, order.end());
    order.clear();
    for (const Pick &p : merged) {
      if (!p.later) {
        order.push_back(p.slot);
        continue;
      }
      uint32_t slot;
      if (!freeSlots.empty()) {
        slot = freeSlots.back();
        freeSlots.pop_back();
        slots[slot] = later.slots[p.slot];
      } else {
        slot = uint32_t(slots.size());
        slots.push_back(later.slots[p.slot]);
      }
      order.push_back(slot);
    }
  }

  /// The i-th best entry.
  const Entry &at(size_t i) const { return slots[order[i]]; }
  /// Every kept entry, best first (a copy).
  std::vector<Entry> items() const {
    std::vector<Entry> out;
    out.reserve(order.size());
    for (uint32_t slot : order)
      out.push_back(slots[slot]);
    return out;
  }
  size_t size() const { return order.size(); }
  bool empty() const { return order.empty(); }

private:
  struct Pick {
    bool later;
    uint32_t slot;
  };

  size_t capacity;
  Better better;
  std::vector<Entry> slots;    ///< entries, in no particular order
  std::vector<uint32_t> order; ///< slots[order[0]] is the best
  std::vector<Pick> merged;    ///< scratch of mergeLater
  std::vector<uint32_t> freeSlots;
};

} // namespace calc::search

#endif
