//===- DomainTrackerTest.cpp - Domain reads, watches, memo resets ---------===//
//
// The bookkeeping a `.calc` search relies on to reuse one instance per
// worker, driven directly (the Evaluator reports the same calls): nested
// watches see the domains read inside them, a memo listed as dependent is
// forgotten only when one of its domains changes, and errors always are.
//
//===----------------------------------------------------------------------===//
#include "eval/DomainTracker.h"

#include "gtest/gtest.h"

using namespace calc;
using namespace calc::eval;
using calc::ir::Value;

namespace {

/// A schema of two plain fields and an instance of it with no layers (so no
/// memo is a domain's value as is).
struct Fixture {
  Fixture() {
    schema.name = "s";
    schema.fields.resize(2);
    schema.fields[0].name = "a";
    schema.fields[1].name = "b";
    inst = std::make_unique<Instance>(&schema, "x");
  }
  /// Evaluates field \p slot as the Evaluator would: reading domain \p k
  /// (-1: none), to an error when \p failed.
  void evaluate(DomainTracker &t, unsigned slot, int k, bool failed = false) {
    uint64_t outer = t.beginWatch();
    if (k >= 0)
      t.read(unsigned(k));
    inst->memo[slot] = failed ? Value::error() : Value::integer(1);
    inst->state[slot] = FieldState::Done;
    t.storeMemo(inst.get(), slot, failed, outer);
  }
  ir::Schema schema;
  std::unique_ptr<Instance> inst;
};

TEST(DomainTrackerTest, WatchesNestAndSeeTheDomainsRead) {
  Value chosen[2] = {Value::integer(4), Value::integer(8)};
  DomainTracker t;
  t.choose(chosen, 2);
  uint64_t outer = t.beginWatch();
  t.read(0);
  uint64_t inner = t.beginWatch();
  const Value *v = t.read(1);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->i, 8);
  EXPECT_EQ(t.endWatchMask(inner), domainBit(1));
  // The inner reads count for the outer watch too.
  EXPECT_EQ(t.endWatchMask(outer), domainBit(0) | domainBit(1));
  EXPECT_EQ(t.maxRead(), 1);
  EXPECT_EQ(t.forwardRead(), -1);
  uint64_t none = t.beginWatch();
  EXPECT_FALSE(t.endWatch(none));
}

TEST(DomainTrackerTest, ForwardReadNamesTheFieldsLeadingToIt) {
  Fixture f;
  Value chosen[1] = {Value::integer(1)};
  DomainTracker t;
  t.choose(chosen, 1);
  EXPECT_EQ(t.read(2), nullptr);
  t.noteForwardRead(2, {{f.inst.get(), 0}, {f.inst.get(), 1}});
  EXPECT_EQ(t.forwardRead(), 2);
  ASSERT_EQ(t.forwardReadVia().size(), 1u);
  EXPECT_EQ(t.forwardReadVia()[0], "a");
  // A new choice forgets it.
  t.choose(chosen, 1);
  EXPECT_EQ(t.forwardRead(), -1);
  EXPECT_EQ(t.maxRead(), -1);
}

TEST(DomainTrackerTest, ResetForgetsOnlyTheMemosOfChangedDomains) {
  Fixture f;
  Value chosen[2] = {Value::integer(1), Value::integer(2)};
  DomainTracker t;
  t.track(true);
  t.choose(chosen, 2);
  f.evaluate(t, 0, 0);
  f.evaluate(t, 1, 1);
  // A memo hit reports what the memo read.
  uint64_t outer = t.beginWatch();
  t.readMemo(f.inst.get(), 1);
  EXPECT_EQ(t.endWatchMask(outer), domainBit(1));
  t.resetMemos(domainBit(1));
  EXPECT_EQ(f.inst->state[0], FieldState::Done);
  EXPECT_EQ(f.inst->state[1], FieldState::Pending);
  // Still listed: a later change of domain 0 forgets field a.
  t.resetMemos(domainBit(0));
  EXPECT_EQ(f.inst->state[0], FieldState::Pending);
}

TEST(DomainTrackerTest, ErrorsAreAlwaysForgotten) {
  Fixture f;
  DomainTracker t;
  t.track(true);
  t.choose(nullptr, 0);
  f.evaluate(t, 0, -1, /*failed=*/true);
  f.evaluate(t, 1, -1);
  t.resetMemos(0);
  EXPECT_EQ(f.inst->state[0], FieldState::Pending);
  // Read nothing: not listed, kept.
  EXPECT_EQ(f.inst->state[1], FieldState::Done);
}

TEST(DomainTrackerTest, NothingIsListedWithoutTracking) {
  Fixture f;
  Value chosen[1] = {Value::integer(1)};
  DomainTracker t;
  t.choose(chosen, 1);
  f.evaluate(t, 0, 0);
  EXPECT_TRUE(f.inst->domainDeps.empty());
  t.resetMemos(domainBit(0));
  EXPECT_EQ(f.inst->state[0], FieldState::Done);
}

} // namespace
