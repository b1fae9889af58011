//===- FuzzSearch.cpp - calc-fuzz-search: incremental vs fresh search -----===//
//
// The input's bytes choose a small `.calc` search program (domains in and out
// of dependency order, co-design domains over models and systems, dependent
// lists, values the fields reject, failing `require`s, input and result
// `where`s, objectives with tie-breakers, a second search reading the
// first's rows), built from the same pieces as test/Fuzz/search_differential.py
// but steered by coverage instead of a seed. The program runs twice through
// eval::runStatements: incrementally on two threads (one reused instance per
// worker, memos reset by DomainTracker) and with every candidate fresh on
// one thread (RunOptions::freshSearchCandidates). The outputs, the
// diagnostics and the outcome must be byte-identical; a difference is a
// finding, as is a crash, a hang or an internal error.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FuzzCommon.h"

#include "eval/Evaluator.h"
#include "eval/Statements.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <string>
#include <vector>

using namespace calc;

namespace {

const char *const prelude = R"calc(import "std/calculon.calc"
system no_mem_bandwidth: a100_80g {
  mem1 { bandwidth = 0 GB/s }
}
model partial {
  hidden = 4096
  seq_size = 2048
}
)calc";

const std::vector<std::string> models = {
    "= megatron_5b", "= megatron_22b",
    "in [megatron_5b, partial, megatron_22b]", "in [megatron_22b, megatron_5b]",
    "= megatron_5b { seq_size in [1024, 2048] }"};
const std::vector<std::string> systems = {
    "= a100_80g", "in [a100_80g, no_mem_bandwidth]",
    "= a100_80g { mem1 { bandwidth in [1.5, 3] TB/s } }",
    "in [a100_80g, a100_80g { processing_mode = \"roofline\" }]",
    "= a100_80g { networks[1] { bandwidth in [25, 50] GB/s } }"};
const std::vector<std::string> wheres = {
    "where execution.pipeline_par <= 4",
    "where model.num_blocks mod execution.pipeline_par == 0",
    "where execution.microbatch_size * execution.tensor_par <= 4",
    "where total_time < 3 s", "where execution.data_par > 1",
    "where sample_rate > 1 / s"};
const std::vector<std::string> objectives = {
    "minimize total_time", "maximize sample_rate\n  keep 5",
    "minimize total_time then maximize sample_rate\n  keep 4",
    "maximize sample_rate then minimize proc_mem_tier1_cap_req\n  keep 3", ""};
const std::vector<std::string> tensorPars = {
    "tensor_par in [1, 2, 4]", "tensor_par in [1, 2.0, 2.5]",
    "tensor_par in [1, 2]", "tensor_par = 2", "tensor_par in [2, 1, 2]"};
const std::vector<std::string> pipelinePars = {
    "pipeline_par in divisors(model.num_blocks)", "pipeline_par in [1, 2]",
    "pipeline_par in (if tensor_par > 1 then [1] else [1, 2])",
    "pipeline_par = 1", "pipeline_par in [4, 0, 1]"};
const std::vector<std::string> microbatches = {
    "microbatch_size in divisors(batch_size / data_par)",
    "microbatch_size in [1, 2]",
    "microbatch_size in (if pipeline_par > 1 then [1] else [1, 2, 4])",
    "microbatch_size in range(1, 3)"};
const std::vector<std::string> recomputes = {
    "activation_recompute in [\"full\", \"none\"]",
    "activation_recompute in [\"full\", \"bogus\", \"none\"]",
    "activation_recompute = \"full\"",
    "activation_recompute in [\"attn_only\", \"full\"]"};
const std::vector<std::string> overlaps = {
    "data_par_overlap in (if data_par > 1 then [true, false] else [false])",
    "data_par_overlap in [true, false]", ""};
const std::vector<std::string> offloads = {
    "weight_offload = if pipeline_par > 1 then data_par_overlap else "
    "microbatch_size > 1",
    "weight_offload in [true, false]", ""};
const std::vector<std::string> shardings = {
    "optimizer_sharding in [true, false]",
    "optimizer_sharding in (if data_par > 1 then [true, false] else [false])",
    ""};
const std::vector<std::string> networks = {
    "data_par_net in (if data_par > 1 then [0, 1] else [0])",
    "tensor_par_net in [0, 1]", "", "tensor_par_net in [0, 1, 2]"};
const std::vector<std::string> requires_ = {
    "", "require microbatch_size * tensor_par <= 4 : \"rows\"",
    "require not weight_offload or activation_recompute == \"full\" : "
    "\"offload\""};
const std::vector<std::string> procs = {"num_procs = 8", "num_procs = 4",
                                        "num_procs in [4, 8]"};
const char *const secondSearch = R"calc(search t = training {
  model = megatron_5b
  system = a100_80g
  execution = calculon_example_3072 {
    num_procs = 8
    tensor_par in [s[0].execution.tensor_par, 1]
    pipeline_par in (if len(s) > 1 then [s[1].execution.pipeline_par] else [1, 2])
    data_par = num_procs / (tensor_par * pipeline_par)
    batch_size = 16 * data_par
    microbatch_size in divisors(batch_size / data_par)
  }
  minimize total_time
}
output csv t
)calc";

const std::string &pick(FuzzedDataProvider &in,
                        const std::vector<std::string> &v) {
  return v[in.ConsumeIntegralInRange<size_t>(0, v.size() - 1)];
}

std::string program(FuzzedDataProvider &in) {
  std::vector<std::string> domains;
  for (const std::vector<std::string> *choices :
       {&tensorPars, &pipelinePars, &recomputes, &shardings, &overlaps,
        &offloads, &microbatches, &networks}) {
    const std::string &d = pick(in, *choices);
    if (!d.empty())
      domains.push_back(d);
  }
  // Reorder: forward reads are errors, which both runs must report alike.
  unsigned swaps = in.ConsumeIntegralInRange<unsigned>(0, 3);
  for (unsigned k = 0; k < swaps; ++k)
    std::swap(domains[in.ConsumeIntegralInRange<size_t>(0, domains.size() - 1)],
              domains[in.ConsumeIntegralInRange<size_t>(0, domains.size() - 1)]);
  std::string text = prelude;
  text += "search s = training {\n  model " + pick(in, models) +
          "\n  system " + pick(in, systems) +
          "\n  execution = calculon_example_3072 {\n    " + pick(in, procs) +
          "\n";
  for (const std::string &d : domains)
    text += "    " + d + "\n";
  text += "    data_par = num_procs / (tensor_par * pipeline_par)\n"
          "    batch_size = 16 * data_par\n";
  const std::string &require = pick(in, requires_);
  if (!require.empty())
    text += "    " + require + "\n";
  text += "  }\n";
  unsigned whereCount = in.ConsumeIntegralInRange<unsigned>(0, 3);
  for (unsigned k = 0; k < whereCount; ++k)
    text += "  " + pick(in, wheres) + "\n";
  text += "  " + pick(in, objectives) + "\n}\noutput csv s\n";
  if (in.ConsumeBool())
    text += secondSearch;
  return text;
}

struct Outcome {
  bool ok = false;
  std::string out;
  std::string diagnostics;
};

Outcome run(const std::string &text, bool fresh) {
  Outcome outcome;
  fuzz::CompiledText compiled(text);
  if (!compiled.load())
    fuzz::finding("a generated program does not load", text);
  llvm::raw_string_ostream os(outcome.out);
  Compilation::onLargeStack([&] {
    if (!compiled.compilation.lower() ||
        !compiled.compilation.checkStatements())
      return;
    eval::Evaluator evaluator(compiled.compilation.module(), compiled.diags);
    eval::RunOptions options;
    options.threads = fresh ? 1 : 2;
    options.freshSearchCandidates = fresh;
    options.searchSummary = false;
    options.maxCandidates = 100000;
    eval::CheckCounts counts;
    outcome.ok = eval::runStatements(compiled.compilation.module(), evaluator,
                                     options, os, counts);
  });
  os.flush();
  compiled.diagStream.flush();
  outcome.diagnostics = compiled.diagnostics;
  fuzz::checkDiagnostics(compiled, outcome.ok, text);
  return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  std::string text = program(in);
  Outcome incremental = run(text, /*fresh=*/false);
  Outcome fresh = run(text, /*fresh=*/true);
  // CALC_FUZZ_SHOW=1 prints what an input means: the program and its output.
  if (std::getenv("CALC_FUZZ_SHOW"))
    llvm::errs() << text << "--- output:\n"
                 << incremental.out << incremental.diagnostics;
  if (incremental.ok != fresh.ok || incremental.out != fresh.out ||
      incremental.diagnostics != fresh.diagnostics)
    fuzz::finding("the incremental and the fresh search differ",
                  text + "\n--- incremental:\n" + incremental.out +
                      incremental.diagnostics + "\n--- fresh:\n" + fresh.out +
                      fresh.diagnostics);
  return 0;
}
