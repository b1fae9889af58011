//===- Serving.h - How a model is deployed for generation -----------------===//
//
// The plain inputs of the generation analysis (docs/model.md, "Generation"):
// the parallel layout of one replica, the request shape and the datatypes of
// compute, weights and KV cache. Mirrors the prelude's `serving` schema.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_SERVING_H
#define CALC_EVAL_COST_SERVING_H

#include "eval/cost/System.h"

#include <cstdint>

namespace calc::cost {

/// How requests arrive at a replica.
enum class RequestMode : uint8_t {
  /// All sequences of the batch start together and decode in lock step
  /// (TensorRT-LLM's static batch benchmarks).
  StaticBatch,
  /// Steady-state continuous batching: batchSize sequences in flight, their
  /// contexts staggered evenly over the output length.
  Continuous,
};

/// Datatypes with an element size below a byte, for weights only.
enum class WeightType : uint8_t { Int4, Int8, Float8, Float16, BFloat16, Float32 };

/// One deployment of a model: a replica's layout and its requests.
struct Serving {
  int64_t tensorPar = 1;   ///< TP inside a replica
  int64_t pipelinePar = 1; ///< PP stages of a replica
  int64_t expertPar = 1;   ///< EP for MoE models (over the TP ranks' GPUs)
  int64_t dataPar = 1;     ///< replicas
  int tensorParNet = 0;    ///< network tier of each kind of communication
  int pipelineParNet = 0;
  int expertParNet = 0;
  int64_t batchSize = 1;  ///< sequences decoded together per replica
  int64_t promptSize = 1; ///< tokens of each prompt (prefill)
  int64_t outputSize = 1; ///< tokens generated per request, the first included
  DataType datatype = DataType::Float16;        ///< compute
  WeightType weightDatatype = WeightType::Float16;
  DataType kvDatatype = DataType::Float16;
  RequestMode mode = RequestMode::StaticBatch;

  int64_t procsPerReplica() const { return tensorPar * pipelinePar; }
  int64_t numProcs() const { return procsPerReplica() * dataPar; }
};

/// Bytes per weight element (int4: one half).
inline double bytesPerWeight(WeightType t) {
  static constexpr double sizes[] = {0.5, 1, 1, 2, 2, 4};
  return sizes[static_cast<unsigned>(t)];
}

} // namespace calc::cost

#endif
