//===- System.h - The machine: one processor type and its networks --------===//
//
// Calculon's system description (docs/calculon-model.md §2.3) in SI units:
// flop/s, bytes, bytes/s, seconds. Efficiency tables are step functions kept in
// the order given; thresholds are stored already scaled to flop or bytes.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_SYSTEM_H
#define CALC_EVAL_COST_SYSTEM_H

#include "llvm/ADT/SmallVector.h"

#include <cstdint>

namespace calc::cost {

/// Element types of the training/inference datatype.
enum class DataType : uint8_t { Float8, Float16, BFloat16, Float32 };
constexpr unsigned NumDataTypes = 4;

/// Bytes per element: float8 1, float16/bfloat16 2, float32 4.
inline unsigned bytesPerElement(DataType t) {
  static constexpr unsigned sizes[NumDataTypes] = {1, 2, 2, 4};
  return sizes[static_cast<unsigned>(t)];
}
/// Calculon's spelling ("float16", ...).
const char *dataTypeName(DataType t);

/// One step of an efficiency table: for a quantity x >= threshold the
/// achieved fraction of peak is `efficiency`.
struct EfficiencyStep {
  double threshold = 0;  ///< flop (compute tables) or bytes (memory tables)
  double efficiency = 0; ///< in (0, 1]
};

/// A step function looked up first-match in the order given (§3.1). A table
/// should end with threshold 0, or ops smaller than every step fail.
struct EfficiencyTable {
  llvm::SmallVector<EfficiencyStep, 6> steps;
};

/// A compute engine (matrix or vector) for one datatype.
struct Engine {
  bool present = false; ///< the system lists this datatype for this engine
  double peak = 0;      ///< flop/s (Calculon `tflops` * 1e12)
  EfficiencyTable efficiency;
};

/// A memory tier: mem1 is HBM, mem2 the offload tier (host memory).
struct MemoryTier {
  double capacity = 0;  ///< bytes (Calculon `GiB` * 1024^3)
  double bandwidth = 0; ///< bytes/s (Calculon `GBps` * 1e9)
  EfficiencyTable efficiency;
};

/// How an op's compute and memory times combine (§3.2).
enum class ProcessingMode : uint8_t {
  Roofline, ///< max(compute, memory)
  NoOverlap ///< compute + memory
};

/// Network operations with their own byte scaling.
enum class NetOp : uint8_t {
  P2P,
  ReduceScatter,
  AllGather,
  AllReduce,
  /// Token exchange of a mixture-of-experts layer over the expert-parallel
  /// group (docs/model.md, "Mixture of experts"); not one of Calculon's.
  AllToAll,
};
/// Calculon's operations, the keys of its system JSON's `ops` (P2P to
/// AllReduce).
constexpr unsigned NumNetOps = 4;
/// Every operation, AllToAll included.
constexpr unsigned NumAllNetOps = 5;

/// Bytes moved for a message of X bytes among n peers: X*scale*(1 + offset/n)
/// (§3.3). offset -1 is the ring form, 0 flat; P2P's offset is always 0.
struct NetOpScaling {
  double scale = 1;
  double offset = 0;
};

/// One network tier (index = tier id).
struct Network {
  double bandwidth = 0;  ///< bytes/s per processor (Calculon GB/s * 1e9)
  double efficiency = 1; ///< achievable fraction of bandwidth, (0, 1]
  int64_t size = 0;      ///< processors that can share one instance
  double latency = 0;    ///< seconds added to every op
  /// Per NetOp. AllToAll defaults to scale 1, offset -1: each of n peers
  /// sends (n-1)/n of its data (docs/model.md, "Mixture of experts").
  NetOpScaling ops[NumAllNetOps] = {{1, 0}, {1, 0}, {1, 0}, {1, 0}, {1, -1}};
  /// The product of the parallel degrees mapped here must divide `size`.
  bool mustBeFilled = false;
  /// Fraction of the processor lost while it drives comm on this tier (TP
  /// tiled overlap and DP overlap only), [0, 1).
  double processorUsage = 0;
};

/// The whole machine.
struct System {
  Engine matrix[NumDataTypes]; ///< tensor-core engine per datatype
  Engine vector[NumDataTypes]; ///< SIMT engine per datatype
  MemoryTier mem1, mem2;
  ProcessingMode processingMode = ProcessingMode::NoOverlap;
  llvm::SmallVector<Network, 4> networks;
};

} // namespace calc::cost

#endif
