//===- Transport.h - LSP base protocol: Content-Length framed JSON --------===//
//
// The Language Server Protocol's framing on a byte stream: header lines
// (`Content-Length: N`, optionally `Content-Type`) ended by an empty line, then
// N bytes of JSON. Reading never throws and never trusts the peer: a header
// block without a length, a length that is not a number or too large, or an
// input that ends inside a message are framing errors, after which the stream
// cannot be resynchronised (docs/editors.md: the server exits).
//
//===----------------------------------------------------------------------===//
#ifndef CALC_LSP_TRANSPORT_H
#define CALC_LSP_TRANSPORT_H

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <string>

namespace calc::lsp {

/// What reading one message found.
enum class ReadStatus {
  Message,    ///< A body was read (it may still be malformed JSON).
  EndOfInput, ///< The input ended between messages.
  BadFraming, ///< See error(): the stream is unusable from here on.
};

class Transport {
public:
  Transport(std::FILE *in, llvm::raw_ostream &out) : in(in), out(out) {}

  /// Reads the next framed body into \p body.
  ReadStatus read(std::string &body);
  /// Why the last read() returned BadFraming.
  const std::string &error() const { return problem; }

  /// Frames and writes \p message, then flushes.
  void write(const llvm::json::Value &message);

  /// The largest body accepted: an editor's whole-document sync of a .calc
  /// file is kilobytes; anything near this is a corrupt length.
  static constexpr size_t maxBodySize = 64u << 20;

private:
  /// Reads one header line without its line break; false at end of input.
  bool readLine(std::string &line);

  std::FILE *in;
  llvm::raw_ostream &out;
  std::string problem;
};

} // namespace calc::lsp

#endif
