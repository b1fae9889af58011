"""Runs `calcc run` on every examples/*.calc, so an example without its own test still
runs in the suite (docs/architecture.md, Tests). Prints one line per example, then a summary;
exits 1 if any example failed."""
import glob
import os
import subprocess
import sys
import tempfile


def main():
    calcc, examples_dir = sys.argv[1], sys.argv[2]
    files = sorted(glob.glob(os.path.join(examples_dir, "*.calc")))
    failed = 0
    for path in files:
        # Examples may write `to` files: run each in a scratch directory.
        with tempfile.TemporaryDirectory() as scratch:
            proc = subprocess.run([calcc, "run", path, "-o", scratch],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  text=True)
        status = "ok" if proc.returncode == 0 else "FAILED (exit %d)" % proc.returncode
        print("%s: %s" % (os.path.basename(path), status))
        if proc.returncode != 0:
            failed += 1
            sys.stdout.write(proc.stderr)
    print("%d examples, %d failed" % (len(files), failed))
    return 1 if failed or not files else 0


if __name__ == "__main__":
    sys.exit(main())
