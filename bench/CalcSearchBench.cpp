//===- CalcSearchBench.cpp - Throughput of the `.calc` search statement ---===//
//
// Candidates per second of a `.calc` `search` (docs/language-reference.md §6)
// over Calculon's README `loe` space (turing-530B, 5128 processors, batch <=
// 2520, float16, a100_80g; docs/calculon-model.md §11.5), written with
// dependent domains so it evaluates exactly the 10,944 plans `loe` does
// (test/Search/lang-loe-space.calc). Compilation happens once; each iteration
// runs the statements (the search, then an empty output). Compare with
// SearchBench's BM_LoeReadmeFull (loe without -m, the same 10,944 plans).
// BM_CalcSearchGeneration is a generation search whose `where` reads the
// result, so every candidate's result record is filled (the path plain-stat
// objectives skip). Figures: docs/performance.md.
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

const char *const readmeSource = R"calc(
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

/// Llama 3.1 70B served on a DGX H100: 4 x 2 layouts, 200 batch sizes, 5
/// prompt lengths, 4 weight and 2 KV datatypes = 64,000 candidates; the
/// latency targets are a `where` on the result.
const char *const generationSource = R"calc(
import "std/models/llama.calc"
import "std/systems/nvidia.calc"
serving chat {
  tensor_par = 8; data_par = 1; mode = "continuous"
  batch_size = 64; prompt_size = 2048; output_size = 512
  datatype = "float8"
}
search plans = generation {
  model = llama3_1_70b; system = dgx_h100
  serving = chat {
    tensor_par in [1, 2, 4, 8]
    pipeline_par in [1, 2]
    batch_size in 1..200
    prompt_size in [512, 1024, 2048, 4096, 8192]
    weight_datatype in ["float16", "float8", "int8", "int4"]
    kv_datatype in ["float16", "float8"]
  }
  where serving.tensor_par * serving.pipeline_par <= 8
  where ttft <= 2 s and tpot <= 100 ms
  maximize output_rate_per_proc
  keep 5
}
)calc";

/// A compiled program, built once.
struct Compiled {
  llvm::SourceMgr sourceMgr;
  DiagnosticEngine diags{sourceMgr};
  Compilation compilation{diags, ImportOptions()};
  ir::Module *module = nullptr;

  explicit Compiled(const char *source) {
    unsigned id = sourceMgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(source, "bench.calc"),
        llvm::SMLoc());
    if (compilation.build(id))
      module = &compilation.module();
  }
};

/// Runs \p compiled's statements once per iteration.
void runSearch(benchmark::State &state, Compiled &compiled,
                   unsigned threads) {
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
  // Over everything enumerated (including what the wheres prune).
  state.counters["enumerated/s"] = benchmark::Counter(
      double(totals.candidates), benchmark::Counter::kIsRate);
}

void runReadme(benchmark::State &state, unsigned threads) {
  static Compiled compiled(readmeSource);
  runSearch(state, compiled, threads);
  // Over the 10,944 plans `loe` evaluates (what SearchBench counts).
  state.counters["loe-candidates/s"] = benchmark::Counter(
      10944.0 * double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_CalcSearchReadme(benchmark::State &state) { runReadme(state, 1); }
void BM_CalcSearchReadme2Threads(benchmark::State &state) {
  runReadme(state, 2);
}
void BM_CalcSearchGeneration(benchmark::State &state) {
  static Compiled compiled(generationSource);
  runSearch(state, compiled, 1);
}

} // namespace

BENCHMARK(BM_CalcSearchReadme)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CalcSearchReadme2Threads)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_CalcSearchGeneration)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
