# Starts a command that writes an output through a temporary file, waits
# (bounded) until the temporary exists in DIR, sends SIGNAL, and prints how
# the command ended and which temporaries remain:
#   signal-cleanup.py SIGNAL DIR [--tty] -- COMMAND...
# With --tty the command's stderr is a terminal (a pseudo-terminal), it waits
# for the progress bar to be drawn as well, and prints whether stderr's last
# bytes erase the bar's line. No sleep decides anything: each wait polls for
# a condition and gives up after a minute.
import os
import pty
import resource
import signal
import subprocess
import sys
import time

sig_name, directory = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
tty = rest[0] == "--tty"
if tty:
    rest = rest[1:]
assert rest[0] == "--"
command = rest[1:]
signo = getattr(signal, sig_name)


def child_setup():
    # The signals at their defaults whatever the test runner ignores, and no
    # core file for SIGQUIT.
    for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT,
              signal.SIGPIPE):
        signal.signal(s, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def temporaries():
    return sorted(n for n in os.listdir(directory) if ".tmp-" in n)


master = None
stderr = subprocess.DEVNULL
if tty:
    master, slave = pty.openpty()
    stderr = slave
proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr,
                        preexec_fn=child_setup)
if tty:
    os.close(slave)

captured = b""
deadline = time.monotonic() + 60
ready = False
while time.monotonic() < deadline and proc.poll() is None:
    if tty:
        import select
        readable, _, _ = select.select([master], [], [], 0.01)
        if readable:
            try:
                captured += os.read(master, 65536)
            except OSError:
                pass
    else:
        time.sleep(0.01)
    ready = bool(temporaries()) and (not tty or b"\r[" in captured)
    if ready:
        break
if not ready:
    proc.kill()
    proc.wait()
    print("the command ended or timed out before its temporary appeared")
    sys.exit(1)

proc.send_signal(signo)
try:
    proc.wait(timeout=60)
except subprocess.TimeoutExpired:
    proc.kill()
    proc.wait()
    print("the command did not end on " + sig_name)
    sys.exit(1)
if tty:
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        captured += data
    erased = captured.endswith(b"\r" + b" " * 79 + b"\r")
    print("progress line erased" if erased else "progress line left")

if proc.returncode < 0:
    print("ended by " + signal.Signals(-proc.returncode).name)
else:
    print("exit %d" % proc.returncode)
print("temporaries left: " + (" ".join(temporaries()) or "none"))
