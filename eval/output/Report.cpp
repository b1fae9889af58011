//===- Report.cpp - One self-contained HTML page of a run's output --------===//
#include "eval/output/Report.h"

#include "eval/output/Svg.h"

using namespace calc::eval;

void Report::heading(llvm::StringRef text) {
  parts.push_back("<h2>" + xmlEscape(text) + "</h2>\n");
}

void Report::paragraph(llvm::StringRef text) {
  parts.push_back("<p>" + xmlEscape(text) + "</p>\n");
}

void Report::preformatted(llvm::StringRef text) {
  parts.push_back("<pre>" + xmlEscape(text.rtrim('\n')) + "</pre>\n");
}

void Report::figure(llvm::StringRef svg) {
  parts.push_back("<figure>\n" + svg.str() + "</figure>\n");
}

std::string Report::html(llvm::StringRef title) const {
  std::string out =
      "<!DOCTYPE html>\n"
      "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
      "<head>\n"
      "<meta charset=\"utf-8\"/>\n"
      "<title>" +
      xmlEscape(title) +
      "</title>\n"
      "<style>\n"
      "body { font-family: sans-serif; margin: 2em auto; max-width: 820px; "
      "color: #222222; }\n"
      "h1 { font-size: 1.4em; }\n"
      "h2 { font-size: 1.1em; margin-top: 2em; border-bottom: 1px solid "
      "#DDDDDD; }\n"
      "pre { font-size: 0.85em; overflow-x: auto; background: #F6F6F6; "
      "padding: 0.6em; }\n"
      "figure { margin: 1em 0; }\n"
      "svg { max-width: 100%; height: auto; }\n"
      "</style>\n"
      "</head>\n"
      "<body>\n"
      "<h1>" +
      xmlEscape(title) + "</h1>\n";
  for (const std::string &p : parts)
    out += p;
  return out + "</body>\n</html>\n";
}
