"""Runs `calcc run FILE --report` on every .calc under the given directories
(the examples and the stdlib), twice (-j 1 and -j 2): each run must succeed,
each report must parse as XML (XHTML) with every figure an <svg>, and the two
reports must be the same bytes. The prelude is no program (it declares the
schemas every file sees; `calcc run` refuses it), so it is left out. Prints "NAME: ok, N figures" per file and a
total line."""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

calcc, roots = sys.argv[1], sys.argv[2:]
files = sorted(os.path.join(d, f) for root in roots
               for d, _, fs in os.walk(root) for f in fs
               if f.endswith(".calc") and f != "prelude.calc")
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for path in files:
        name = os.path.relpath(path, os.path.dirname(roots[0].rstrip("/")))
        pages = []
        for jobs in ("1", "2"):
            out = os.path.join(tmp, "j" + jobs)
            os.makedirs(out, exist_ok=True)
            report = os.path.join(out, "report.html")
            run = subprocess.run([calcc, "run", path, "-o", out, "-j", jobs,
                                  "--report", report],
                                 stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
            if run.returncode != 0:
                break
            with open(report, "rb") as f:
                pages.append(f.read())
        if len(pages) != 2:
            print("%s: FAILED (exit %d)\n%s" % (name, run.returncode, run.stderr))
            failed += 1
            continue
        root = ET.fromstring(pages[0])
        figures = len(list(root.iter("{http://www.w3.org/2000/svg}svg")))
        if pages[0] != pages[1]:
            print("%s: FAILED (the report differs between -j 1 and -j 2)" % name)
            failed += 1
            continue
        print("%s: ok, %d figures" % (name, figures))
print("%d files, %d failed" % (len(files), failed))
