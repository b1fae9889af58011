//===- MoeBench.cpp - Cost of mixture-of-experts evaluations and searches -===//
//
// One evaluation of validation case P3 (Mixtral 8x7B on 64 DGX H100 GPUs,
// TP1 EP8 PP4 VP8) and of DeepSeek-V3 (dense and MoE blocks in one stage),
// and `loe` on Mixtral 8x7B over 16 processors, which also searches EP and
// ETP, in candidates per second as Calculon counts them. Inputs are the
// test's JSON (test/Calculon/Inputs/moe). Figures: docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/search/CalculonSearch.h"
#include "eval/cost/Training.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

using namespace calc;

namespace {

std::string inputDir = CALC_MOE_INPUTS;
calculon::LlmInputs p3, deepseek;
bool p3Ok, deepseekOk;

bool load(calculon::LlmInputs &in, const char *model, const char *exe) {
  std::string error;
  if (calculon::loadLlmInputs(inputDir + "/" + model, inputDir + "/" + exe,
                              inputDir + "/dgx-h100.json", in, error))
    return true;
  std::fprintf(stderr, "error: %s\n", error.c_str());
  return false;
}

void evaluate(benchmark::State &state, const calculon::LlmInputs &in, bool ok) {
  if (!ok)
    return state.SkipWithError("cannot load inputs");
  cost::Workspace ws;
  cost::Stats stats;
  for (auto _ : state) {
    cost::EvalStatus st =
        cost::evaluateTraining(in.model, in.system, in.exe, ws, stats);
    benchmark::DoNotOptimize(st);
    benchmark::DoNotOptimize(stats.values[0]);
  }
  state.SetItemsProcessed(state.iterations());
}

/// Accepted: every block is a MoE block.
void BM_EvaluateMixtralP3(benchmark::State &state) {
  evaluate(state, p3, p3Ok);
}
BENCHMARK(BM_EvaluateMixtralP3);

/// Two block types (3 dense, 58 MoE) costed and blended; rejected for
/// memory after the full evaluation.
void BM_EvaluateDeepSeekV3(benchmark::State &state) {
  evaluate(state, deepseek, deepseekOk);
}
BENCHMARK(BM_EvaluateDeepSeekV3);

/// `loe mixtral-8x7b 16 32 bfloat16 dgx-h100 -m`: 4.8 million candidates.
void BM_LoeMixtral16(benchmark::State &state) {
  if (!p3Ok)
    return state.SkipWithError("cannot load inputs");
  calculon::SpaceOptions o;
  o.numProcs = 16;
  o.maxBatch = 32;
  o.datatype = cost::DataType::BFloat16;
  calculon::ExecutionSpace space;
  std::string error;
  if (!calculon::ExecutionSpace::build(p3.model, p3.system, o, space, error))
    return state.SkipWithError(error.c_str());
  calculon::OptimalOptions options;
  options.mbsBreak = true;
  options.topN = 10;
  options.threads = unsigned(state.range(0));
  std::vector<calculon::RankedExecution> best;
  calculon::SearchSummary summary;
  for (auto _ : state) {
    calculon::findOptimalExecutions(p3.model, p3.system, space, options,
                                    nullptr, best, summary);
    benchmark::DoNotOptimize(best.data());
  }
  state.counters["candidates"] = double(summary.total);
  state.counters["candidates/s"] =
      benchmark::Counter(double(summary.total) * double(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LoeMixtral16)
    ->Arg(1)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1)
    inputDir = argv[1];
  p3Ok = load(p3, "mixtral-8x7b.json", "p3-exe.json");
  deepseekOk = load(deepseek, "deepseek-v3.json", "p3-exe.json");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
