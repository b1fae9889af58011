#!/usr/bin/env python3
"""Drives `calcc lsp` with a scripted session (the tests of test/Lsp/).

  lsp-session.py SCRIPT -- CALCC lsp [options]
      Sends every `SEND: {json}` line of SCRIPT, framed with Content-Length,
      and `RAW: text` lines as they are (`\\r`, `\\n` and `\\\\` escapes; no
      framing added), in order; then closes the server's input. In a SEND
      line, $URI(path) is the file URI of path and $TEXT(path) the file's
      text as a JSON string, paths relative to SCRIPT's directory.
  lsp-session.py --open-all FILE... -- CALCC lsp [options]
      Initializes, opens each FILE, shuts down and exits; prints one line
      per file with the number of error and warning diagnostics.

  lsp-session.py --transcript DOC.md ROOT -- CALCC lsp [options]
      Replays the `--> {json}` lines of DOC.md (a documented session), with
      file:///home/me/ standing for ROOT, and compares what the server
      writes with its `<-- {json}` lines (the stdlib cache's hash and the
      version elided);
      prints "transcript: N messages as documented" or each difference.

Prints every framed message the server wrote, one per line as JSON with
sorted keys, then the server's stderr lines ("stderr: ...") and its exit
status ("exit: N"). Output the server wrote that is not a framed message is
an error ("unframed output: ...").
"""
import json
import os
import re
import subprocess
import sys


def frame(obj_text):
    data = obj_text.encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def expand(line, base):
    def uri(m):
        return "file://" + os.path.abspath(os.path.join(base, m.group(1)))

    def text(m):
        with open(os.path.join(base, m.group(1)), encoding="utf-8") as f:
            return json.dumps(f.read())
    line = re.sub(r"\$URI\(([^)]*)\)", uri, line)
    return re.sub(r"\$TEXT\(([^)]*)\)", text, line)


def unescape(text):
    return (text.replace("\\\\", "\0").replace("\\r", "\r")
            .replace("\\n", "\n").replace("\0", "\\"))


def parse_output(data):
    """The framed messages in data, and any bytes that were not framed."""
    messages = []
    while data:
        m = re.match(rb"Content-Length: (\d+)\r\n\r\n", data)
        if not m:
            return messages, data
        n = int(m.group(1))
        body = data[m.end():m.end() + n]
        messages.append(json.loads(body.decode("utf-8")))
        data = data[m.end() + n:]
    return messages, b""


def script_input(path):
    base = os.path.dirname(os.path.abspath(path))
    out = b""
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.search(r"\bSEND: (.*)$", line)
            if m:
                out += frame(expand(m.group(1), base))
                continue
            m = re.search(r"\bRAW: (.*)$", line)
            if m:
                out += unescape(m.group(1)).encode("utf-8")
    return out


def open_all_input(files):
    msgs = ['{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}',
            '{"jsonrpc":"2.0","method":"initialized","params":{}}']
    for path in files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        msgs.append(json.dumps({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                                "params": {"textDocument": {
                                    "uri": "file://" + os.path.abspath(path),
                                    "languageId": "calc", "version": 1,
                                    "text": text}}}))
    msgs.append('{"jsonrpc":"2.0","id":2,"method":"shutdown"}')
    msgs.append('{"jsonrpc":"2.0","method":"exit"}')
    return b"".join(frame(m) for m in msgs)


def canonical(msg):
    return json.dumps(msg, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False)


def transcript(doc, root, command):
    home = "file:///home/me/"
    sent, expected = [], []
    with open(doc, encoding="utf-8") as f:
        for line in f:
            if line.startswith("--> "):
                sent.append(line[4:].strip().replace(home, "file://" + root + "/"))
            elif line.startswith("<-- "):
                expected.append(line[4:].strip())
    proc = subprocess.run(command, input=b"".join(frame(m) for m in sent),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=300)
    messages, rest = parse_output(proc.stdout)
    hashed = re.compile(r"stdlib-[0-9A-F]+/")
    version = re.compile(r'("serverInfo":\{"name":"calcc","version":)"[^"]*"')

    def normal(text):
        return version.sub(r'\1"VERSION"', hashed.sub("stdlib-HASH/", text))
    got = [normal(canonical(m).replace("file://" + root + "/", home))
           for m in messages]
    want = [normal(canonical(json.loads(e))) for e in expected]
    same = 0
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else "<nothing>"
        w = want[i] if i < len(want) else "<nothing>"
        if g == w:
            same += 1
        else:
            print("message %d differs:\n  documented: %s\n  server:     %s" % (i + 1, w, g))
    if same == len(got) == len(want) and not rest:
        print("transcript: %d messages as documented" % same)
    print("exit: %d" % proc.returncode)
    return 0


def main(argv):
    split = argv.index("--")
    args, command = argv[1:split], argv[split + 1:]
    if args and args[0] == "--transcript":
        return transcript(args[1], os.path.abspath(args[2]), command)
    open_all = args and args[0] == "--open-all"
    data = open_all_input(args[1:]) if open_all else script_input(args[0])
    proc = subprocess.run(command, input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=300)
    messages, rest = parse_output(proc.stdout)
    if open_all:
        for msg in messages:
            if msg.get("method") == "textDocument/publishDiagnostics":
                diags = msg["params"]["diagnostics"]
                errors = sum(1 for d in diags if d.get("severity") == 1)
                print("%s: %d errors, %d warnings" % (
                    msg["params"]["uri"].rsplit("/", 2)[-2] + "/" +
                    msg["params"]["uri"].rsplit("/", 1)[-1],
                    errors, len(diags) - errors))
                for d in diags:
                    print("  " + d["message"].split("\n")[0])
    else:
        for msg in messages:
            print(canonical(msg))
    if rest:
        print("unframed output: %r" % rest[:200])
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        print("stderr: " + line)
    print("exit: %d" % proc.returncode)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
