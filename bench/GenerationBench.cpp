//===- GenerationBench.cpp - Time of one generation evaluation ------------===//
//
// cost::evaluateGeneration on the validation cases' shapes (docs/model.md,
// "Generation"): a dense 70B static batch, with a pipeline, in continuous
// mode, and MoE models with expert parallelism. A search calls this once
// per candidate. Figures: docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "test/Unit/Cost/ServingFixtures.h"

#include <benchmark/benchmark.h>

using namespace calc;
using namespace calc::cost::test;

namespace {

cost::Serving fp8(int64_t t, int64_t batch, int64_t prompt, int64_t output) {
  cost::Serving x;
  x.tensorPar = t;
  x.batchSize = batch;
  x.promptSize = prompt;
  x.outputSize = output;
  x.datatype = x.kvDatatype = cost::DataType::Float8;
  x.weightDatatype = cost::WeightType::Float8;
  return x;
}

void run(benchmark::State &state, const cost::Model &model,
         const cost::Serving &x) {
  cost::System sys = dgxH100();
  cost::GenerationStats stats;
  for (auto _ : state) {
    cost::EvalStatus st = cost::evaluateGeneration(model, sys, x, stats);
    benchmark::DoNotOptimize(st);
    benchmark::DoNotOptimize(stats.values[0]);
    if (!st.ok()) {
      state.SkipWithError("unexpected evaluation result");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

/// Validation P4: Llama-2-70B FP8 TP2, static batch 64, 2048 in / 2048 out.
void BM_GenerationLlama70B(benchmark::State &state) {
  run(state, llama2_70b(), fp8(2, 64, 2048, 2048));
}
BENCHMARK(BM_GenerationLlama70B);

/// The same on TP4 PP2 (two micro-batches, pipeline hops on InfiniBand).
void BM_GenerationLlama70BPipeline(benchmark::State &state) {
  cost::Serving x = fp8(4, 64, 2048, 2048);
  x.pipelinePar = 2;
  x.pipelineParNet = 1;
  run(state, llama2_70b(), x);
}
BENCHMARK(BM_GenerationLlama70BPipeline);

/// Validation P5: Llama-3.3-70B, continuous batching at concurrency 1.
void BM_GenerationLlama70BContinuous(benchmark::State &state) {
  cost::Serving x = fp8(2, 1, 5000, 500);
  x.mode = cost::RequestMode::Continuous;
  run(state, llama3_3_70b(), x);
}
BENCHMARK(BM_GenerationLlama70BContinuous);

/// Validation P6 with EP 2: Mixtral 8x7B, static batch 32, 2048 / 2048.
void BM_GenerationMixtral(benchmark::State &state) {
  cost::Serving x = fp8(2, 32, 2048, 2048);
  x.expertPar = 2;
  run(state, mixtral8x7b(), x);
}
BENCHMARK(BM_GenerationMixtral);

/// DeepSeek-V3 (MLA, 256 experts, shared expert, dense blocks) on TP8 EP8
/// PP2, static batch 64, 1000 / 1000.
void BM_GenerationDeepSeekV3(benchmark::State &state) {
  cost::Serving x = fp8(8, 64, 1000, 1000);
  x.expertPar = 8;
  x.pipelinePar = 2;
  x.pipelineParNet = 1;
  run(state, deepseekV3(), x);
}
BENCHMARK(BM_GenerationDeepSeekV3);

} // namespace

BENCHMARK_MAIN();
