//===- PyRepr.cpp - Calculon's JSON inputs as Python prints them ----------===//
//
// A small recursive-descent reader over JSON text that writes as it reads,
// so key order and the int/float spelling of every number survive (an
// llvm::json::Object keeps neither). Only `llm … -` uses it, once per run.
//
//===----------------------------------------------------------------------===//
#include "eval/calculon/PyRepr.h"
#include "eval/calculon/PyFloat.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/JSON.h"

#include <cmath>
#include <string>
#include <utility>

using namespace calc;
using namespace calc::calculon;
using llvm::StringRef;

namespace {

/// Python's repr of a str: single quotes unless the text has a single quote
/// and no double quote; backslash escapes for the quote, backslash and
/// control characters.
void writePyString(llvm::raw_ostream &os, StringRef s) {
  unsigned char q = s.contains('\'') && !s.contains('"') ? '"' : '\'';
  os << q;
  for (unsigned char c : s) {
    if (c == q || c == '\\')
      os << '\\' << c;
    else if (c == '\n')
      os << "\\n";
    else if (c == '\r')
      os << "\\r";
    else if (c == '\t')
      os << "\\t";
    else if (c < 0x20 || c == 0x7f)
      os << "\\x" << llvm::hexdigit(c >> 4, true) << llvm::hexdigit(c & 15, true);
    else
      os << c;
  }
  os << q;
}

/// Reads one JSON value from `text` at `pos`, writing its repr to a string
/// (a dict needs its members before it can write them, for repeated keys).
class Reader {
public:
  explicit Reader(StringRef text) : text(text) {}

  bool value(std::string &out) {
    skip();
    if (pos >= text.size())
      return false;
    char c = text[pos];
    if (c == '{')
      return object(out);
    if (c == '[')
      return array(out);
    if (c == '"') {
      std::string s;
      if (!string(s))
        return false;
      llvm::raw_string_ostream os(out);
      writePyString(os, s);
      return true;
    }
    if (word("true"))
      return out += "True", true;
    if (word("false"))
      return out += "False", true;
    if (word("null"))
      return out += "None", true;
    return number(out);
  }

  bool atEnd() {
    skip();
    return pos == text.size();
  }

private:
  StringRef text;
  size_t pos = 0;

  void skip() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }
  bool word(StringRef w) {
    if (!text.substr(pos).startswith(w))
      return false;
    pos += w.size();
    return true;
  }
  bool expect(char c) {
    skip();
    if (pos >= text.size() || text[pos] != c)
      return false;
    ++pos;
    return true;
  }

  /// A JSON string literal, decoded through llvm::json (escapes, UTF-16).
  bool string(std::string &out) {
    size_t start = pos++;
    while (pos < text.size() && text[pos] != '"')
      pos += text[pos] == '\\' ? 2 : 1;
    if (pos >= text.size())
      return false;
    ++pos;
    auto parsed = llvm::json::parse(text.slice(start, pos));
    if (!parsed) {
      llvm::consumeError(parsed.takeError());
      return false;
    }
    auto s = parsed->getAsString();
    if (!s)
      return false;
    out = s->str();
    return true;
  }

  /// An int keeps its digits (Python's int has no range limit; "-0" is 0);
  /// a number with a fraction or exponent is repr(float).
  bool number(std::string &out) {
    size_t start = pos;
    if (pos < text.size() && text[pos] == '-')
      ++pos;
    bool isFloat = false;
    while (pos < text.size() &&
           (llvm::isDigit(text[pos]) || text[pos] == '.' || text[pos] == 'e' ||
            text[pos] == 'E' || text[pos] == '+' || text[pos] == '-')) {
      isFloat |= !llvm::isDigit(text[pos]);
      ++pos;
    }
    StringRef lit = text.slice(start, pos);
    if (lit.empty() || lit == "-")
      return false;
    if (!isFloat) {
      StringRef digits = lit.ltrim('-').ltrim('0');
      if (digits.empty())
        out += "0";
      else
        out += (lit.startswith("-") ? "-" : "") + digits.str();
      return true;
    }
    double v;
    if (lit.getAsDouble(v, /*AllowInexact=*/true))
      return false;
    llvm::raw_string_ostream os(out);
    if (std::isinf(v))
      os << (v < 0 ? "-inf" : "inf"); // Python's repr of a huge literal
    else
      writePyFloat(os, v);
    return true;
  }

  bool array(std::string &out) {
    ++pos;
    out += '[';
    skip();
    if (pos < text.size() && text[pos] == ']') {
      ++pos;
      return out += ']', true;
    }
    for (bool first = true;; first = false) {
      if (!first)
        out += ", ";
      if (!value(out))
        return false;
      skip();
      if (expect(']'))
        return out += ']', true;
      if (!expect(','))
        return false;
    }
  }

  bool object(std::string &out) {
    ++pos;
    llvm::SmallVector<std::pair<std::string, std::string>, 8> members;
    skip();
    if (pos < text.size() && text[pos] == '}') {
      ++pos;
      return out += "{}", true;
    }
    for (;;) {
      skip();
      std::string key, val;
      if (pos >= text.size() || text[pos] != '"' || !string(key) ||
          !expect(':') || !value(val))
        return false;
      bool seen = false;
      for (auto &m : members)
        if (m.first == key) {
          m.second = val; // Python: first position, last value.
          seen = true;
        }
      if (!seen)
        members.emplace_back(std::move(key), std::move(val));
      if (expect('}'))
        break;
      if (!expect(','))
        return false;
    }
    out += '{';
    llvm::raw_string_ostream os(out);
    for (size_t i = 0; i < members.size(); ++i) {
      os << (i ? ", " : "");
      writePyString(os, members[i].first);
      os << ": " << members[i].second;
    }
    os.flush();
    out += '}';
    return true;
  }
};

/// A number in its JSON unit: an int when integral, else repr(float).
void writeNumber(llvm::raw_ostream &os, double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9.0e15)
    os << int64_t(v);
  else
    writePyFloat(os, v);
}

void writeTable(llvm::raw_ostream &os, const cost::EfficiencyTable &t,
                double unit) {
  os << '[';
  for (size_t i = 0; i < t.steps.size(); ++i) {
    os << (i ? ", [" : "[");
    writeNumber(os, t.steps[i].threshold / unit);
    os << ", ";
    writeNumber(os, t.steps[i].efficiency);
    os << ']';
  }
  os << ']';
}

void writeEngines(llvm::raw_ostream &os, const cost::Engine (&engines)[4]) {
  os << '{';
  const char *sep = "";
  for (unsigned d = 0; d < cost::NumDataTypes; ++d) {
    const cost::Engine &e = engines[d];
    if (!e.present)
      continue;
    os << sep << '\'' << cost::dataTypeName(cost::DataType(d))
       << "': {'tflops': ";
    sep = ", ";
    writeNumber(os, e.peak / 1e12);
    os << ", 'gflops_efficiency': ";
    writeTable(os, e.efficiency, 1e9);
    os << '}';
  }
  os << '}';
}

void writeMemory(llvm::raw_ostream &os, const cost::MemoryTier &m) {
  os << "{'GiB': ";
  writeNumber(os, m.capacity / (1024.0 * 1024.0 * 1024.0));
  os << ", 'GBps': ";
  writeNumber(os, m.bandwidth / 1e9);
  os << ", 'MB_efficiency': ";
  writeTable(os, m.efficiency, 1e6);
  os << '}';
}

} // namespace

bool calc::calculon::writeJsonAsPyRepr(StringRef text, llvm::raw_ostream &os) {
  Reader r(text);
  std::string out;
  if (!r.value(out) || !r.atEnd())
    return false;
  os << out;
  return true;
}

void calc::calculon::writeSystemPyRepr(const cost::System &s,
                                       llvm::raw_ostream &os) {
  os << "{'matrix': ";
  writeEngines(os, s.matrix);
  os << ", 'vector': ";
  writeEngines(os, s.vector);
  os << ", 'mem1': ";
  writeMemory(os, s.mem1);
  os << ", 'mem2': ";
  writeMemory(os, s.mem2);
  os << ", 'processing_mode': '"
     << (s.processingMode == cost::ProcessingMode::Roofline ? "roofline"
                                                            : "no_overlap")
     << "', 'networks': [";
  static const char *const ops[] = {"p2p", "reduce_scatter", "all_gather",
                                    "all_reduce"};
  for (size_t i = 0; i < s.networks.size(); ++i) {
    const cost::Network &n = s.networks[i];
    os << (i ? ", " : "") << "{'bandwidth': ";
    writeNumber(os, n.bandwidth / 1e9);
    os << ", 'efficiency': ";
    writeNumber(os, n.efficiency);
    os << ", 'size': " << n.size << ", 'latency': ";
    writeNumber(os, n.latency);
    os << ", 'ops': {";
    for (unsigned k = 0; k < cost::NumNetOps; ++k) {
      os << (k ? ", '" : "'") << ops[k] << "': [";
      writePyFloat(os, n.ops[k].scale); // Calculon's files write 1.0, 2.0
      os << ", ";
      if (k == 0) // Calculon's p2p has no offset.
        os << "None";
      else
        writeNumber(os, n.ops[k].offset);
      os << ']';
    }
    os << "}, 'must_be_filled': " << (n.mustBeFilled ? "True" : "False")
       << ", 'processor_usage': ";
    writeNumber(os, n.processorUsage);
    os << '}';
  }
  os << "]}";
}
