//===- Json.cpp - Ordered JSON values and their printing ------------------===//
#include "eval/output/Json.h"

#include "ir/NumberFormat.h"

#include "fmt/format.h"

#include <cassert>
#include <cmath>

using namespace llvm;

namespace calc::eval {

JsonValue JsonValue::boolean(bool v) {
  JsonValue j;
  j.k = Kind::Bool;
  j.boolValue = v;
  return j;
}

JsonValue JsonValue::integer(int64_t v) {
  JsonValue j;
  j.k = Kind::Int;
  j.intValue = v;
  return j;
}

JsonValue JsonValue::real(double v) {
  JsonValue j;
  j.k = Kind::Real;
  j.realValue = v;
  return j;
}

JsonValue JsonValue::string(StringRef v) {
  JsonValue j;
  j.k = Kind::String;
  j.stringValue = v.str();
  return j;
}

JsonValue JsonValue::array() {
  JsonValue j;
  j.k = Kind::Array;
  return j;
}

JsonValue JsonValue::object() {
  JsonValue j;
  j.k = Kind::Object;
  return j;
}

JsonValue JsonValue::fromCell(const Cell &cell) {
  switch (cell.kind()) {
  case Cell::Kind::Null:
    return null();
  case Cell::Kind::Int:
    return integer(cell.getInt());
  case Cell::Kind::Real:
    return real(cell.getReal());
  case Cell::Kind::String:
    return string(cell.getString());
  case Cell::Kind::Bool:
    return boolean(cell.getBool());
  }
  return null();
}

JsonValue &JsonValue::push(JsonValue v) {
  assert(k == Kind::Array && "push() on a non-array");
  items.push_back(std::move(v));
  return items.back();
}

JsonValue &JsonValue::set(StringRef key, JsonValue v) {
  assert(k == Kind::Object && "set() on a non-object");
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key)
      return items[i] = std::move(v);
  keys.push_back(key.str());
  items.push_back(std::move(v));
  return items.back();
}

const JsonValue *JsonValue::get(StringRef key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key)
      return &items[i];
  return nullptr;
}

std::string jsonQuote(StringRef text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
    case '"':
      out += "\\\"";
      break;
    case '\\':
      out += "\\\\";
      break;
    case '\b':
      out += "\\b";
      break;
    case '\f':
      out += "\\f";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case '\t':
      out += "\\t";
      break;
    default:
      if (static_cast<unsigned char>(c) < 0x20)
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      else
        out += c; // UTF-8 passes through.
    }
  }
  return out + "\"";
}

void JsonValue::write(raw_ostream &os, unsigned indent) const {
  switch (k) {
  case Kind::Null:
    os << "null";
    return;
  case Kind::Bool:
    os << (boolValue ? "true" : "false");
    return;
  case Kind::Int:
    os << ir::formatInt(intValue);
    return;
  case Kind::Real:
    // JSON has no nan or infinity.
    os << (std::isfinite(realValue) ? ir::formatShortest(realValue) : "null");
    return;
  case Kind::String:
    os << jsonQuote(stringValue);
    return;
  case Kind::Array:
  case Kind::Object:
    break;
  }
  bool isObject = k == Kind::Object;
  if (items.empty()) {
    os << (isObject ? "{}" : "[]");
    return;
  }
  os << (isObject ? "{\n" : "[\n");
  for (size_t i = 0; i < items.size(); ++i) {
    os.indent(indent + 2);
    if (isObject)
      os << jsonQuote(keys[i]) << ": ";
    items[i].write(os, indent + 2);
    os << (i + 1 < items.size() ? ",\n" : "\n");
  }
  os.indent(indent) << (isObject ? "}" : "]");
}

void JsonValue::writeCompact(raw_ostream &os) const {
  if (k != Kind::Array && k != Kind::Object)
    return write(os);
  bool isObject = k == Kind::Object;
  os << (isObject ? "{" : "[");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i)
      os << ", ";
    if (isObject)
      os << jsonQuote(keys[i]) << ": ";
    items[i].writeCompact(os);
  }
  os << (isObject ? "}" : "]");
}

void writeJsonDocument(const JsonValue &value, raw_ostream &os) {
  value.write(os);
  os << '\n';
}

} // namespace calc::eval
