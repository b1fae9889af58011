//===- InputDifference.h - Where two cost inputs differ -------------------===//
//
// `calcc convert` reads back what it writes and compares it with what it
// read, field by field, so a conversion that would change a number is an
// error naming the field instead of a silently different file.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_CALCULON_INPUTDIFFERENCE_H
#define CALC_EVAL_CALCULON_INPUTDIFFERENCE_H

#include "eval/cost/Execution.h"
#include "eval/cost/Model.h"
#include "eval/cost/System.h"

#include <string>

namespace calc::calculon {

/// "" when equal, else the first field that differs and both values
/// ("hidden: 8192 vs 8190").
std::string firstDifference(const cost::Model &a, const cost::Model &b);
std::string firstDifference(const cost::Execution &a,
                            const cost::Execution &b);
std::string firstDifference(const cost::System &a, const cost::System &b);

} // namespace calc::calculon

#endif
