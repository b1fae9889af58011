//===- EvalStatus.h - Why an evaluation was rejected ----------------------===//
//
// Every check of docs/calculon-model.md §2.4, in reference order, as a value:
// the hot path (one search candidate) only stores an enum and a few numbers,
// and renderStatus() builds the message when someone wants to read it. Messages
// are Calculon's, followed by the values that explain them.
//
//===----------------------------------------------------------------------===//
#ifndef CALC_EVAL_COST_EVALSTATUS_H
#define CALC_EVAL_COST_EVALSTATUS_H

#include <cstdint>

namespace llvm {
class raw_ostream;
}

namespace calc::cost {

/// The failed check. Comments give the §2.4 row and Calculon's class:
/// [A] AssertionError (a hard failure), [E] Llm.Error (a "bad" candidate).
enum class EvalError : uint8_t {
  None,
  // Model shape (not checked by Calculon, which would divide by zero).
  BadModelField, ///< a = ModelField, b = value
  BadKvHeads,    ///< #5 generalised: a = kvHeads, b = attnHeads
  /// Sizes so large that flop or byte counts leave the range where doubles
  /// are exact (2^53); Python would not overflow, calcc refuses instead.
  SizeOverflow,
  // Execution constructor.
  NonPositiveDegree,    ///< #2 [A] a = 0 num_procs/1 tp/2 pp/3 dp, b = value
  ProcsMismatch,        ///< #3 [A] a = t, b = p, c = D, d = num_procs,
                        ///< x = context_par (shown when > 1)
  NonPositiveBatch,     ///< #4 [A] a = 0 batch/1 microbatch, b = value
  BatchNotMultipleOfDp, ///< #4 [A] a = B, b = D
  LocalBatchNotMultipleOfMicrobatch, ///< #4 [A] a = B/D, b = b
  RecomputeInInference,              ///< #7 [A]
  BadInterleaving,                   ///< #8 [A] a = v, b = p
  ShardingWithoutDp,                 ///< #9 [A] a = D
  TpOverlapWithoutTp,                ///< #11 [A]
  AgRedoWithoutRsAg,                 ///< #12 [A]
  AgRedoWithFullRecompute,           ///< #12 [A]
  DpOverlapInInference,              ///< #13 [A]
  DpOverlapWithoutDp,                ///< #13 [A] a = D
  OptimizerOffloadInInference,       ///< #14 [A]
  // System constructor.
  BadSystem, ///< #15 [A] a = SystemProblem, b = tier/datatype
  // Compile.
  NetworkIndex,            ///< #16 [A] a = 0 tp/1 pp/2 dp, b = index, c = count
  NetworkTooSmall,         ///< #17 [E] a = tier, b = used, c = size
  NetworkNotFilled,        ///< #18 [E] a = tier, b = used, c = size
  InterleavingTooLarge,    ///< #20 [E] a = v, b = L_p
  InterleavingNotFactor,   ///< #21 [E] a = v, b = L_p
  OffloadTooFewBlocks,     ///< #22 [E] a = L_p
  BatchSeqNotDivisible,    ///< #23 [A] a = b*s, b = t
  HiddenNotDivisible,      ///< #24 [A] a = h, b = t
  FeedforwardNotDivisible, ///< #24 [A] a = f, b = t
  HeadsNotDivisible,       ///< #24 [A] a = heads, b = t
  OverlapWidthNotDivisible, ///< #25 [A] a = width, b = t
  // Run.
  DatatypeUnsupported, ///< #19/run [A] a = DataType, b = the missing
                       ///< engine (0 matrix, 1 vector)
  Mem1Capacity,        ///< #26 [E] x = needed bytes, y = capacity
  Mem2Capacity,        ///< #27 [E] x = needed bytes, y = capacity
  Sanity,              ///< #28 [A] a result is not a finite number
  EfficiencyLookup,    ///< #29 [A] a = EfficiencyKind, x = quantity
  // MoE: calcc's checks of mixture-of-experts and latent-attention inputs
  // (docs/model.md), after all of Calculon's.
  BadMoeField,                   ///< a = MoeField, b = value
  BadTopK,                       ///< a = top_k, b = experts
  ExpertsNotDivisible,           ///< a = experts, b = EP
  ExpertGridMismatch,            ///< a = ETP, b = EP, c = t, d = D
  ExpertFeedforwardNotDivisible, ///< a = width, b = divisor (ETP or t)
  NegativeCapacityFactor,        ///< x = capacity factor
  ExpertImbalanceBelowOne,       ///< x = expert imbalance
  MlaFieldsWithoutMla,           ///< a = MlaField
  BadMlaField,                   ///< a = MlaField, b = value
  ExpertNetworkIndex,            ///< b = index, c = count
  ExpertNetworkTooSmall,         ///< [E] a = tier, b = ETP*EP, c = size
  // Context parallelism (docs/model.md, "Context parallelism").
  NonPositiveContextPar,   ///< a = context_par
  SeqNotDivisibleByCp,     ///< a = seq_size, b = 2 * context_par
  ContextNetworkIndex,     ///< b = index, c = count
  // Generation (checkServing; docs/model.md, "Generation"). Invalid input,
  // except that Mem1Capacity and the network tier checks are reused.
  GenBadModelField,           ///< a = GenModelField, b = value
  GenNonPositive,             ///< a = ServingField, b = value
  GenNetworkIndex,            ///< a = 0 tp/1 pp/2 ep, b = index, c = count
  GenKvHeadsNotDivisible,     ///< a = kvHeads, b = t (neither divides)
  GenExpertParWithoutExperts, ///< a = e (a dense model)
  GenExpertParNotDividingTp,  ///< a = e, b = t
  GenExpertsNotDivisible,     ///< a = experts, b = e
  GenExpertFeedforwardNotDivisible, ///< a = f_e, b = t/e (or t: shared)
  GenPipelineTooDeep,               ///< a = p, b = num_blocks
  /// Sentinel: the number of values above (None included). A search has a
  /// reason for each value from 1 on.
  NumEvalErrors
};

/// The last EvalError (NumEvalErrors counts None and every check).
constexpr EvalError LastEvalError =
    EvalError(unsigned(EvalError::NumEvalErrors) - 1);

/// Which mixture-of-experts field BadMoeField names.
enum class MoeField : uint8_t {
  Experts,
  ExpertFeedforward,
  SharedExperts,
  DenseBlocks,
  ExpertPar,
  ExpertTensorPar,
};

/// Which latent-attention field MlaFieldsWithoutMla / BadMlaField names.
enum class MlaField : uint8_t {
  QLoraRank,
  KvLoraRank,
  QkNopeHeadDim,
  QkRopeHeadDim,
  VHeadDim,
};

/// Which model field GenBadModelField names.
enum class GenModelField : uint8_t {
  Hidden,
  AttnHeads,
  AttnSize,
  NumBlocks,
  Feedforward,
  Vocab,
  Experts,
  TopK,
  ExpertFeedforward,
  SharedExperts,
  DenseBlocks,
  QLoraRank,
  KvLoraRank,
  QkNopeHeadDim,
  QkRopeHeadDim,
  VHeadDim,
};

/// Which serving field GenNonPositive names.
enum class ServingField : uint8_t {
  TensorPar,
  PipelinePar,
  ExpertPar,
  DataPar,
  BatchSize,
  PromptSize,
  OutputSize,
};

/// Which model field BadModelField names.
enum class ModelField : uint8_t {
  Hidden,
  Feedforward,
  SeqSize,
  AttnHeads,
  AttnSize,
  NumBlocks
};

/// What is wrong with a system (BadSystem).
enum class SystemProblem : uint8_t {
  EngineEfficiency,  ///< an engine efficiency outside (0, 1]; b = datatype
  EngineOrder,       ///< engine thresholds not strictly decreasing; b = dt
  EnginePeak,        ///< engine peak <= 0; b = datatype
  MemoryEfficiency,  ///< b = 1 or 2: a memory efficiency outside (0, 1]
  MemoryBandwidth,   ///< b = 1 or 2: bandwidth <= 0
  NetworkBandwidth,  ///< b = tier: bandwidth <= 0
  NetworkEfficiency, ///< b = tier: efficiency outside (0, 1]
  NetworkSize,       ///< b = tier: size < 0
  NetworkScale,      ///< b = tier: an op scale <= 0
  NetworkUsage,      ///< b = tier: processor_usage outside [0, 1)
};

/// Which efficiency table an EfficiencyLookup failure was in.
enum class EfficiencyKind : uint8_t { Matrix, Vector, Mem1, Mem2 };

/// The outcome of a check or an evaluation: ok, or the failed check and the
/// numbers that explain it.
struct EvalStatus {
  EvalError error = EvalError::None;
  int64_t a = 0, b = 0, c = 0, d = 0;
  double x = 0, y = 0;

  bool ok() const { return error == EvalError::None; }
  static EvalStatus fail(EvalError e, int64_t a = 0, int64_t b = 0,
                         int64_t c = 0, int64_t d = 0) {
    EvalStatus s;
    s.error = e;
    s.a = a;
    s.b = b;
    s.c = c;
    s.d = d;
    return s;
  }
};

/// True for the failures Calculon raises as Llm.Error: a search counts these
/// as "bad" candidates; every other failure is an invalid input.
bool isCandidateRejection(EvalError e);

/// Writes the message (no "error: " prefix, no newline), e.g.
/// "Mem tier1 needs 85.421 GiB but only has 80.000 GiB".
void renderStatus(const EvalStatus &status, llvm::raw_ostream &os);

} // namespace calc::cost

#endif
