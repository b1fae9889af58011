//===- JsonReader.cpp - Strict typed access to Calculon's JSON inputs -----===//
#include "eval/calculon/JsonReader.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace calc::calculon;
using namespace llvm;

/// Calculon's inputs nest a few levels; llvm::json::parse recurses once per
/// level with no limit, so a file of 100,000 '[' would overflow the stack.
static constexpr unsigned MaxJsonDepth = 64;

/// True if \p text opens more than MaxJsonDepth arrays/objects at once
/// (brackets inside strings do not count).
static bool nestsTooDeep(StringRef text) {
  unsigned depth = 0;
  bool inString = false;
  // `i < e`, not `!=`: a backslash ending the text skips past its end.
  for (size_t i = 0, e = text.size(); i < e; ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > MaxJsonDepth)
        return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

JsonReader::JsonReader(StringRef path) : path(path.str()) {
  auto buffer = MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    message =
        (path + ": cannot read file: " + buffer.getError().message()).str();
    return;
  }
  parse((*buffer)->getBuffer());
}

JsonReader::JsonReader(StringRef name, StringRef text) : path(name.str()) {
  parse(text);
}

void JsonReader::parse(StringRef text) {
  if (nestsTooDeep(text)) {
    message = (path + ": invalid JSON: nested more than " +
               Twine(MaxJsonDepth) + " levels deep")
                  .str();
    return;
  }
  Expected<json::Value> parsed = json::parse(text);
  if (!parsed) {
    message = path + ": invalid JSON: " + toString(parsed.takeError());
    return;
  }
  document = std::move(*parsed);
  rootObject = document.getAsObject();
  if (!rootObject)
    message = path + ": expected a JSON object at the top level";
}

std::string JsonReader::join(StringRef where, StringRef key) {
  return where.empty() ? key.str() : (where + "." + key).str();
}

bool JsonReader::fail(StringRef key, const Twine &problem) {
  if (message.empty())
    message = (path + ": key '" + key + "': " + problem).str();
  return false;
}

bool JsonReader::failFile(const Twine &problem) {
  if (message.empty())
    message = (path + ": " + problem).str();
  return false;
}

bool JsonReader::checkKeys(const json::Object &obj, StringRef where,
                           ArrayRef<StringRef> required, bool exact,
                           ArrayRef<StringRef> optional) {
  for (StringRef key : required)
    if (!obj.get(key))
      return fail(join(where, key), "missing");
  if (!exact)
    return true;
  // Report the alphabetically first unknown key: deterministic output.
  std::string unknown;
  for (const auto &entry : obj) {
    StringRef key = entry.first;
    if (llvm::is_contained(required, key) || llvm::is_contained(optional, key))
      continue;
    if (unknown.empty() || key < unknown)
      unknown = key.str();
  }
  if (!unknown.empty())
    return fail(join(where, unknown), "unknown key");
  return true;
}

const json::Value *JsonReader::get(const json::Object &obj, StringRef where,
                                   StringRef key) {
  const json::Value *v = obj.get(key);
  if (!v)
    fail(join(where, key), "missing");
  return v;
}

bool JsonReader::getInt(const json::Object &obj, StringRef where, StringRef key,
                        int64_t &out) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return false;
  Optional<int64_t> i = v->getAsInteger();
  if (!i || v->kind() == json::Value::Boolean)
    return fail(join(where, key), "expected an integer");
  out = *i;
  return true;
}

bool JsonReader::getNumber(const json::Object &obj, StringRef where,
                           StringRef key, double &out) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return false;
  Optional<double> d = v->getAsNumber();
  if (!d)
    return fail(join(where, key), "expected a number");
  out = *d;
  return true;
}

bool JsonReader::getBool(const json::Object &obj, StringRef where,
                         StringRef key, bool &out) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return false;
  Optional<bool> b = v->getAsBoolean();
  if (!b)
    return fail(join(where, key), "expected true or false");
  out = *b;
  return true;
}

bool JsonReader::getString(const json::Object &obj, StringRef where,
                           StringRef key, std::string &out) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return false;
  Optional<StringRef> s = v->getAsString();
  if (!s)
    return fail(join(where, key), "expected a string");
  out = s->str();
  return true;
}

const json::Object *JsonReader::getObject(const json::Object &obj,
                                          StringRef where, StringRef key) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return nullptr;
  const json::Object *o = v->getAsObject();
  if (!o)
    fail(join(where, key), "expected an object");
  return o;
}

const json::Array *JsonReader::getArray(const json::Object &obj,
                                        StringRef where, StringRef key) {
  const json::Value *v = get(obj, where, key);
  if (!v)
    return nullptr;
  const json::Array *a = v->getAsArray();
  if (!a)
    fail(join(where, key), "expected a list");
  return a;
}
