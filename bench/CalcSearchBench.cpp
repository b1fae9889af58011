//===- CalcSearchBench.cpp - Throughput of the `.calc` search statement ---===//
//
// Candidates per second of a `.calc` `search` (docs/language-reference.md §6)
// over Calculon's README `loe` space (turing-530B, 5128 processors, batch <=
// 2520, float16, a100_80g; docs/calculon-model.md §11.5), written with
// dependent domains so it evaluates exactly the 10,944 plans `loe` does
// (test/Search/lang-loe-space.calc). Compilation happens once; each iteration
// runs the statements (the search, then an empty output). Compare with
// SearchBench's BM_LoeReadmeFull (loe without -m, the same 10,944 plans).
// Figures: docs/performance.md.
//
//===----------------------------------------------------------------------===//
#include "eval/Compilation.h"
#include "eval/Statements.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <benchmark/benchmark.h>

#include <cstdio>

using namespace calc;

namespace {

const char *const source = R"calc(
import "std/calculon.calc"
search best = training {
  model = turing_530b
  system = a100_80g
  execution = calculon_example_3072 {
    num_procs = 5128
    tensor_par in [1, 2, 4, 8]
    pipeline_par in divisors(num_procs / tensor_par)
    data_par = num_procs / (tensor_par * pipeline_par)
    batch_size = max(1, floor(2520 / data_par)) * data_par
    activation_recompute in ["full", "attn_only", "none"]
    optimizer_sharding in (if data_par > 1 then [true, false] else [false])
    tensor_par_comm_type in ["ar", "p2p_rs_ag", "rs_ag"]
    seq_par_ag_redo in (if tensor_par_comm_type == "rs_ag" and activation_recompute != "full" then [true, false] else [false])
    data_par_overlap in (if data_par > 1 then [true, false] else [false])
    tensor_par_overlap in (if tensor_par > 1 then ["none", "ring", "pipe"] else ["none"])
    weight_offload in [true, false]
    activations_offload in (if activation_recompute == "full" then [false] else [true, false])
    optimizer_offload in [true, false]
    microbatch_size in divisors(batch_size / data_par)
    tensor_par_net in (if tensor_par > 1 then [0, 1] else [0])
    pipeline_par_net in (if pipeline_par > 1 then [0, 1] else [0])
    data_par_net in (if data_par > 1 then [0, 1] else [0])
  }
  where execution.data_par <= 2520
  where model.num_blocks mod execution.pipeline_par == 0
  maximize sample_rate
  keep 1
}
)calc";

/// The compiled program, built once.
struct Compiled {
  llvm::SourceMgr sourceMgr;
  DiagnosticEngine diags{sourceMgr};
  Compilation compilation{diags, ImportOptions()};
  ir::Module *module = nullptr;

  Compiled() {
    unsigned id = sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, "bench.calc"),
        llvm::SMLoc());
    if (compilation.build(id))
      module = &compilation.module();
  }
};

void runSearch(benchmark::State &state, unsigned threads) {
  static Compiled compiled;
  if (!compiled.module) {
    state.SkipWithError("the benchmark program does not compile");
    return;
  }
  eval::SearchTotals totals;
  eval::RunOptions options;
  options.threads = threads;
  options.searchSummary = false;
  options.searchTotals = &totals;
  uint64_t evaluated = 0;
  for (auto _ : state) {
    eval::Evaluator ev(*compiled.module, compiled.diags);
    eval::CheckCounts counts;
    llvm::raw_null_ostream out;
    eval::runStatements(*compiled.module, ev, options, out, counts);
    evaluated = totals.feasible;
  }
  uint64_t perRun =
      totals.candidates / std::max<uint64_t>(1, state.iterations());
  state.counters["enumerated"] = double(perRun);
  state.counters["feasible"] =
      double(evaluated / std::max<uint64_t>(1, state.iterations()));
  // Rates over the 10,944 plans `loe` evaluates (what SearchBench counts) and
  // over everything enumerated (including the (t, p) pairs the wheres prune).
  state.counters["loe-candidates/s"] = benchmark::Counter(
      10944.0 * double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["enumerated/s"] = benchmark::Counter(
      double(totals.candidates), benchmark::Counter::kIsRate);
}

void BM_CalcSearchReadme(benchmark::State &state) { runSearch(state, 1); }
void BM_CalcSearchReadme2Threads(benchmark::State &state) {
  runSearch(state, 2);
}

} // namespace

BENCHMARK(BM_CalcSearchReadme)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CalcSearchReadme2Threads)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_MAIN();
