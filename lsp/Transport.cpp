//===- Transport.cpp - LSP base protocol: Content-Length framed JSON ------===//
#include "lsp/Transport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace calc::lsp;

bool Transport::readLine(std::string &line) {
  line.clear();
  int c;
  while ((c = std::fgetc(in)) != EOF) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      return true;
    }
    line.push_back(char(c));
    if (line.size() > 4096) // No header is this long: not LSP framing.
      return true;
  }
  return !line.empty();
}

ReadStatus Transport::read(std::string &body) {
  std::string line;
  bool sawHeader = false;
  bool haveLength = false;
  unsigned long long length = 0;
  while (true) {
    if (!readLine(line)) {
      if (!sawHeader)
        return ReadStatus::EndOfInput;
      problem = "the input ended inside a message header";
      return ReadStatus::BadFraming;
    }
    if (line.empty()) {
      if (!sawHeader)
        continue; // Blank lines between messages are harmless.
      break;
    }
    sawHeader = true;
    llvm::StringRef text(line);
    auto [name, value] = text.split(':');
    // A header name is an HTTP token: JSON sent without a header is not one.
    bool isToken = !name.empty() && llvm::all_of(name, [](char c) {
      return llvm::isAlnum(c) || c == '-';
    });
    if (name.size() == text.size() || !isToken) {
      problem = "expected a 'Name: value' header line, got '" +
                text.take_front(40).str() + "'";
      return ReadStatus::BadFraming;
    }
    if (name.trim().equals_insensitive("Content-Length")) {
      if (value.trim().getAsInteger(10, length) || length > maxBodySize) {
        problem = "invalid Content-Length '" + value.trim().str() + "'";
        return ReadStatus::BadFraming;
      }
      haveLength = true;
    }
  }
  if (!haveLength) {
    problem = "a message header without Content-Length";
    return ReadStatus::BadFraming;
  }
  body.resize(length);
  if (length && std::fread(&body[0], 1, length, in) != length) {
    problem = "the input ended inside a message body of " +
              std::to_string(length) + " bytes";
    return ReadStatus::BadFraming;
  }
  return ReadStatus::Message;
}

void Transport::write(const llvm::json::Value &message) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << message;
  os.flush();
  out << "Content-Length: " << text.size() << "\r\n\r\n" << text;
  out.flush();
}
