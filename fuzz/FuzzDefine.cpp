//===- FuzzDefine.cpp - calc-fuzz-define: `-D path=EXPR` overrides --------===//
//
// Each line of the input is one `-D` argument of `calcc run` on a fixed
// program (below) that reads every kind of thing a -D can set: lets of each
// type, fields of a model, a system (nested groups, network list elements)
// and an execution, used by an `evaluate`, `output` tables and asserts. The
// lines go through the driver's own code (tools/driver/Defines.h: the usage
// check, then the expression parser; SemanticPhases.h: lowering with the
// overrides and the statements), with the output in memory. A usage error,
// a syntax error, a type error or a failing assert is a rejection; a crash,
// an internal error or a failure without a message is a finding.
//
//===----------------------------------------------------------------------===//
#include "fuzz/FuzzCommon.h"

#include "tools/driver/Defines.h"
#include "tools/driver/SemanticPhases.h"

#include "llvm/ADT/SmallVector.h"

using namespace calc;
using llvm::StringRef;

static const char program[] = R"calc(import "std/calculon.calc"

let layers = 4
let width = 1024 * 2
let scale = 1.5
let name = "fuzz"
let on = true
let sizes = [1, 2, 4]
let time = 3 ms

model m : megatron_5b {
  num_blocks = layers
  hidden = width
}
system sys : a100_80g {
  mem1 { capacity = 80 GiB }
  networks[1] { size = 64; bandwidth = 25 GB/s }
}
execution plan : calculon_example_3072 {
  num_procs = 8
  tensor_par = sizes[1]
  pipeline_par = 2
  data_par = 2
  batch_size = 16
  microbatch_size = 1
}

evaluate r = training {
  model = m
  system = sys
  execution = plan
}
output table r {
  total_time as s
  sample_rate
}
assert len(sizes) * scale > 0 : "${name}"
assert on or time > 1 ms
)calc";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  StringRef input(reinterpret_cast<const char *>(data), size);
  llvm::SmallVector<StringRef, 8> defines;
  input.split(defines, '\n', /*MaxSplit=*/7, /*KeepEmpty=*/false);
  std::string usage;
  for (StringRef define : defines)
    if (!driver::checkDefine(define, usage))
      return 0; // `calcc` stops with "calcc: error: <usage>", exit 2.
  fuzz::CompiledText compiled(program);
  if (!compiled.load())
    fuzz::finding("the fixed program does not load", compiled.diagnostics);
  driver::CompileOptions options;
  options.mode = driver::CompileMode::Run;
  bool ok = true;
  for (StringRef define : defines) {
    driver::Override override;
    ok &= driver::parseDefine(compiled.diags, define, override);
    options.overrides.push_back(std::move(override));
  }
  std::string out;
  if (ok) {
    llvm::raw_string_ostream os(out);
    ok = driver::runSemanticPhases(compiled.compilation, options,
                                   compiled.diags, os)
             .ok;
  }
  fuzz::checkDiagnostics(compiled, ok, input);
  // Every table or an error: a successful run that printed nothing lost it.
  if (ok && out.empty())
    fuzz::finding("a successful run printed no table", input);
  return 0;
}
