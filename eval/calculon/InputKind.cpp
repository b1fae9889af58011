//===- InputKind.cpp - Which Calculon input a JSON file is -----------------===//
#include "eval/calculon/InputKind.h"

using namespace llvm;
using namespace calc;
using namespace calc::calculon;

namespace {

struct KindKeys {
  InputKind kind;
  ArrayRef<StringRef> keys;
};

/// Keys only one kind has (docs/calculon-model.md §2).
ArrayRef<KindKeys> kindKeys() {
  static const StringRef model[] = {"hidden", "feedforward", "seq_size",
                                    "attn_heads", "attn_size", "num_blocks"};
  static const StringRef execution[] = {"num_procs",    "tensor_par",
                                        "pipeline_par", "data_par",
                                        "batch_size",   "microbatch_size"};
  static const StringRef system[] = {"matrix", "vector", "mem1", "mem2",
                                     "networks", "processing_mode"};
  static const KindKeys all[] = {{InputKind::Model, model},
                                 {InputKind::Execution, execution},
                                 {InputKind::System, system}};
  return all;
}

unsigned countKeys(const json::Object &o, ArrayRef<StringRef> keys) {
  unsigned n = 0;
  for (StringRef k : keys)
    n += o.get(k) != nullptr;
  return n;
}

} // namespace

StringRef calc::calculon::inputKindName(InputKind kind) {
  switch (kind) {
  case InputKind::Model:
    return "model";
  case InputKind::Execution:
    return "execution";
  case InputKind::System:
    return "system";
  case InputKind::Unknown:
    break;
  }
  return "unknown";
}

InputKind calc::calculon::detectInputKind(const json::Object &o) {
  InputKind best = InputKind::Unknown;
  unsigned bestCount = 1; // Two keys at least: one could be a coincidence.
  for (const KindKeys &k : kindKeys()) {
    unsigned n = countKeys(o, k.keys);
    if (n > bestCount) {
      best = k.kind;
      bestCount = n;
    }
  }
  return best;
}

bool calc::calculon::checkInputKind(JsonReader &reader, InputKind expected) {
  const json::Object *root = reader.root();
  if (!root)
    return true; // Not JSON or not an object: the reader says so.
  InputKind found = detectInputKind(*root);
  if (found == InputKind::Unknown || found == expected)
    return true;
  std::string keys;
  unsigned shown = 0;
  for (const KindKeys &k : kindKeys())
    if (k.kind == found)
      for (StringRef key : k.keys)
        if (root->get(key) && shown++ < 3)
          keys += (keys.empty() ? "'" : ", '") + key.str() + "'";
  return reader.failFile("this looks like a Calculon " +
                         inputKindName(found) + " file (it has " + keys +
                         "), not " +
                         (expected == InputKind::Execution ? "an " : "a ") +
                         inputKindName(expected) +
                         " file; check the order of the arguments");
}
