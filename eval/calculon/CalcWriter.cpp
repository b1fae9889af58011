//===- CalcWriter.cpp - Calculon JSON -> one .calc entity -----------------===//
#include "eval/calculon/CalcWriter.h"

#include "eval/calculon/CalcNumber.h"
#include "eval/cost/ExecutionFields.h"
#include "eval/cost/ModelFields.h"
#include "eval/cost/System.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <algorithm>

using namespace calc;
using namespace calc::calculon;
using namespace llvm;

namespace {

/// One `name = value` line of a block, with an optional trailing comment.
struct FieldLine {
  std::string name;
  std::string value;
  std::string comment;
};

/// Emits an entity's body: blocks nest by two spaces, and the `=` of a
/// block's consecutive fields line up, as the stdlib writes them.
class CalcText {
public:
  explicit CalcText(raw_ostream &os) : os(os) {}

  void field(StringRef name, const Twine &value, StringRef comment = "") {
    pending.push_back({name.str(), value.str(), comment.str()});
  }
  void comment(const Twine &text) {
    flush();
    indent() << "// " << text << "\n";
  }
  void open(const Twine &header) {
    flush();
    indent() << header << " {\n";
    ++depth;
  }
  void close(StringRef suffix = "") { closeWith("}", suffix); }
  /// `name = [`, its elements one level deeper, then `]`.
  void openList(StringRef name) {
    flush();
    indent() << name << " = [\n";
    ++depth;
  }
  void closeList() { closeWith("]", ""); }
  /// A line written as is (list brackets).
  void line(const Twine &text) {
    flush();
    indent() << text << "\n";
  }
  void flush() {
    size_t width = 0;
    for (const FieldLine &f : pending)
      width = std::max(width, f.name.size());
    for (const FieldLine &f : pending) {
      indent() << f.name;
      os.indent(unsigned(width - f.name.size())) << " = " << f.value;
      if (!f.comment.empty())
        os << "  // " << f.comment;
      os << "\n";
    }
    pending.clear();
  }

private:
  raw_ostream &indent() { return os.indent(2 * depth); }
  void closeWith(StringRef bracket, StringRef suffix) {
    flush();
    --depth;
    indent() << bracket << suffix << "\n";
  }

  raw_ostream &os;
  unsigned depth = 0;
  std::vector<FieldLine> pending;
};

std::string quoted(StringRef s) { return ("\"" + s + "\"").str(); }

std::string integerText(const json::Value &v) {
  if (Optional<int64_t> i = v.getAsInteger())
    return std::to_string(*i);
  return shiftDecimal(pyRepr(v.getAsNumber().getValueOr(0)), 0);
}

std::string realText(const json::Value &v) {
  return pyRepr(v.getAsNumber().getValueOr(0));
}

/// A JSON number read by Calculon as `number * factor` SI units, written
/// with \p scale's unit. When Calculon's product is not the double nearest
/// the number in that unit (133.8 * 1e12 is 133800000000000.02), the
/// literal is the product's and a comment says why it is not the JSON's.
FieldLine quantity(StringRef name, double number, double factor,
                   UnitScale scale) {
  double si = number * factor;
  std::string text = exactQuantity(si, scale);
  std::string plain = shiftDecimal(pyRepr(number), 0);
  if (languageValue(plain, scale) == si || text.empty())
    return {name.str(), text.empty() ? pyRepr(si) : text, ""};
  return {name.str(), text,
          ("Calculon's " + plain + " * 1e" + Twine(scale.decimalExponent) +
           ", one ulp from " + plain + " " + scale.unit)
              .str()};
}

void addQuantity(CalcText &text, StringRef name, double number, double factor,
                 UnitScale scale) {
  FieldLine f = quantity(name, number, factor, scale);
  text.field(f.name, f.value, f.comment);
}

/// `steps { 128 GFLOP: 0.95, … }` from [[threshold, efficiency], …].
std::string stepsText(const json::Array &table, double factor,
                      UnitScale scale) {
  std::string out = "steps { ";
  for (size_t i = 0; i < table.size(); ++i) {
    const json::Array &pair = *table[i].getAsArray();
    double threshold = pair[0].getAsNumber().getValueOr(0);
    FieldLine q = quantity("", threshold, factor, scale);
    out += (i ? ", " : "") + q.value + ": " +
           realText(pair[1]);
  }
  return out + " }";
}

/// Keys starting with '_' are comments in JSON files; they become the
/// entity's documentation.
void writeDocs(const json::Object &root, StringRef sourceName,
               raw_ostream &os) {
  os << "/// Converted from Calculon's " << sourceName
     << " by `calcc convert`.\n";
  SmallVector<StringRef, 2> keys;
  for (const auto &member : root)
    if (StringRef(member.first).startswith("_") &&
        member.second.getAsString())
      keys.push_back(member.first);
  llvm::sort(keys);
  for (StringRef key : keys) {
    StringRef textLeft = *root.getString(key);
    // Wrap at 88 columns on spaces.
    while (!textLeft.empty()) {
      StringRef line = textLeft;
      if (line.size() > 84) {
        size_t cut = line.take_front(84).rfind(' ');
        line = line.take_front(cut == StringRef::npos || cut == 0 ? 84 : cut);
      }
      os << "/// " << line.rtrim() << "\n";
      textLeft = textLeft.drop_front(line.size()).ltrim();
    }
  }
}

/// Keys neither converted nor comments, sorted (JSON objects are
/// unordered here).
void reportIgnored(const json::Object &root,
                   function_ref<bool(StringRef)> known, StringRef what,
                   CalcText &text, std::vector<std::string> &warnings) {
  SmallVector<StringRef, 4> keys;
  for (const auto &member : root)
    if (!known(member.first) && !StringRef(member.first).startswith("_"))
      keys.push_back(member.first);
  llvm::sort(keys);
  for (StringRef key : keys) {
    warnings.push_back(("key '" + key + "' is not a " + what +
                        " field; left out (Calculon ignores it too)")
                           .str());
    text.comment("not converted: \"" + key + "\" (not a " + what + " field)");
  }
}

void writeModel(const json::Object &root, CalcText &text,
                std::vector<std::string> &warnings) {
  for (const cost::ModelFieldInfo &f : cost::modelFieldInfos()) {
    const json::Value *v = root.get(f.jsonKey);
    if (!v)
      continue;
    switch (f.kind) {
    case cost::ModelFieldKind::Int:
      text.field(f.key, integerText(*v));
      break;
    case cost::ModelFieldKind::Real:
      text.field(f.key, realText(*v));
      break;
    case cost::ModelFieldKind::Choice:
      text.field(f.key, quoted(v->getAsString().getValueOr("")));
      break;
    }
  }
  reportIgnored(
      root,
      [](StringRef key) {
        return any_of(cost::modelFieldInfos(),
                      [&](const cost::ModelFieldInfo &f) {
                        return key == f.jsonKey;
                      });
      },
      "model", text, warnings);
}

void writeExecution(const json::Object &root, CalcText &text,
                    std::vector<std::string> &warnings) {
  using Kind = cost::ExecutionFieldKind;
  for (const cost::ExecutionFieldInfo &f : cost::executionFieldInfos()) {
    const json::Value *v = root.get(f.key);
    if (!v)
      continue;
    switch (f.kind) {
    case Kind::Int:
    case Kind::NetIndex:
      text.field(f.key, integerText(*v));
      break;
    case Kind::Bool:
      text.field(f.key, v->getAsBoolean().getValueOr(false) ? "true" : "false");
      break;
    case Kind::Real:
      text.field(f.key, realText(*v));
      break;
    case Kind::Choice:
      text.field(f.key, quoted(v->getAsString().getValueOr("")));
      break;
    case Kind::Attention:
      // The language keeps attention in the model (kv_heads).
      if (v->getAsString().getValueOr("") == "multiquery") {
        warnings.push_back(
            "attention_type 'multiquery' belongs to the model in .calc: "
            "set kv_heads = 1 in the model this execution runs");
        text.comment("attention_type \"multiquery\": in .calc the model "
                     "says it (kv_heads = 1)");
      }
      break;
    }
  }
}

const UnitScale TeraFlops{"TFLOPS", 12, 0};
const UnitScale GigaFlop{"GFLOP", 9, 0};
const UnitScale GibiBytes{"GiB", 0, 30};
const UnitScale GigaBytesPerSecond{"GB/s", 9, 0};
const UnitScale MegaBytes{"MB", 6, 0};

void writeEngines(const json::Object &root, StringRef key, CalcText &text,
                  std::vector<std::string> &warnings) {
  const json::Object &engines = *root.getObject(key);
  text.open(key);
  for (unsigned dt = 0; dt < cost::NumDataTypes; ++dt) {
    StringRef name = cost::dataTypeName(cost::DataType(dt));
    const json::Object *engine = engines.getObject(name);
    if (!engine)
      continue;
    text.open(name);
    addQuantity(text, "peak", *engine->getNumber("tflops"), 1e12, TeraFlops);
    text.field("efficiency",
               stepsText(*engine->getArray("gflops_efficiency"), 1e9,
                         GigaFlop));
    text.close();
  }
  reportIgnored(
      engines,
      [](StringRef name) {
        for (unsigned dt = 0; dt < cost::NumDataTypes; ++dt)
          if (name == cost::dataTypeName(cost::DataType(dt)))
            return true;
        return false;
      },
      (key + " datatype").str(), text, warnings);
  text.close();
}

void writeMemory(const json::Object &root, StringRef key, CalcText &text) {
  const json::Object &mem = *root.getObject(key);
  text.open(key);
  addQuantity(text, "capacity", *mem.getNumber("GiB"), 1073741824.0,
              GibiBytes);
  addQuantity(text, "bandwidth", *mem.getNumber("GBps"), 1e9,
              GigaBytesPerSecond);
  text.field("efficiency",
             stepsText(*mem.getArray("MB_efficiency"), 1e6, MegaBytes));
  text.close();
}

/// Seconds in the largest of s, ms, us, ns that keeps the literal at
/// least 1 (`latency = 10 us`).
std::string secondsText(double seconds) {
  static const UnitScale units[] = {
      {"s", 0, 0}, {"ms", -3, 0}, {"us", -6, 0}, {"ns", -9, 0}};
  for (const UnitScale &u : units)
    if (std::abs(seconds) >= std::pow(10.0, u.decimalExponent) ||
        u.unit == "ns") {
      std::string text = exactQuantity(seconds, u);
      if (!text.empty())
        return text;
    }
  return pyRepr(seconds) + " s";
}

void writeNetwork(const json::Object &net, CalcText &text) {
  text.open("network");
  addQuantity(text, "bandwidth", *net.getNumber("bandwidth"), 1e9,
              GigaBytesPerSecond);
  text.field("efficiency", realText(*net.get("efficiency")));
  text.field("size", integerText(*net.get("size")));
  text.field("latency", secondsText(*net.getNumber("latency")));
  text.open("ops");
  static const StringRef ops[] = {"p2p", "reduce_scatter", "all_gather",
                                  "all_reduce", "all_to_all"};
  for (StringRef op : ops) {
    const json::Array *pair = net.getObject("ops")->getArray(op);
    if (!pair)
      continue;
    std::string body = "scale = " + realText((*pair)[0]);
    if ((*pair)[1].getAsNumber())
      body += "; offset = " + shiftDecimal(realText((*pair)[1]), 0);
    text.line(op + " { " + body + " }");
  }
  text.close();
  text.field("must_be_filled",
             net.getBoolean("must_be_filled").getValueOr(false) ? "true"
                                                                : "false");
  text.field("processor_usage", realText(*net.get("processor_usage")));
  text.close(",");
}

void writeSystem(const json::Object &root, CalcText &text,
                 std::vector<std::string> &warnings) {
  writeEngines(root, "matrix", text, warnings);
  writeEngines(root, "vector", text, warnings);
  writeMemory(root, "mem1", text);
  writeMemory(root, "mem2", text);
  text.field("processing_mode",
             quoted(root.getString("processing_mode").getValueOr("")));
  text.openList("networks");
  for (const json::Value &net : *root.getArray("networks"))
    writeNetwork(*net.getAsObject(), text);
  text.closeList();
}

} // namespace

void calc::calculon::writeCalcEntity(const json::Object &root, InputKind kind,
                                     StringRef name, StringRef sourceName,
                                     raw_ostream &os,
                                     std::vector<std::string> &warnings) {
  writeDocs(root, sourceName, os);
  CalcText text(os);
  text.open(inputKindName(kind) + " " + name);
  switch (kind) {
  case InputKind::Model:
    writeModel(root, text, warnings);
    break;
  case InputKind::Execution:
    writeExecution(root, text, warnings);
    break;
  case InputKind::System:
    writeSystem(root, text, warnings);
    break;
  case InputKind::Unknown:
    break;
  }
  text.close();
}
