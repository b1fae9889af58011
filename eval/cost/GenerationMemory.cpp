//===- GenerationMemory.cpp - Tier-1 memory of serving and its max batch --===//
//
// What one processor holds while serving: its stage's weights (sharded by
// TP, experts by EP and expert TP, vocabulary rows by TP), the KV cache
// reserved for every sequence at full context, and the working activations
// of one pass. The largest batch that fits has a closed form because the
// need grows linearly in B except for the ceil of the micro-batch size
// (docs/model.md, "Generation", memory).
//
//===----------------------------------------------------------------------===//
#include "eval/cost/GenerationModel.h"

#include <algorithm>
#include <cmath>

using namespace calc::cost;
using namespace calc::cost::gen;

void calc::cost::gen::planMemory(const Shape &s, const Serving &srv,
                                 MemoryPlan &plan) {
  double dense = s.blockWeightBytes(false);
  double moe = s.moe ? s.blockWeightBytes(true) : 0;
  // Vocab-parallel embedding on the first stage, LM head on the last.
  double vocab = s.vocabRank * s.h * s.ew;
  double heaviest = 0;
  for (int64_t st = 0; st < s.p; ++st) {
    int64_t nb = stageBlocks(s, st), nd = stageDenseBlocks(s, st);
    double w = double(nd) * dense + double(nb - nd) * moe;
    w += (st == 0 ? vocab : 0) + (st == s.p - 1 ? vocab : 0);
    heaviest = std::max(heaviest, w);
  }
  plan.weights = heaviest;
  double context = double(srv.promptSize) + double(srv.outputSize);
  plan.kvPerSeq = double(s.Lp) * context * s.kvTokenBytes;
  plan.actPerToken = s.actBytesPerToken();
  plan.logits = s.logitBytes();
  plan.prompt = double(srv.promptSize);
  plan.p = s.p;
  plan.continuous = srv.mode == RequestMode::Continuous;
}

double MemoryPlan::act(int64_t batch) const {
  int64_t m = std::min(p, batch);
  double b = double(batch / m + (batch % m != 0));
  double onePrompt = prompt * actPerToken + logits;
  if (!continuous)
    return b * onePrompt;
  return std::max(onePrompt, b * (actPerToken + logits));
}

namespace {

/// Largest B with B·K + ceil(B / min(p, B))·A <= room. Writing
/// B = p·(q − 1) + r with 1 <= r <= p makes the micro-batch size q for
/// every B (B <= p gives q = 1), so the largest q is a floor and the
/// largest r another.
double largestBatch(double room, double K, double A, int64_t p) {
  if (!(room >= K + A))
    return 0;
  double P = double(p);
  double q = std::floor((room + (P - 1) * K) / (P * K + A));
  double r = std::min(P, std::floor((room - q * A) / K) - P * (q - 1));
  return P * (q - 1) + r;
}

} // namespace

double calc::cost::gen::maxBatchSize(const MemoryPlan &plan, double capacity) {
  double room = capacity - plan.weights;
  double K = plan.kvPerSeq;
  double onePrompt = plan.prompt * plan.actPerToken + plan.logits;
  double best;
  if (!plan.continuous) {
    best = largestBatch(room, K, onePrompt, plan.p);
  } else {
    // need = W + B·K + max(onePrompt, b·A): both terms must fit.
    double byPrompt =
        room >= onePrompt ? std::floor((room - onePrompt) / K) : 0;
    best =
        std::min(byPrompt,
                 largestBatch(room, K, plan.actPerToken + plan.logits, plan.p));
  }
  // Past 2^53 sequences the answer is "unbounded" for any purpose; keep
  // the integer arithmetic below exact.
  constexpr double limit = 9007199254740992.0;
  if (!(best < limit))
    return limit;
  // The floors divide doubles: settle a rounding at the boundary.
  auto B = int64_t(best);
  if (B > 0 && plan.need(B) > capacity)
    --B;
  else if (plan.need(B + 1) <= capacity)
    ++B;
  return double(std::max<int64_t>(B, 0));
}
