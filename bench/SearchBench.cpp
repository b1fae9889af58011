//===- SearchBench.cpp - Throughput of the Calculon searches --------------===//
//
// Candidates per second of `loe` and `lae` (docs/calculon-model.md §11),
// counting rejected candidates as Calculon's "Calculation rate" does: the
// README search (turing-530B, 5128 processors, max batch 2520, with and without
// -m), a large one (megatron-1T on 8192 processors, max batch 4096, -f both:
// 12.6 million candidates) on 1 and 2 threads, and `lae` row formatting. Peak
// memory (getrusage ru_maxrss) is reported with each. Inputs come from
// CALC_CALCULON_INPUTS. Figures: docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/search/CalculonSearch.h"

#include <benchmark/benchmark.h>

#include <sys/resource.h>

#include <cstdio>
#include <string>

using namespace calc;

namespace {

std::string inputDir = CALC_CALCULON_INPUTS;

struct Problem {
  cost::Model model;
  cost::System system;
  calculon::ExecutionSpace space;
};

bool load(Problem &p, const char *model, int64_t procs, int64_t maxBatch,
          llvm::ArrayRef<bool> fused) {
  std::string error;
  if (!calculon::loadModel(inputDir + "/models/" + model, p.model, error) ||
      !calculon::loadSystem(inputDir + "/systems/a100_80g.json", p.system,
                            error)) {
    std::fprintf(stderr, "error: %s\n", error.c_str());
    return false;
  }
  calculon::applyAttention(p.model, calculon::AttentionType::MultiHead);
  calculon::SpaceOptions o;
  o.numProcs = procs;
  o.maxBatch = maxBatch;
  o.fused.assign(fused.begin(), fused.end());
  return calculon::ExecutionSpace::build(p.model, p.system, o, p.space, error);
}

double peakRssMiB() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return double(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

void report(benchmark::State &state, uint64_t candidates) {
  state.counters["candidates"] = double(candidates);
  state.counters["candidates/s"] = benchmark::Counter(
      double(candidates) * double(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["peak_rss_MiB"] = peakRssMiB();
}

void runLoe(benchmark::State &state, Problem &p, bool mbsBreak) {
  calculon::OptimalOptions options;
  options.mbsBreak = mbsBreak;
  options.topN = 10;
  options.threads = unsigned(state.range(0));
  std::vector<calculon::RankedExecution> best;
  calculon::SearchSummary summary;
  for (auto _ : state) {
    calculon::findOptimalExecutions(p.model, p.system, p.space, options,
                                    nullptr, best, summary);
    benchmark::DoNotOptimize(best.data());
  }
  report(state, summary.total);
}

Problem readme, large;
bool readmeOk, largeOk;

void BM_LoeReadme(benchmark::State &state) {
  if (!readmeOk)
    return state.SkipWithError("cannot load inputs");
  runLoe(state, readme, /*mbsBreak=*/true);
}
BENCHMARK(BM_LoeReadme)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoeReadmeFull(benchmark::State &state) {
  if (!readmeOk)
    return state.SkipWithError("cannot load inputs");
  runLoe(state, readme, /*mbsBreak=*/false);
}
BENCHMARK(BM_LoeReadmeFull)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_LoeMegatron1T8192(benchmark::State &state) {
  if (!largeOk)
    return state.SkipWithError("cannot load inputs");
  runLoe(state, large, /*mbsBreak=*/false);
}
BENCHMARK(BM_LoeMegatron1T8192)
    ->Arg(1)
    ->Arg(2)
    ->Iterations(1)
    ->Unit(benchmark::kSecond)
    ->UseRealTime();

/// `lae` on the README space: evaluation plus CSV formatting of 1,080 rows.
void BM_LaeReadme(benchmark::State &state) {
  if (!readmeOk)
    return state.SkipWithError("cannot load inputs");
  calculon::SearchSummary summary;
  uint64_t bytes = 0;
  for (auto _ : state) {
    calculon::findAllExecutions(
        readme.model, readme.system, readme.space, unsigned(state.range(0)),
        /*gzipChunks=*/false, nullptr,
        [&](llvm::StringRef rows) {
          bytes += rows.size();
          return true;
        },
        summary);
  }
  report(state, summary.total);
  state.counters["rows"] = double(summary.counts.numAccepted());
  state.SetBytesProcessed(int64_t(bytes));
}
BENCHMARK(BM_LaeReadme)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

int main(int argc, char **argv) {
  benchmark::Initialize(&argc, argv);
  if (argc > 1)
    inputDir = argv[1];
  else if (const char *dir = std::getenv("CALC_CALCULON_INPUTS"))
    inputDir = dir;
  readmeOk = load(readme, "turing-530B.json", 5128, 2520, {true});
  largeOk = load(large, "megatron-1T.json", 8192, 4096, {false, true});
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
