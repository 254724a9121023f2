#!/usr/bin/env python3
"""Ctrl-C in pure compute loops: SIGINT must become KeyboardInterrupt, as in CPython.

Not a conformance test (the '_' prefix keeps tests/run_tests.py away): the interpreter under
test is started on a busy loop, then sent SIGINT, and its output must be CPython's.
Usage: _sigint_harness.py VBPY   (exit 0 when vbpy behaves as python3)."""
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time

PROGRAM = r'''
import sys
def spin_loop():
    n = 0
    while True:
        n += 1
def spin_calls(k):
    return spin_calls(k + 1) if k < 200 else 0
for name, body in (("loop", lambda: spin_loop()), ("calls", lambda: [spin_calls(0) for _ in iter(int, 1)])):
    print("ready", name, flush=True)
    sys.stdin.readline()
    try:
        body()
    except KeyboardInterrupt as e:
        print("KeyboardInterrupt in", name, type(e).__name__, e.args, flush=True)
print("ready uncaught", flush=True)
sys.stdin.readline()
while True:
    pass
'''


def default_sigint():
    # A child started from a background job inherits SIGINT ignored, and CPython then installs
    # no KeyboardInterrupt handler at all: restore the default so both interpreters see it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def run(exe, path):
    p = subprocess.Popen([exe, path], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, preexec_fn=default_sigint)
    # a child that ignores the signal would block the reads below forever
    watchdog = threading.Timer(60, p.kill)
    watchdog.start()
    try:
        return exchange(p)
    finally:
        watchdog.cancel()


def exchange(p):
    out = []
    for phase in range(3):
        line = p.stdout.readline()
        out.append(line)
        p.stdin.write(b"\n")
        p.stdin.flush()
        # the program is now spinning (it only reads one line per phase); interrupt it
        time.sleep(0.2)
        p.send_signal(signal.SIGINT)
        if phase < 2:
            out.append(p.stdout.readline())
    rest, err = p.communicate(timeout=20)
    out.append(rest)
    tail = err.decode(errors="replace").strip().splitlines()[-1:] if err else []
    return b"".join(out), tail


def main():
    vbpy = sys.argv[1]
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "spin.py")
        with open(path, "w") as f:
            f.write(PROGRAM)
        exp = run(sys.executable, path)
        got = run(os.path.abspath(vbpy), path)
    if exp != got:
        print(f"sigint: FAIL\n  python3: {exp}\n  vbpy:    {got}")
        sys.exit(1)
    print("sigint: ok")


if __name__ == "__main__":
    main()
