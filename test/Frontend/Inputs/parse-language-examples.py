# Parses every ```calc block of LANGUAGE.md with `calcc check --emit=ast` and
# prints one line per block. Imports are dropped: the examples are fragments
# whose imports (the stdlib, the user's own files) are not the point here.
import re
import subprocess
import sys

calcc, language_md, out_dir = sys.argv[1:4]
text = open(language_md, encoding="utf-8").read()
blocks = re.findall(r"```calc\n(.*?)```", text, re.S)
failures = 0
for index, block in enumerate(blocks):
    source = "".join(line for line in block.splitlines(keepends=True)
                     if not line.startswith("import "))
    path = f"{out_dir}/example{index}.calc"
    with open(path, "w", encoding="utf-8") as f:
        f.write(source)
    result = subprocess.run([calcc, "check", "--emit=ast", path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    status = "ok" if result.returncode == 0 else "FAILED"
    failures += result.returncode != 0
    print(f"example {index}: {status}")
    sys.stdout.write(result.stderr)
print(f"{len(blocks)} examples, {failures} failed")
