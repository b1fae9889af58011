//===- Defines.cpp - `-D path=EXPR`: checking and parsing one override ----===//
//
// See Defines.h. The path is split on '.' here; the IRBuilder resolves it.
//
//===----------------------------------------------------------------------===//
#include "tools/driver/Defines.h"

#include "frontend/Parser.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;
using namespace calc;

bool calc::driver::isOverridePath(StringRef path) {
  SmallVector<StringRef, 4> parts;
  path.split(parts, '.');
  for (size_t i = 0; i < parts.size(); ++i) {
    StringRef part = parts[i];
    size_t open = part.find('[');
    if (i > 0 && open != StringRef::npos) {
      StringRef digits = part.slice(open + 1, part.size() - 1);
      if (!part.endswith("]") || digits.empty() ||
          digits.find_if_not(isDigit) != StringRef::npos || digits.size() > 9)
        return false;
      part = part.take_front(open);
    }
    if (part.empty() || isDigit(part.front()))
      return false;
    for (char c : part)
      if (!isAlnum(c) && c != '_')
        return false;
  }
  return true;
}

bool calc::driver::checkDefine(StringRef define, std::string &message) {
  if (!define.contains('=') || define.startswith("=")) {
    message = ("-D expects 'path=EXPR', got '" + define + "'").str();
    return false;
  }
  StringRef path = define.split('=').first.trim();
  if (!isOverridePath(path)) {
    message = ("-D path '" + path +
               "' must be a let, or an entity and its fields joined by '.', "
               "list elements indexed (e.g. 'a100_80g.mem1.capacity', "
               "'a100_80g.networks[0].bandwidth')")
                  .str();
    return false;
  }
  return true;
}

bool calc::driver::parseDefine(DiagnosticEngine &diags, StringRef define,
                               Override &override) {
  auto [path, text] = define.split('=');
  auto buffer = MemoryBuffer::getMemBufferCopy(text, ("-D " + path).str());
  unsigned bufferId =
      diags.getSourceMgr().AddNewSourceBuffer(std::move(buffer), SMLoc());
  override.path = path.trim().str();
  SmallVector<StringRef, 4> parts;
  StringRef(override.path).split(parts, '.');
  for (StringRef part : parts)
    override.parts.push_back(part.str());
  override.bufferId = bufferId;
  override.value = Parser(diags).parseExpression(bufferId);
  return override.value != nullptr;
}
