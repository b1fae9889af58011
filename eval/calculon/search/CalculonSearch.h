//===- CalculonSearch.h - Calculon's loe and lae on the search engine -----===//
//
// `llm-optimal-execution` (the N best executions by sample rate, with the
// `-m` microbatch cut-off) and `llm-all-executions` (every feasible
// candidate as a CSV row, in enumeration order), docs/calculon-model.md §11.2–
// §11.3. Both walk an ExecutionSpace in chunks of groups on worker threads
// (ChunkRunner) and give the same bytes for any thread count.
//
// Divergences from Calculon, by design: every failed check (including the
// AssertionErrors that crash Calculon, e.g. f mod t != 0) counts the
// candidate as bad under its reason instead of aborting; `lae` rows are in
// enumeration order instead of shuffled.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_SEARCH_CALCULONSEARCH_H
#define CALC_EVAL_CALCULON_SEARCH_CALCULONSEARCH_H

#include "eval/calculon/search/ExecutionSpace.h"
#include "eval/calculon/search/SearchOutput.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"
#include "eval/search/ReasonCounts.h"
#include "eval/search/SearchEngine.h"

#include <cstdint>
#include <vector>

namespace calc::calculon {

/// Options of `loe`.
struct OptimalOptions {
  size_t topN = 1;       ///< -t, > 0
  bool mbsBreak = false; ///< -m
  bool debug = false;    ///< -d: count candidates, evaluate nothing
  bool layers = false;   ///< -l: per-layer statistics of the kept results
  unsigned threads = 1;
};

/// What a search found and how its candidates fared.
struct SearchSummary {
  /// Candidates enumerated ("Total executions"); with -d nothing else.
  uint64_t total = 0;
  /// Accepted and rejected (by cost::EvalError) counts.
  search::ReasonCounts counts;
  double seconds = 0; ///< wall time of the enumeration
};

/// The `loe` search: fills `best` (rank order, at most topN) and `summary`.
void findOptimalExecutions(const cost::Model &model, const cost::System &system,
                           const ExecutionSpace &space,
                           const OptimalOptions &options,
                           search::ProgressFn progress,
                           std::vector<RankedExecution> &best,
                           SearchSummary &summary);

/// Receives `lae` rows (whole lines of CSV), in enumeration order.
using RowSink = llvm::function_ref<bool(llvm::StringRef rows)>;

/// The `lae` search: every candidate is evaluated; accepted ones go to
/// `sink` as CSV rows (23 execution values, 96 statistics), each chunk's
/// rows as one gzip member when `gzipChunks` (compressed on the worker
/// threads). Returns false if the sink failed (the search stops early).
bool findAllExecutions(const cost::Model &model, const cost::System &system,
                       const ExecutionSpace &space, unsigned threads,
                       bool gzipChunks, search::ProgressFn progress,
                       RowSink sink, SearchSummary &summary);

/// Groups per chunk for `space`: about a thousand candidates each, a
/// function of the space only (never of the thread count).
uint64_t groupsPerChunk(const ExecutionSpace &space);

} // namespace calc::calculon

#endif
