#!/usr/bin/env python3
"""Run a command with its stdout on a pseudo-terminal WIDTH columns wide and copy
what it writes there to our stdout (CR LF turned back into LF), so a test can see
what a terminal user sees.

Usage: run-in-pty.py WIDTH -- COMMAND...
"""
import fcntl
import os
import struct
import subprocess
import sys
import termios


def main():
    width = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, width, 0, 0))
    process = subprocess.Popen(command, stdout=slave)
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the terminal closed.
            break
        if not chunk:
            break
        output += chunk
    status = process.wait()
    sys.stdout.write(output.replace(b"\r\n", b"\n").decode("utf-8"))
    return status


if __name__ == "__main__":
    sys.exit(main())
