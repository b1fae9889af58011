//===- StepSum.cpp - Exact sums of decode step times over the context -----===//
//
// See StepSum.h. Pieces: a first-match step table's result depends only on
// which thresholds the looked-up quantity has reached, so with flops and
// bytes growing with the context the lookup is constant between the
// contexts where they reach a threshold, whatever the table's order.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/StepSum.h"

#include <algorithm>
#include <cmath>

using namespace calc::cost;
using namespace calc::cost::gen;

namespace {

/// Σ_{x=x0}^{x1} (c0 + c1·x).
double sumLine(const Line &l, int64_t x0, int64_t x1) {
  double n = double(x1 - x0 + 1);
  return l.c0 * n + l.c1 * (double(x0) + double(x1)) * n / 2;
}

/// The first integer c in (from, hi] with q0 + q1·c ≥ tau, or hi + 1.
int64_t firstReaching(double q0, double q1, double tau, int64_t from,
                      int64_t hi) {
  if (!(q1 > 0))
    return hi + 1;
  double c = std::ceil((tau - q0) / q1);
  if (!(c <= double(hi) + 1))
    return hi + 1;
  auto x = c <= double(from) ? from + 1 : int64_t(c);
  // The division may be off by one ulp either way.
  while (x > from + 1 && q0 + q1 * double(x - 1) >= tau)
    --x;
  while (x <= hi && q0 + q1 * double(x) < tau)
    ++x;
  return x;
}

/// The last context of the piece starting at `c`: before the next
/// threshold of `table` that q(c) = q0 + q1·c has not reached yet.
int64_t pieceEnd(const EfficiencyTable &table, double q0, double q1, int64_t c,
                 int64_t hi) {
  double now = q0 + q1 * double(c);
  int64_t end = hi;
  for (const EfficiencyStep &step : table.steps)
    if (step.threshold > now)
      end = std::min(end, firstReaching(q0, q1, step.threshold, c, hi) - 1);
  return end;
}

} // namespace

double calc::cost::gen::sumEnvelope(const Line *lines, unsigned n, int64_t lo,
                                    int64_t hi) {
  double total = 0;
  int64_t x = lo;
  while (x <= hi) {
    unsigned best = 0;
    double bestValue = lines[0].at(double(x));
    for (unsigned i = 1; i < n; ++i) {
      double v = lines[i].at(double(x));
      if (v > bestValue || (v == bestValue && lines[i].c1 > lines[best].c1)) {
        best = i;
        bestValue = v;
      }
    }
    // The best line holds until a steeper one passes it.
    int64_t end = hi;
    for (unsigned i = 0; i < n; ++i) {
      double rise = lines[i].c1 - lines[best].c1;
      if (!(rise > 0))
        continue;
      double cross = (lines[best].c0 - lines[i].c0) / rise;
      if (!(cross < double(hi)))
        continue;
      int64_t overtaken = int64_t(std::floor(cross)) + 1;
      end = std::min(end, std::max(overtaken, x + 1) - 1);
    }
    total += sumLine(lines[best], x, end);
    x = end + 1;
  }
  return total;
}

StepSums calc::cost::gen::sumDecodeSteps(const Machine &mc, const AffineOp &op,
                                         const Line *round, unsigned n,
                                         int64_t lo, int64_t hi) {
  StepSums sums;
  const EfficiencyTable &flopTable = mc.matrix->efficiency;
  const EfficiencyTable &byteTable = mc.mem1->efficiency;
  for (int64_t c = lo; c <= hi;) {
    int64_t end = std::min(pieceEnd(flopTable, op.f0, op.f1, c, hi),
                           pieceEnd(byteTable, op.m0, op.m1, c, hi));
    // Inside the piece both efficiencies are those at its start, so the
    // compute time u(c) and memory time v(c) are affine in c.
    double cc = double(c);
    double etaF =
        mc.efficiency(flopTable, op.flops(cc), EfficiencyKind::Matrix);
    double etaM = mc.efficiency(byteTable, op.bytes(cc), EfficiencyKind::Mem1);
    double fRate = mc.matrix->peak * etaF, mRate = mc.mem1->bandwidth * etaM;
    Line u{op.f0 / fRate, op.f1 / fRate}, v{op.m0 / mRate, op.m1 / mRate};
    Line lines[2 * MaxRoundLines];
    unsigned k = 0;
    for (unsigned i = 0; i < n; ++i) {
      double lambda = round[i].c1, mu = round[i].c0;
      if (mc.roofline) { // λ·max(u, v) + μ = max(λu + μ, λv + μ), λ ≥ 0
        lines[k++] = {lambda * u.c0 + mu, lambda * u.c1};
        lines[k++] = {lambda * v.c0 + mu, lambda * v.c1};
      } else {
        lines[k++] = {lambda * (u.c0 + v.c0) + mu, lambda * (u.c1 + v.c1)};
      }
    }
    sums.rounds += sumEnvelope(lines, k, c, end);
    sums.compute += sumLine(u, c, end);
    sums.memory += sumLine(v, c, end);
    sums.flops += sumLine({op.f0, op.f1}, c, end);
    sums.bytes += sumLine({op.m0, op.m1}, c, end);
    c = end + 1;
  }
  return sums;
}
