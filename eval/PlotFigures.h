//===- PlotFigures.h - The pictures of evaluate and search results --------===//
//
// What `output plot` and `--report` draw (docs/units-and-output.md, Plots),
// as eval/output/Charts.h Figures built from results after evaluation (the
// cost model's hot path is not involved):
//   - a training result: the iteration time broken down (compute, recompute,
//     each communication kind's exposed part, bubble, optimizer), each
//     communication kind exposed against hidden, and the first memory tier
//     broken down against mem1's capacity;
//   - a generation result: a request's prefill and decode, the parts of
//     each, and memory (weights, KV cache, activations) against capacity;
//   - a search: a scatter of two quantities over the kept plans with their
//     Pareto front, and per domain the best objective for each of its values;
//   - an evaluate with columns: one stacked bar of the columns.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_PLOTFIGURES_H
#define CALC_EVAL_PLOTFIGURES_H

#include "eval/Evaluator.h"
#include "eval/output/Charts.h"
#include "ir/IR.h"

#include "llvm/ADT/Optional.h"

namespace calc::eval {

/// The figure of \p stmt's result (an evaluate or a search) as `output plot`
/// with \p columns draws it (empty: the default picture); \p caption titles
/// it. None after reporting an error at \p use.
llvm::Optional<Figure> resultFigure(const ir::Stmt &stmt,
                                    const std::vector<ir::OutputColumn> &columns,
                                    const std::string &caption, Evaluator &ev,
                                    llvm::SMRange use);

/// Whether \p stmt's result has a default picture: every evaluate of a
/// training or generation, a search with an objective.
bool hasDefaultFigure(const ir::Stmt &stmt);

} // namespace calc::eval

#endif
