//===- TransportTest.cpp - Content-Length framing, good and broken --------===//
#include "lsp/Transport.h"

#include "gtest/gtest.h"

#include <cstdio>

using namespace calc::lsp;

namespace {

/// Reads every message of \p input; returns the bodies and the final status.
std::vector<std::string> readAll(const std::string &input, ReadStatus &last,
                                 std::string *error = nullptr) {
  std::FILE *in = fmemopen(const_cast<char *>(input.data()), input.size(), "r");
  std::string out;
  llvm::raw_string_ostream os(out);
  Transport transport(in, os);
  std::vector<std::string> bodies;
  std::string body;
  while ((last = transport.read(body)) == ReadStatus::Message)
    bodies.push_back(body);
  if (error)
    *error = transport.error();
  std::fclose(in);
  return bodies;
}

TEST(TransportTest, ReadsFramedMessages) {
  ReadStatus last;
  auto bodies = readAll("Content-Length: 2\r\n\r\n{}"
                        "content-length:3\r\nContent-Type: x\r\n\r\n[1]"
                        "\r\nContent-Length: 0\n\n",
                        last);
  ASSERT_EQ(bodies.size(), 3u);
  EXPECT_EQ(bodies[0], "{}");
  EXPECT_EQ(bodies[1], "[1]");
  EXPECT_EQ(bodies[2], "");
  EXPECT_EQ(last, ReadStatus::EndOfInput);
}

TEST(TransportTest, BrokenFraming) {
  struct Case {
    const char *input;
    const char *error;
  } cases[] = {
      {"Content-Type: x\r\n\r\n{}", "a message header without Content-Length"},
      {"Content-Length: -1\r\n\r\n", "invalid Content-Length '-1'"},
      {"Content-Length: 67108865\r\n\r\n", "invalid Content-Length '67108865'"},
      {"{\"a\": 1}\r\n\r\n",
       "expected a 'Name: value' header line, got '{\"a\": 1}'"},
      {"Content-Length: 5\r\n\r\n{}",
       "the input ended inside a message body of 5 bytes"},
      {"Content-Length: 5\r\n", "the input ended inside a message header"},
  };
  for (const Case &c : cases) {
    ReadStatus last;
    std::string error;
    readAll(c.input, last, &error);
    EXPECT_EQ(last, ReadStatus::BadFraming) << c.input;
    EXPECT_EQ(error, c.error) << c.input;
  }
}

TEST(TransportTest, WritesContentLength) {
  std::string out;
  llvm::raw_string_ostream os(out);
  Transport transport(stdin, os);
  // The length counts bytes: "µ" is two.
  transport.write(llvm::json::Object{{"µ", 1}});
  EXPECT_EQ(os.str(), "Content-Length: 8\r\n\r\n{\"µ\":1}");
}

} // namespace
