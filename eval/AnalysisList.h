//===- AnalysisList.h - The accessors of the registered analyses ----------===//
//
// One accessor per analysis, defined in the analysis's own file and listed
// in Analyses.cpp. Tests may use them to reach an analysis directly.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_ANALYSISLIST_H
#define CALC_EVAL_ANALYSISLIST_H

#include "eval/Analysis.h"

namespace calc::eval {

/// `training`: Calculon's training (or inference) step (TrainingAnalysis.cpp).
const Analysis &trainingAnalysis();

/// `generation`: prefill and decode of a serving deployment
/// (GenerationAnalysis.cpp).
const Analysis &generationAnalysis();

} // namespace calc::eval

#endif
