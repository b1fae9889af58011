//===- EvalReasons.cpp - Calculon checks as search rejection reasons ------===//
#include "eval/cost/EvalReasons.h"

using namespace calc;

llvm::StringRef calc::cost::evalErrorName(EvalError e) {
  switch (e) {
  case EvalError::None: return "accepted";
  case EvalError::BadModelField: return "model field not positive";
  case EvalError::BadKvHeads: return "kv heads do not divide heads";
  case EvalError::SizeOverflow: return "counts beyond 2^53";
  case EvalError::NonPositiveDegree: return "parallel degree not positive";
  case EvalError::ProcsMismatch: return "t*p*D != num_procs";
  case EvalError::NonPositiveBatch: return "batch size not positive";
  case EvalError::BatchNotMultipleOfDp: return "batch not a multiple of D";
  case EvalError::LocalBatchNotMultipleOfMicrobatch:
    return "local batch not a multiple of microbatch";
  case EvalError::RecomputeInInference: return "recompute in inference";
  case EvalError::BadInterleaving: return "bad pipeline interleaving";
  case EvalError::ShardingWithoutDp: return "optimizer sharding without DP";
  case EvalError::TpOverlapWithoutTp: return "TP overlap without TP";
  case EvalError::AgRedoWithoutRsAg: return "AG redo without rs_ag";
  case EvalError::AgRedoWithFullRecompute: return "AG redo with full recompute";
  case EvalError::DpOverlapInInference: return "DP overlap in inference";
  case EvalError::DpOverlapWithoutDp: return "DP overlap without DP";
  case EvalError::OptimizerOffloadInInference:
    return "optimizer offload in inference";
  case EvalError::BadSystem: return "bad system";
  case EvalError::NetworkIndex: return "network index out of range";
  case EvalError::NetworkTooSmall: return "network too small";
  case EvalError::NetworkNotFilled: return "network not filled";
  case EvalError::InterleavingTooLarge: return "interleaving too large";
  case EvalError::InterleavingNotFactor: return "interleaving not a factor";
  case EvalError::OffloadTooFewBlocks: return "offload with too few blocks";
  case EvalError::BatchSeqNotDivisible: return "b*s not divisible by t";
  case EvalError::HiddenNotDivisible: return "hidden not divisible by t";
  case EvalError::FeedforwardNotDivisible:
    return "feedforward not divisible by t";
  case EvalError::HeadsNotDivisible: return "heads not divisible by t";
  case EvalError::OverlapWidthNotDivisible:
    return "overlap width not divisible by t";
  case EvalError::DatatypeUnsupported: return "datatype unsupported";
  case EvalError::Mem1Capacity: return "mem1 capacity";
  case EvalError::Mem2Capacity: return "mem2 capacity";
  case EvalError::Sanity: return "result not finite";
  case EvalError::EfficiencyLookup: return "efficiency table lookup";
  case EvalError::BadMoeField:
    return "bad mixture-of-experts field";
  case EvalError::BadTopK:
    return "top_k not in 1..experts";
  case EvalError::ExpertsNotDivisible:
    return "experts not divisible by EP";
  case EvalError::ExpertGridMismatch:
    return "ETP*EP does not divide t*D";
  case EvalError::ExpertFeedforwardNotDivisible:
    return "expert feedforward not divisible";
  case EvalError::NegativeCapacityFactor:
    return "negative capacity factor";
  case EvalError::ExpertImbalanceBelowOne:
    return "expert imbalance below 1";
  case EvalError::MlaFieldsWithoutMla:
    return "MLA fields without MLA";
  case EvalError::BadMlaField:
    return "bad MLA field";
  case EvalError::ExpertNetworkIndex:
    return "expert network index out of range";
  case EvalError::ExpertNetworkTooSmall:
    return "expert network too small";
  case EvalError::NonPositiveContextPar: return "context_par not positive";
  case EvalError::SeqNotDivisibleByCp: return "seq not divisible by 2*CP";
  case EvalError::ContextNetworkIndex:
    return "context network index out of range";
  case EvalError::GenBadModelField: return "model field unusable for generation";
  case EvalError::GenNonPositive: return "serving size not positive";
  case EvalError::GenNetworkIndex: return "network index out of range";
  case EvalError::GenKvHeadsNotDivisible: return "kv heads and TP do not divide";
  case EvalError::GenExpertParWithoutExperts: return "EP on a dense model";
  case EvalError::GenExpertParNotDividingTp: return "EP not dividing TP";
  case EvalError::GenExpertsNotDivisible: return "experts not divisible by EP";
  case EvalError::GenExpertFeedforwardNotDivisible:
    return "expert feedforward not divisible";
  case EvalError::GenPipelineTooDeep: return "more stages than blocks";
  case EvalError::NumEvalErrors: break;
  }
  return "unknown";
}
