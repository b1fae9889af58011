//===- Hardware.h - Op times on one processor and its networks ------------===//
//
// The primitives of docs/calculon-model.md §3: step-function efficiency lookup,
// compute and memory time of one op, their combination, and the time of one
// network operation. Everything is inline: these run ~100 times per
// evaluation. The expression order is Calculon's (§17) for bit-exact results.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_HARDWARE_H
#define CALC_EVAL_COST_HARDWARE_H

#include "eval/cost/Execution.h"
#include "eval/cost/System.h"
#include "eval/cost/Training.h"

namespace calc::cost {

/// The resolved hardware of one evaluation, plus where lookup failures go.
struct Hardware {
  const Engine *matrix = nullptr;
  const Engine *vector = nullptr;
  const MemoryTier *mem1 = nullptr;
  const MemoryTier *mem2 = nullptr;
  bool roofline = false;
  Workspace *ws = nullptr;

  /// First-match step lookup (§3.1); 0 when x is below every threshold, and
  /// the failure is recorded for check #29.
  double efficiency(const EfficiencyTable &table, double x,
                    EfficiencyKind kind) const {
    for (const EfficiencyStep &step : table.steps)
      if (x >= step.threshold)
        return step.efficiency;
    if (!ws->lookupFailed) {
      ws->lookupFailed = true;
      ws->lookupKind = kind;
      ws->lookupValue = x;
    }
    return 0;
  }

  /// Compute time: F / (peak * eta(F)), the product first (§17).
  double computeTime(const Engine &engine, double flops,
                     EfficiencyKind kind) const {
    return flops / (engine.peak * efficiency(engine.efficiency, flops, kind));
  }
  double matrixTime(double flops) const {
    return computeTime(*matrix, flops, EfficiencyKind::Matrix);
  }
  double vectorTime(double flops) const {
    return computeTime(*vector, flops, EfficiencyKind::Vector);
  }
  /// Memory time of an op: bytes / (bw * eta(bytes)).
  double mem1Time(double bytes) const {
    return bytes / (mem1->bandwidth *
                    efficiency(mem1->efficiency, bytes, EfficiencyKind::Mem1));
  }
  /// Offload time on mem2 (§3.2); always evaluated, even for 0 bytes.
  double mem2Time(double bytes) const {
    return bytes / (mem2->bandwidth *
                    efficiency(mem2->efficiency, bytes, EfficiencyKind::Mem2));
  }
  /// P(x, y) of §1: max for roofline, sum for no_overlap.
  double combine(double computeTime, double memoryTime) const {
    if (roofline)
      return computeTime > memoryTime ? computeTime : memoryTime;
    return computeTime + memoryTime;
  }
};

/// Time of one network op of `bytes` among `peers` processors (§3.3):
/// latency + X*s*(1 + o/n) / (bw*eta), evaluated as ((1/n)*(X*s))*o.
inline double networkTime(const Network &net, NetOp op, double bytes,
                          double peers) {
  const NetOpScaling &scaling = net.ops[static_cast<unsigned>(op)];
  double x1 = bytes * scaling.scale;
  double share = (1.0 / peers) * x1;
  double x2 = x1 + share * scaling.offset;
  return net.latency + x2 / (net.bandwidth * net.efficiency);
}

} // namespace calc::cost

#endif
