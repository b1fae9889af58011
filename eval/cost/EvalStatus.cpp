//===- EvalStatus.cpp - Messages for failed checks ------------------------===//
//
// Calculon's wording (docs/calculon-model.md §2.4, test/Calculon/Goldens),
// followed by the numbers that explain the failure. Built only when asked for.
//
//===----------------------------------------------------------------------===//
#include "eval/cost/EvalStatus.h"
#include "eval/cost/HumanFormat.h"
#include "eval/cost/System.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

using namespace calc::cost;

namespace {

const char *modelFieldName(int64_t i) {
  static const char *const names[] = {"hidden",    "feedforward",
                                      "seq_size",  "attn_heads",
                                      "attn_size", "num_blocks"};
  return i >= 0 && i < 6 ? names[i] : "?";
}

const char *degreeName(int64_t i) {
  static const char *const names[] = {"num_procs", "tensor_par", "pipeline_par",
                                      "data_par"};
  return i >= 0 && i < 4 ? names[i] : "?";
}

const char *netName(int64_t i) {
  static const char *const names[] = {"tensor_par_net", "pipeline_par_net",
                                      "data_par_net"};
  return i >= 0 && i < 3 ? names[i] : "?";
}

const char *dtName(int64_t i) {
  return i >= 0 && i < int64_t(NumDataTypes) ? dataTypeName(DataType(i)) : "?";
}

void renderSystem(const EvalStatus &s, llvm::raw_ostream &os) {
  switch (SystemProblem(s.a)) {
  case SystemProblem::EngineEfficiency:
    os << "system: " << dtName(s.b) << " efficiency values must be in (0, 1]";
    return;
  case SystemProblem::EngineOrder:
    os << "system: " << dtName(s.b)
       << " efficiency thresholds must be strictly decreasing";
    return;
  case SystemProblem::EnginePeak:
    os << "system: " << dtName(s.b) << " 'tflops' must be positive";
    return;
  case SystemProblem::MemoryEfficiency:
    os << "system: mem" << s.b << " efficiency values must be in (0, 1]";
    return;
  case SystemProblem::MemoryBandwidth:
    os << "system: mem" << s.b << " bandwidth must be positive";
    return;
  case SystemProblem::NetworkBandwidth:
    os << "system: network " << s.b << ": 'bandwidth' must be positive";
    return;
  case SystemProblem::NetworkEfficiency:
    os << "system: network " << s.b << ": 'efficiency' must be in (0, 1]";
    return;
  case SystemProblem::NetworkSize:
    os << "system: network " << s.b << ": 'size' must not be negative";
    return;
  case SystemProblem::NetworkScale:
    os << "system: network " << s.b << ": op scalars must be positive";
    return;
  case SystemProblem::NetworkUsage:
    os << "system: network " << s.b << ": 'processor_usage' must be in [0, 1)";
    return;
  }
}

bool renderSplit(const char *what, const EvalStatus &s, llvm::raw_ostream &os) {
  os << "We should split " << what << "=" << s.a << " between " << s.b
     << " TP partitions evenly";
  return true;
}

} // namespace

bool calc::cost::isCandidateRejection(EvalError e) {
  switch (e) {
  case EvalError::NetworkTooSmall:
  case EvalError::NetworkNotFilled:
  case EvalError::InterleavingTooLarge:
  case EvalError::InterleavingNotFactor:
  case EvalError::OffloadTooFewBlocks:
  case EvalError::Mem1Capacity:
  case EvalError::Mem2Capacity:
  case EvalError::ExpertNetworkTooSmall:
    return true;
  default:
    return false;
  }
}

/// Model shape and execution-constructor failures (§2.4 #2–#14). Returns false
/// if `s` is not one of them.
static bool renderInput(const EvalStatus &s, llvm::raw_ostream &os) {
  switch (s.error) {
  case EvalError::None:
    os << "ok";
    return true;
  case EvalError::BadModelField:
    os << "model '" << modelFieldName(s.a) << "' must be positive, got " << s.b;
    return true;
  case EvalError::BadKvHeads:
    os << "kv_heads " << s.a << " must be between 1 and attn_heads " << s.b
       << " and divide it";
    return true;
  case EvalError::SizeOverflow:
    os << "model and execution sizes too large: flop or byte counts would "
          "exceed 2^53";
    return true;
  case EvalError::NonPositiveDegree:
    os << "'" << degreeName(s.a) << "' must be positive, got " << s.b;
    return true;
  case EvalError::ProcsMismatch:
    if (s.x > 1)
      os << "tensor * pipeline * data * context parallelism != num_procs ("
         << s.a << " * " << s.b << " * " << s.c << " * " << int64_t(s.x)
         << " != " << s.d << ")";
    else
      os << "tensor * pipeline * data parallelism != num_procs (" << s.a
         << " * " << s.b << " * " << s.c << " != " << s.d << ")";
    return true;
  case EvalError::NonPositiveBatch:
    os << "'" << (s.a == 0 ? "batch_size" : "microbatch_size")
       << "' must be positive, got " << s.b;
    return true;
  case EvalError::BatchNotMultipleOfDp:
    os << "batch_size " << s.a << " is not a multiple of data_par " << s.b;
    return true;
  case EvalError::LocalBatchNotMultipleOfMicrobatch:
    os << "batch per data-parallel rank " << s.a
       << " is not a multiple of microbatch_size " << s.b;
    return true;
  case EvalError::RecomputeInInference:
    os << "We only perform recompute during training";
    return true;
  case EvalError::BadInterleaving:
    os << "Bad pipeline interleaving of " << s.a;
    if (s.a > 0)
      os << " with pipeline_par " << s.b;
    return true;
  case EvalError::ShardingWithoutDp:
    os << "We perform optimizer sharding with DP > 1 (data_par is " << s.a
       << ")";
    return true;
  case EvalError::TpOverlapWithoutTp:
    os << "We perform TP comm overlap with TP > 1";
    return true;
  case EvalError::AgRedoWithoutRsAg:
    os << "We only redo AG comm with sequence parallelism "
          "(tensor_par_comm_type 'rs_ag')";
    return true;
  case EvalError::AgRedoWithFullRecompute:
    os << "We assume no extra AG with full recompute";
    return true;
  case EvalError::DpOverlapInInference:
    os << "We only perform DP comm overlap during training";
    return true;
  case EvalError::DpOverlapWithoutDp:
    os << "We perform DP comm overlap with DP > 1 (data_par is " << s.a << ")";
    return true;
  case EvalError::OptimizerOffloadInInference:
    os << "We only perform optimizer offloading during training";
    return true;
  default:
    return false;
  }
}

/// System and compile-time failures (§2.4 #15–#25). Returns false if `s` is not
/// one of them.
static bool renderCompile(const EvalStatus &s, llvm::raw_ostream &os) {
  switch (s.error) {
  case EvalError::BadSystem:
    renderSystem(s, os);
    return true;
  case EvalError::NetworkIndex:
    os << netName(s.a) << " " << s.b
       << " is not a network index (the system has " << s.c
       << (s.c == 1 ? " network)" : " networks)");
    return true;
  case EvalError::NetworkTooSmall:
    os << "Network tier" << s.a << " isn't big enough (" << s.b
       << " processors mapped to it, size " << s.c << ")";
    return true;
  case EvalError::NetworkNotFilled:
    os << "Network tier" << s.a << " isn't fully used (" << s.b
       << " processors mapped to it do not divide size " << s.c << ")";
    return true;
  case EvalError::InterleavingTooLarge:
    os << "Pipeline interleaving must be less than or equal to the number of "
          "blocks per processor ("
       << s.a << " > " << s.b << ")";
    return true;
  case EvalError::InterleavingNotFactor:
    os << "Pipeline interleaving must be a factor value of the number of "
          "blocks per processor ("
       << s.a << " does not divide " << s.b << ")";
    return true;
  case EvalError::OffloadTooFewBlocks:
    os << "Offloading requires each processor to handle at least 3 blocks "
          "(it has "
       << s.a << ")";
    return true;
  case EvalError::BatchSeqNotDivisible:
    return renderSplit("batch_seq", s, os);
  case EvalError::HiddenNotDivisible:
    return renderSplit("hidden", s, os);
  case EvalError::FeedforwardNotDivisible:
    return renderSplit("feedforward", s, os);
  case EvalError::HeadsNotDivisible:
    return renderSplit("attn_heads", s, os);
  case EvalError::OverlapWidthNotDivisible:
    os << "We should split width=" << s.a << " between " << s.b
       << " TP overlap tiles evenly";
    return true;
  default:
    return false;
  }
}

/// Run-time failures (§2.4 #19 at run, #26–#29). Returns false if `s` is not
/// one of them.
static bool renderRun(const EvalStatus &s, llvm::raw_ostream &os) {
  switch (s.error) {
  case EvalError::DatatypeUnsupported:
    os << "Unsupported type: " << dtName(s.a);
    return true;
  case EvalError::Mem1Capacity:
  case EvalError::Mem2Capacity:
    os << "Mem tier" << (s.error == EvalError::Mem1Capacity ? 1 : 2)
       << " needs " << humanBytes(s.x) << " but only has " << humanBytes(s.y);
    return true;
  case EvalError::Sanity:
    os << "the model produced a non-finite total time";
    return true;
  case EvalError::EfficiencyLookup: {
    static const char *const kinds[] = {"matrix", "vector", "mem1", "mem2"};
    os << "no " << kinds[s.a & 3] << " efficiency entry for "
       << (s.a < 2 ? "flops " : "bytes ") << llvm::format("%g", s.x)
       << " (tables must end with a threshold of 0)";
    return true;
  }
  default:
    return false;
  }
}

/// What a generation model field must be, by GenModelField.
static void renderGenModelField(const EvalStatus &s, llvm::raw_ostream &os) {
  static const char *const names[] = {"hidden",
                                      "attn_heads",
                                      "attn_size",
                                      "num_blocks",
                                      "feedforward",
                                      "vocab",
                                      "experts",
                                      "top_k",
                                      "expert_feedforward",
                                      "shared_experts",
                                      "dense_blocks",
                                      "q_lora_rank",
                                      "kv_lora_rank",
                                      "qk_nope_head_dim",
                                      "qk_rope_head_dim",
                                      "v_head_dim"};
  auto field = GenModelField(s.a);
  os << "model '" << (s.a >= 0 && s.a < 16 ? names[s.a] : "?") << "' must ";
  switch (field) {
  case GenModelField::TopK:
    os << "be between 1 and experts";
    break;
  case GenModelField::DenseBlocks:
    os << "be between 0 and num_blocks";
    break;
  case GenModelField::Vocab:
  case GenModelField::SharedExperts:
  case GenModelField::QLoraRank:
  case GenModelField::QkRopeHeadDim:
    os << "not be negative";
    break;
  default:
    os << "be positive";
    break;
  }
  os << " for generation, got " << s.b;
}

/// Failures of checkServing. Returns false if `s` is not one of them.
static bool renderGeneration(const EvalStatus &s, llvm::raw_ostream &os) {
  static const char *const servingFields[] = {
      "tensor_par", "pipeline_par", "expert_par", "data_par",
      "batch_size", "prompt_size",  "output_size"};
  static const char *const nets[] = {"tensor_par_net", "pipeline_par_net",
                                     "expert_par_net"};
  switch (s.error) {
  case EvalError::GenBadModelField:
    renderGenModelField(s, os);
    return true;
  case EvalError::GenNonPositive:
    os << "serving '" << (s.a >= 0 && s.a < 7 ? servingFields[s.a] : "?")
       << "' must be positive, got " << s.b;
    return true;
  case EvalError::GenNetworkIndex:
    os << (s.a >= 0 && s.a < 3 ? nets[s.a] : "?") << " " << s.b
       << " is not a network index (the system has " << s.c
       << (s.c == 1 ? " network)" : " networks)");
    return true;
  case EvalError::GenKvHeadsNotDivisible:
    os << "kv_heads=" << s.a << " and tensor_par=" << s.b
       << ": one must divide the other (KV heads are split over TP, or "
          "replicated when TP is a multiple of them)";
    return true;
  case EvalError::GenExpertParWithoutExperts:
    os << "expert_par " << s.a << " needs a mixture-of-experts model";
    return true;
  case EvalError::GenExpertParNotDividingTp:
    os << "expert_par " << s.a << " must divide tensor_par " << s.b
       << " (expert parallel ranks are the tensor parallel GPUs)";
    return true;
  case EvalError::GenExpertsNotDivisible:
    os << "We should split experts=" << s.a << " between " << s.b
       << " EP partitions evenly";
    return true;
  case EvalError::GenExpertFeedforwardNotDivisible:
    os << "We should split expert_feedforward=" << s.a << " between " << s.b
       << " expert TP partitions evenly";
    return true;
  case EvalError::GenPipelineTooDeep:
    os << "pipeline_par " << s.a << " is more than the " << s.b
       << " blocks to split";
    return true;
  default:
    return false;
  }
}

static const char *moeFieldName(int64_t i) {
  static const char *const names[] = {"experts",        "expert_feedforward",
                                      "shared_experts", "dense_blocks",
                                      "expert_par",     "expert_tensor_par"};
  return i >= 0 && i < 6 ? names[i] : "?";
}

static const char *mlaFieldName(int64_t i) {
  static const char *const names[] = {"q_lora_rank", "kv_lora_rank",
                                      "qk_nope_head_dim", "qk_rope_head_dim",
                                      "v_head_dim"};
  return i >= 0 && i < 5 ? names[i] : "?";
}

/// Mixture-of-experts and latent-attention failures (docs/model.md). Returns
/// false if `s` is not one of them.
static bool renderMoe(const EvalStatus &s, llvm::raw_ostream &os) {
  switch (s.error) {
  case EvalError::BadMoeField:
    os << "'" << moeFieldName(s.a) << "' is out of range, got " << s.b;
    if (MoeField(s.a) == MoeField::DenseBlocks)
      os << " (must be in 0..num_blocks-1)";
    return true;
  case EvalError::BadTopK:
    os << "top_k " << s.a << " must be between 1 and experts " << s.b;
    return true;
  case EvalError::ExpertsNotDivisible:
    os << "experts " << s.a << " are not divisible by expert_par " << s.b;
    return true;
  case EvalError::ExpertGridMismatch:
    os << "expert_tensor_par * expert_par (" << s.a << " * " << s.b
       << ") does not divide tensor_par * data_par (" << s.c << " * " << s.d
       << ")";
    if (s.x > 1)
      os << " times context_par " << int64_t(s.x);
    return true;
  case EvalError::NonPositiveContextPar:
    os << "'context_par' must be positive, got " << s.a;
    return true;
  case EvalError::SeqNotDivisibleByCp:
    os << "seq_size " << s.a << " is not divisible by 2 * context_par = "
       << s.b << " (each rank holds two of the 2*CP sequence chunks)";
    return true;
  case EvalError::ContextNetworkIndex:
    os << "context_par_net " << s.b << " is out of range for " << s.c
       << (s.c == 1 ? " network" : " networks");
    return true;
  case EvalError::ExpertFeedforwardNotDivisible:
    os << "We should split expert width=" << s.a << " between " << s.b
       << " partitions evenly";
    return true;
  case EvalError::NegativeCapacityFactor:
    os << "capacity_factor must not be negative, got "
       << llvm::format("%g", s.x);
    return true;
  case EvalError::ExpertImbalanceBelowOne:
    os << "expert_imbalance must be at least 1, got "
       << llvm::format("%g", s.x);
    return true;
  case EvalError::MlaFieldsWithoutMla:
    os << "'" << mlaFieldName(s.a)
       << "' is set but the model's attention is not latent (mla)";
    return true;
  case EvalError::BadMlaField:
    os << "'" << mlaFieldName(s.a) << "' is out of range for latent "
       << "attention, got " << s.b;
    return true;
  case EvalError::ExpertNetworkIndex:
    os << "expert_par_net " << s.b << " is not a network index (the system has "
       << s.c << (s.c == 1 ? " network)" : " networks)");
    return true;
  case EvalError::ExpertNetworkTooSmall:
    os << "Network tier" << s.a << " isn't big enough for the expert group ("
       << s.b << " processors of expert_tensor_par * expert_par, size " << s.c
       << ")";
    return true;
  default:
    return false;
  }
}

void calc::cost::renderStatus(const EvalStatus &s, llvm::raw_ostream &os) {
  if (!renderInput(s, os) && !renderCompile(s, os) &&
      !renderGeneration(s, os) && !renderRun(s, os))
    renderMoe(s, os);
}
