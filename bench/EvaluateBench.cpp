//===- EvaluateBench.cpp - Time of one cost-model evaluation --------------===//
//
// One full evaluation of Calculon's README example (megatron-1T on a100_80g,
// docs/calculon-model.md §16.1) and rejected candidates, as a search sees them.
// Inputs are read once from Calculon's JSON (CALC_CALCULON_INPUTS, or the first
// argument after the benchmark flags). Figures: docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/cost/Training.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace calc;

namespace {

calculon::LlmInputs inputs;

bool loadInputs(const std::string &dir) {
  std::string error;
  if (calculon::loadLlmInputs(dir + "/models/megatron-1T.json",
                              dir + "/examples/3072_t4_p64_d12_mbs4_full.json",
                              dir + "/systems/a100_80g.json", inputs, error))
    return true;
  std::fprintf(stderr, "error: %s\n", error.c_str());
  return false;
}

void runOnce(benchmark::State &state, const cost::Execution &exe,
             cost::EvalError expected) {
  cost::Workspace ws;
  cost::Stats stats;
  for (auto _ : state) {
    cost::EvalStatus st =
        cost::evaluateTraining(inputs.model, inputs.system, exe, ws, stats);
    benchmark::DoNotOptimize(st);
    benchmark::DoNotOptimize(stats.values[0]);
    if (st.error != expected) {
      state.SkipWithError("unexpected evaluation result");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

/// The accepted README execution: every stage, every statistic.
void BM_EvaluateMegatron1T(benchmark::State &state) {
  runOnce(state, inputs.exe, cost::EvalError::None);
}
BENCHMARK(BM_EvaluateMegatron1T);

/// Rejected after the full evaluation: the tier-1 capacity check (b = 8).
void BM_RejectMemory(benchmark::State &state) {
  cost::Execution exe = inputs.exe;
  exe.microbatchSize = 8;
  runOnce(state, exe, cost::EvalError::Mem1Capacity);
}
BENCHMARK(BM_RejectMemory);

/// Rejected by a compile check before any layer is costed (interleaving).
void BM_RejectCompile(benchmark::State &state) {
  cost::Execution exe = inputs.exe;
  exe.pipelineInterleaving = 4;
  runOnce(state, exe, cost::EvalError::InterleavingTooLarge);
}
BENCHMARK(BM_RejectCompile);

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  std::string dir = argc > 1 ? argv[1] : CALC_CALCULON_INPUTS;
  if (const char *env = std::getenv("CALC_CALCULON_INPUTS"))
    dir = env;
  if (!loadInputs(dir))
    return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
