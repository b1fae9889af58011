//===- Validation.cpp - Calculon's `llm-validation` and parameter count ---===//
#include "eval/calculon/Validation.h"
#include "eval/calculon/CalculonInputs.h"
#include "eval/calculon/JsonReader.h"
#include "eval/calculon/ValidationInputs.h"
#include "eval/cost/Parameters.h"
#include "eval/cost/Training.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <fmt/format.h>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

const char *const models[] = {"megatron-22B", "gpt3-175B", "turing-530B",
                              "megatron-1T"};
const char *const fig7Modes[] = {"none", "seq", "sel", "seqsel", "full"};
constexpr double GiB = 1024.0 * 1024.0 * 1024.0;

// Measured values from Korthikanti et al. 2022 (arXiv:2205.05198): Figure 1
// (memory per GPU, GiB), Figure 7 (activation memory vs. no
// parallelism/recompute, %) and Table 5 (iteration time, s), as listed in
// docs/calculon-model.md §12. Per model: fig1 {none par_opt, none act, seqsel
// par_opt, seqsel act}; fig7 per mode of fig7Modes; tab5 {full, seqsel}.
const double fig1Profile[4][4] = {
    {45.5625, 59.25, 45.5625, 9.5625},
    {45.5625, 66.84375, 45.5625, 12.3515625},
    {31.640625, 114.0234375, 31.640625, 23.076171875},
    {32.958984375, 131.25, 32.958984375, 26.5625}};
const double fig7Profile[4][5] = {{100.00, 66.84, 49.42, 16.18, 7.64},
                                  {100.00, 62.04, 56.53, 18.49, 8.71},
                                  {100.00, 58.31, 62.04, 20.27, 9.42},
                                  {100.00, 58.31, 62.04, 20.27, 9.42}};
const double tab5Profile[4][2] = {
    {1.42, 1.10}, {18.13, 13.75}, {49.05, 37.83}, {94.42, 71.49}};

/// Mean and max of |delta| over one table.
struct ErrorSummary {
  double sum = 0, max = 0;
  int count = 0;
  double add(double profile, double calc) {
    double delta = 100 * (1 - calc / profile);
    sum += std::fabs(delta);
    max = std::max(max, std::fabs(delta));
    ++count;
    return delta;
  }
  std::string line(const char *what) const {
    return fmt::format("{}Ave {:.2f} %, Max {:.2f} %\n", what, sum / count,
                       max);
  }
};

class Validator {
public:
  Validator(StringRef base, bool verbose, raw_ostream &os)
      : base(base), verbose(verbose), os(os) {}

  bool run(const char *figure, const char *model, const char *mode,
           const char *system, cost::Stats &stats) {
    // Paths relative to Calculon's input folder (the embedded names).
    std::string m = (Twine("models/") + model + ".json").str();
    std::string x = (Twine("validation/seqsel/") + figure + "/" + model +
                     "_" + mode + ".json")
                        .str();
    std::string s = (Twine("systems/") + system + ".json").str();
    if (verbose)
      os << "Analyzing " << model << " " << mode << " (" << figure << ")\n";
    LlmInputs in;
    if (!(base.empty() ? loadEmbedded(m, x, s, in)
                       : loadLlmInputs(shownPath(m), shownPath(x), shownPath(s), in,
                                       error)))
      return false;
    cost::EvalStatus status =
        cost::evaluateTraining(in.model, in.system, in.exe, ws, stats);
    if (status.ok())
      return true;
    raw_string_ostream es(error);
    es << shownPath(x) << ": ";
    cost::renderStatus(status, es);
    return false;
  }
  bool figure1();
  bool figure7();
  bool table5();

  std::string error;

private:
  /// Where messages say an input is: under -b DIR, or embedded.
  std::string shownPath(StringRef relative) const {
    SmallString<256> path(base.empty() ? "<embedded>" : base);
    sys::path::append(path, relative);
    return std::string(path);
  }

  /// Reads the three inputs from the copies embedded in calcc.
  bool loadEmbedded(StringRef m, StringRef x, StringRef s, LlmInputs &in) {
    StringRef paths[] = {m, x, s};
    StringRef texts[3];
    for (int i = 0; i < 3; ++i) {
      Optional<StringRef> text = findEmbeddedFile(paths[i]);
      if (!text) {
        error = shownPath(paths[i]) + ": not embedded in calcc";
        return false;
      }
      texts[i] = *text;
    }
    JsonReader model(shownPath(m), texts[0]), exe(shownPath(x), texts[1]),
        system(shownPath(s), texts[2]);
    return loadLlmInputs(model, exe, system, in, error);
  }

  StringRef base;
  bool verbose;
  raw_ostream &os;
  cost::Workspace ws;
};

bool Validator::figure1() {
  using cost::Stat;
  os << "Figure 1: memory per GPU (GiB), a100_80e\n"
        "model,mode,profile par_opt,calc par_opt,delta par_opt,"
        "profile act,calc act,delta act\n";
  ErrorSummary params, acts;
  for (int i = 0; i < 4; ++i)
    for (size_t j = 0; j < 2; ++j) {
      const char *mode = j ? "seqsel" : "none";
      cost::Stats s;
      if (!run("fig1", models[i], mode, "a100_80e", s))
        return false;
      double parOpt = (s[Stat::WeightSpace] + s[Stat::WeightGradSpace] +
                       s[Stat::OptimizerSpace]) /
                      GiB;
      double act = s[Stat::ActSpace] / GiB;
      double pp = fig1Profile[i][2 * j], pa = fig1Profile[i][2 * j + 1];
      double dp = params.add(pp, parOpt), da = acts.add(pa, act);
      os << fmt::format("{},{},{:.2f},{:.2f},{:.2f} %,{:.2f},{:.2f},{:.2f} %\n",
                        models[i], mode, pp, parOpt, dp, pa, act, da);
    }
  os << params.line("params+opt ") << acts.line("activations ") << "\n";
  return true;
}

bool Validator::figure7() {
  using cost::Stat;
  os << "Figure 7: activation memory relative to 'none' (%), a100_80e\n"
        "model,kind,none,seq,sel,seqsel,full\n";
  ErrorSummary summary;
  for (int i = 0; i < 4; ++i) {
    double values[5], base = 0;
    for (int j = 0; j < 5; ++j) {
      cost::Stats s;
      if (!run("fig7", models[i], fig7Modes[j], "a100_80e", s))
        return false;
      double act = s[Stat::ActSpace] + s[Stat::ActCheckpointSize];
      if (j == 0)
        base = act;
      values[j] = act / base * 100;
    }
    std::string prof, calc, delta;
    for (int j = 0; j < 5; ++j) {
      prof += fmt::format(",{:.2f}", fig7Profile[i][j]);
      calc += fmt::format(",{:.2f}", values[j]);
      delta +=
          fmt::format(",{:.2f} %", summary.add(fig7Profile[i][j], values[j]));
    }
    os << models[i] << ",profile" << prof << "\n"
       << models[i] << ",calc" << calc << "\n"
       << models[i] << ",delta" << delta << "\n";
  }
  os << summary.line("") << "\n";
  return true;
}

bool Validator::table5() {
  using cost::Stat;
  os << "Table 5: iteration time (s), a100_80g\n"
        "model,mode,profile,calc,delta,mem tier1 (GiB)\n";
  ErrorSummary summary;
  for (int i = 0; i < 4; ++i)
    for (int j = 0; j < 2; ++j) {
      const char *mode = j ? "seqsel" : "full";
      cost::Stats s;
      if (!run("tab5", models[i], mode, "a100_80g", s))
        return false;
      double t = s[Stat::TotalTime];
      double d = summary.add(tab5Profile[i][j], t);
      os << fmt::format("{},{},{:.2f},{:.2f},{:.2f} %,{:.2f}\n", models[i],
                        mode, tab5Profile[i][j], t, d,
                        s[Stat::ProcMemTier1CapReq] / GiB);
    }
  os << summary.line("");
  return true;
}

} // namespace

bool calc::calculon::runValidation(StringRef baseDir, bool verbose,
                                   raw_ostream &os, std::string &error) {
  Validator v(baseDir, verbose, os);
  bool ok = v.figure1() && v.figure7() && v.table5();
  error = v.error;
  return ok;
}

double calc::calculon::parameterCount(const cost::Model &m) {
  return cost::countParameters(m).total;
}
