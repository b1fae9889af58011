//===- PeersJson.cpp - The peers file of `llm -p` (§10.4) -----------------===//
#include "eval/calculon/StatsWriter.h"

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

static void writeIds(raw_ostream &os, ArrayRef<int64_t> ids) {
  os << "[";
  for (size_t i = 0; i < ids.size(); ++i)
    os << (i ? ", " : "") << ids[i];
  os << "]";
}

void calc::calculon::writePeersJson(raw_ostream &os,
                                    const cost::Execution &exe) {
  int64_t t = exe.tensorPar, p = exe.pipelinePar, D = exe.dataPar;
  SmallVector<int64_t, 64> ids;
  os << "{";
  bool first = true;
  for (int64_t di = 0; di < D; ++di)
    for (int64_t pi = 0; pi < p; ++pi)
      for (int64_t ti = 0; ti < t; ++ti) {
        int64_t id = di * (t * p) + pi * t + ti;
        os << (first ? "" : ",") << "\n  \"" << id << "\": {";
        first = false;
        const char *sep = "";
        if (t > 1) {
          ids.clear();
          for (int64_t x = 0; x < t; ++x)
            ids.push_back(di * (t * p) + pi * t + x);
          os << "\"tensor\": ";
          writeIds(os, ids);
          sep = ", ";
        }
        if (p > 1) {
          os << sep
             << "\"pipeline\": " << di * (t * p) + ((pi + 1) % p) * t + ti;
          sep = ", ";
        }
        if (D > 1) {
          ids.clear();
          for (int64_t x = 0; x < D; ++x)
            ids.push_back(x * (t * p) + pi * t + ti);
          os << sep << "\"data\": ";
          writeIds(os, ids);
        }
        os << "}";
      }
  os << "\n}\n";
}

/// The execution as Calculon logs it: a Python dict repr in field order.
