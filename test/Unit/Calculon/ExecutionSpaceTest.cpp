//===- ExecutionSpaceTest.cpp - Calculon's candidate enumeration ----------===//
//
// The decoded space must list exactly the candidates of a literal nested-loop
// transcription of docs/calculon-model.md §11.1–§11.2, in the same order.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/search/ExecutionSpace.h"

#include "test/Unit/Cost/CostFixtures.h"

#include "gtest/gtest.h"

#include <tuple>
#include <vector>

using namespace calc;
using namespace calc::calculon;

namespace {

cost::Model smallModel() {
  cost::Model m;
  m.hidden = 64;
  m.feedforward = 256;
  m.seqSize = 16;
  m.attnHeads = 8;
  m.attnSize = 8;
  m.numBlocks = 4;
  m.kvHeads = 8;
  return m;
}

cost::System systemWith(int nets, double mem2) {
  cost::System s;
  s.mem2.capacity = mem2;
  s.networks.resize(nets);
  return s;
}

using Key = std::tuple<int64_t, int64_t, int64_t, int64_t, int64_t, int64_t,
                       int, int, int, int, int, int, int, int, int, int, int,
                       int, int>;

Key keyOf(const cost::Execution &x) {
  return Key(x.tensorPar, x.pipelinePar, x.dataPar, x.pipelineInterleaving,
             x.batchSize, x.microbatchSize, int(x.activationRecompute),
             x.optimizerSharding, int(x.tensorParCommType),
             int(x.tensorParOverlap), x.seqParAgRedo, x.dataParOverlap,
             x.weightOffload, x.activationsOffload, x.optimizerOffload,
             x.fusedActivation, x.tensorParNet, x.pipelineParNet,
             x.dataParNet);
}

std::vector<int64_t> factors(int64_t x) {
  std::vector<int64_t> out;
  for (int64_t d = 1; d <= x; ++d)
    if (x % d == 0)
      out.push_back(d);
  return out;
}

/// §11.2 written as Calculon writes it: one loop per knob.
std::vector<Key> reference(const cost::Model &m, const cost::System &s,
                           const SpaceOptions &o) {
  std::vector<Key> out;
  bool mem2 = s.mem2.capacity > 0;
  int nets = int(s.networks.size());
  auto pick = [](bool c) { return c ? std::vector<bool>{true, false}
                                    : std::vector<bool>{false}; };
  using cost::Recompute;
  using cost::TpCommType;
  using cost::TpOverlap;
  for (int64_t t : factors(o.numProcs)) {
    if (m.hidden % t || m.attnHeads % t)
      continue;
    for (int64_t p : factors(std::min(o.numProcs / t, m.numBlocks))) {
      if (o.numProcs % (t * p) || m.numBlocks % p)
        continue;
      int64_t D = o.numProcs / (t * p);
      std::vector<int64_t> vs = p == 1 ? std::vector<int64_t>{1}
                                       : factors(m.numBlocks / p);
      for (int64_t v : vs) {
        if (D > o.maxBatch)
          continue;
        int64_t B = o.maxBatch / D * D;
        for (Recompute rc :
             {Recompute::Full, Recompute::AttnOnly, Recompute::None})
          for (bool sh : pick(D > 1))
            for (TpCommType c : {TpCommType::AllReduce, TpCommType::P2pRsAg,
                                 TpCommType::RsAg})
              for (bool redo :
                   pick(c == TpCommType::RsAg && rc != Recompute::Full))
                for (bool dpo : pick(D > 1 && o.allowDpOverlap))
                  for (TpOverlap tpo :
                       t > 1 && o.allowTpOverlap
                           ? std::vector<TpOverlap>{TpOverlap::None,
                                                    TpOverlap::Ring,
                                                    TpOverlap::Pipe}
                           : std::vector<TpOverlap>{TpOverlap::None})
                    for (bool wo : pick(mem2))
                      for (bool ao : pick(rc != Recompute::Full && mem2))
                        for (bool oo : pick(mem2))
                          for (bool f : o.fused)
                            for (int64_t b : factors(B / D)) {
                              if ((b * m.seqSize) % t)
                                continue;
                              for (int tn = 0; tn < (t > 1 ? nets : 1); ++tn)
                                for (int pn = 0; pn < (p > 1 ? nets : 1); ++pn)
                                  for (int dn = 0; dn < (D > 1 ? nets : 1);
                                       ++dn)
                                    out.emplace_back(
                                        t, p, D, v, B, b, int(rc), sh, int(c),
                                        int(tpo), redo, dpo, wo, ao, oo, f,
                                        tn, pn, dn);
                            }
      }
    }
  }
  return out;
}

std::vector<Key> decodeAll(const ExecutionSpace &space) {
  std::vector<Key> out;
  SpaceGroup g;
  for (uint64_t i = 0; i < space.numGroups(); ++i) {
    space.group(i, g);
    cost::Execution x = g.exe;
    for (int64_t b : g.microbatches)
      for (int tn = 0; tn < g.numTpNets; ++tn)
        for (int pn = 0; pn < g.numPpNets; ++pn)
          for (int dn = 0; dn < g.numDpNets; ++dn) {
            x.microbatchSize = b;
            x.tensorParNet = tn;
            x.pipelineParNet = pn;
            x.dataParNet = dn;
            out.push_back(keyOf(x));
          }
  }
  return out;
}

void expectSameAsReference(const cost::Model &m, const cost::System &s,
                           const SpaceOptions &o) {
  ExecutionSpace space;
  std::string error;
  ASSERT_TRUE(ExecutionSpace::build(m, s, o, space, error)) << error;
  std::vector<Key> want = reference(m, s, o);
  std::vector<Key> got = decodeAll(space);
  EXPECT_EQ(space.numCandidates(), want.size());
  ASSERT_EQ(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i)
    ASSERT_EQ(got[i], want[i]) << "candidate " << i;
}

TEST(ExecutionSpace, Divisors) {
  llvm::SmallVector<int64_t, 16> d;
  ExecutionSpace::divisors(36, d);
  EXPECT_EQ(std::vector<int64_t>(d.begin(), d.end()),
            (std::vector<int64_t>{1, 2, 3, 4, 6, 9, 12, 18, 36}));
  ExecutionSpace::divisors(1, d);
  EXPECT_EQ(d.size(), 1u);
  ExecutionSpace::divisors(5128, d);
  EXPECT_EQ(std::vector<int64_t>(d.begin(), d.end()),
            (std::vector<int64_t>{1, 2, 4, 8, 641, 1282, 2564, 5128}));
}

TEST(ExecutionSpace, OrderMatchesNestedLoops) {
  SpaceOptions o;
  o.numProcs = 8;
  o.maxBatch = 16;
  o.fused = {false, true};
  expectSameAsReference(smallModel(), systemWith(2, 512.0), o);
}

TEST(ExecutionSpace, NoMem2NoOverlaps) {
  SpaceOptions o;
  o.numProcs = 16;
  o.maxBatch = 20;
  o.allowTpOverlap = false;
  o.allowDpOverlap = false;
  expectSameAsReference(smallModel(), systemWith(3, 0), o);
}

TEST(ExecutionSpace, SequenceDivisibilityFiltersMicrobatches) {
  cost::Model m = smallModel();
  m.seqSize = 3; // b*s divisible by t needs b even for t = 2
  SpaceOptions o;
  o.numProcs = 4;
  o.maxBatch = 12;
  expectSameAsReference(m, systemWith(1, 1.0), o);
}

TEST(ExecutionSpace, ReadmeSearchSize) {
  // turing-530B on 5128 processors, max batch 2520 (docs/calculon-model.md
  // §11.5).
  cost::Model m = cost::test::turing530B();
  SpaceOptions o;
  o.numProcs = 5128;
  o.maxBatch = 2520;
  ExecutionSpace space;
  std::string error;
  ASSERT_TRUE(ExecutionSpace::build(m, systemWith(2, 1.0), o, space, error));
  EXPECT_EQ(space.numCandidates(), 10944u);
  for (const SpaceTask &t : space.tasks()) {
    EXPECT_TRUE(t.tensorPar == 4 || t.tensorPar == 8);
    EXPECT_EQ(t.pipelinePar, 1);
    EXPECT_EQ(t.batchSize, t.tensorPar == 4 ? 1282 : 1923);
  }
}

TEST(ExecutionSpace, EmptyWhenDataParallelismExceedsBatch) {
  SpaceOptions o;
  o.numProcs = 8;
  o.maxBatch = 0;
  ExecutionSpace space;
  std::string error;
  EXPECT_FALSE(
      ExecutionSpace::build(smallModel(), systemWith(1, 0), o, space, error));
  o.maxBatch = 1; // D >= 8 / 8 = 1 only for t*p = 8
  ASSERT_TRUE(
      ExecutionSpace::build(smallModel(), systemWith(1, 0), o, space, error));
  for (const SpaceTask &t : space.tasks())
    EXPECT_EQ(t.dataPar, 1);
}

} // namespace
