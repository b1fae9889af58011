#!/usr/bin/env python3
"""Checks editors/textmate/calc.tmLanguage.json (test/Editors/grammar.test).

A small TextMate engine: the rule whose match starts earliest wins, ties go to
the rule listed first, an open begin/end rule tries its `end` before its own
patterns, and lines are matched one at a time without their newline. That is
the part of TextMate's semantics the grammar relies on; Python's `re` stands in
for Oniguruma, which it agrees with on the constructs the grammar uses.

  tmgrammar.py GRAMMAR check LEXER.g4 FILE...   every regex compiles, every
                                                keyword of the lexer is
                                                highlighted as one in FILEs
  tmgrammar.py GRAMMAR dump FILE                one line per scoped token
"""
import json
import re
import sys

KEYWORD_SCOPES = ("keyword.", "storage.", "constant.language.",
                  "variable.language.", "support.type.")


class Grammar:
    def __init__(self, path):
        with open(path) as f:
            self.json = json.load(f)
        self.repo = self.json.get("repository", {})
        self.errors = []
        self.compiled = {}
        for rule in self.walk(self.json):
            for key in ("match", "begin", "end"):
                if key in rule:
                    self.compile(rule[key])

    def walk(self, rule):
        yield rule
        for child in rule.get("patterns", []):
            yield from self.walk(child)
        if rule is self.json:
            for sub in self.repo.values():
                yield from self.walk(sub)

    def compile(self, pattern):
        if pattern not in self.compiled:
            try:
                self.compiled[pattern] = re.compile(pattern)
            except re.error as e:
                self.errors.append("bad regex %r: %s" % (pattern, e))
                self.compiled[pattern] = re.compile(r"(?!)")
        return self.compiled[pattern]

    def expand(self, patterns, seen=()):
        """The rules of a pattern list with every include resolved."""
        out = []
        for p in patterns:
            inc = p.get("include")
            if inc is None:
                out.append(p)
            elif inc == "$self":
                if "$self" not in seen:
                    out += self.expand(self.json["patterns"], seen + ("$self",))
            elif inc.startswith("#"):
                name = inc[1:]
                if name not in self.repo:
                    self.errors.append("unknown include %r" % inc)
                elif name not in seen:
                    sub = self.repo[name]
                    out += self.expand(sub.get("patterns", [sub]), seen + (name,))
            else:
                self.errors.append("unsupported include %r" % inc)
        return out

    def tokenize(self, text):
        """Yields (line, column, scope, text) for every scoped match."""
        top = self.expand(self.json["patterns"])
        stack = []  # open begin/end rules
        for lineno, line in enumerate(text.split("\n"), 1):
            pos = 0
            while pos <= len(line):
                candidates = []
                if stack:
                    candidates.append(("end", stack[-1]))
                    rules = self.expand(stack[-1].get("patterns", []))
                else:
                    rules = top
                candidates += [("rule", r) for r in rules]
                best = None
                for kind, rule in candidates:
                    pat = rule["end"] if kind == "end" else rule.get("match", rule.get("begin"))
                    if pat is None:
                        continue
                    m = self.compile(pat).search(line, pos)
                    if m and (best is None or m.start() < best[2].start()):
                        best = (kind, rule, m)
                if best is None:
                    break
                kind, rule, m = best
                if kind == "end":
                    yield from self.scoped(lineno, m, rule.get("endCaptures", {}), None)
                    stack.pop()
                elif "begin" in rule:
                    yield from self.scoped(lineno, m, rule.get("beginCaptures", {}),
                                           rule.get("name"))
                    stack.append(rule)
                else:
                    yield from self.scoped(lineno, m, rule.get("captures", {}),
                                           rule.get("name"))
                # A zero-width match must not stop the scan.
                pos = m.end() if m.end() > m.start() else m.end() + 1
                if kind == "end" and m.end() == m.start() and m.end() == len(line):
                    break
            # Strings end at the end of their line; block comments do not.

    @staticmethod
    def scoped(lineno, m, captures, name):
        if name and m.group(0):
            yield (lineno, m.start() + 1, name, m.group(0))
        for group, cap in sorted(captures.items(), key=lambda kv: int(kv[0])):
            g = int(group)
            if "name" in cap and m.group(g):
                yield (lineno, m.start(g) + 1, cap["name"], m.group(g))


def lexer_keywords(path):
    """The keyword tokens of CalcLexer.g4: `NAME : 'word' ;`."""
    words = []
    with open(path) as f:
        for line in f:
            m = re.match(r"^([A-Z_]+)\s*:\s*'([a-z]+)'\s*;", line)
            if m:
                words.append(m.group(2))
    return words


def main(argv):
    grammar = Grammar(argv[1])
    if argv[2] == "dump":
        with open(argv[3]) as f:
            for line, col, scope, text in grammar.tokenize(f.read()):
                print("%d:%d %s %r" % (line, col, scope, text))
    else:
        keywords = lexer_keywords(argv[3])
        if not keywords:
            grammar.errors.append("no keywords found in %s" % argv[3])
        highlighted = set()
        for path in argv[4:]:
            with open(path) as f:
                for _, _, scope, text in grammar.tokenize(f.read()):
                    if scope.startswith(KEYWORD_SCOPES):
                        highlighted.update(re.findall(r"[a-z]+", text))
        for word in keywords:
            if word not in highlighted:
                grammar.errors.append("keyword '%s' of the lexer is never "
                                      "highlighted as a keyword" % word)
        print("%d regexes, %d keywords, %d files" %
              (len(grammar.compiled), len(keywords), len(argv) - 4))
    for e in grammar.errors:
        print("error: " + e)
    return 1 if grammar.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
