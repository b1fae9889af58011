# Runs a command and prints "exit N" so tests can tell usage errors (2) from
# input errors (1); lit's `not` only knows zero from non-zero.
import subprocess
import sys

result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(f"exit {result.returncode}")
