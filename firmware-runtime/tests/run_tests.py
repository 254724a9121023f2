#!/usr/bin/env python3
"""Conformance suite driver: runs every tests/**/*.py under CPython (python3) and under vbpy,
and compares stdout and exit status byte for byte. A test with a NAME.exp beside it is compared
with that file instead (exit status 0): for modules CPython does not have.  Files whose name starts with '_' are
helper modules imported by the tests, not tests.  Prints 'N passed, N failed' and exits 1 if
any test failed."""
import argparse
import concurrent.futures
import difflib
import os
import subprocess
import sys


def run(cmd, path, timeout):
    try:
        p = subprocess.run(cmd + [os.path.basename(path)], cwd=os.path.dirname(path),
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
        return p.stdout, p.returncode, p.stderr
    except subprocess.TimeoutExpired:
        return b"", "timeout", b""


def check(args, path):
    exp_file = path[:-3] + ".exp"
    if os.path.exists(exp_file):
        # modules CPython lacks (machine, micropython): the expected output is written down,
        # as in MicroPython's own test suite
        with open(exp_file, "rb") as f:
            exp_out, exp_rc = f.read(), 0
    else:
        exp_out, exp_rc, _ = run([sys.executable], path, args.timeout)
    got_out, got_rc, got_err = run([os.path.abspath(args.vbpy)], path, args.timeout)
    if exp_out == got_out and exp_rc == got_rc:
        return path, None
    lines = [f"FAIL {path}: exit {got_rc} (expected {exp_rc})"]
    diff = difflib.unified_diff(exp_out.decode(errors="replace").splitlines(),
                                got_out.decode(errors="replace").splitlines(),
                                "python3", "vbpy", lineterm="", n=1)
    lines += list(diff)[:args.diff_lines]
    if got_err:
        lines += ["  stderr: " + l for l in got_err.decode(errors="replace").splitlines()[-6:]]
    return path, "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vbpy", required=True)
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--diff-lines", type=int, default=20)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    tests = []
    for p in args.paths:
        if os.path.isfile(p):
            tests.append(p)
            continue
        for root, _, files in os.walk(p):
            for f in files:
                if f.endswith(".py") and not f.startswith("_") and f != "run_tests.py":
                    tests.append(os.path.join(root, f))
    tests.sort()
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        for path, err in ex.map(lambda t: check(args, t), tests):
            if err:
                failed.append((path, err))
    # The asyncio programs sleep in real time under both interpreters, so a heavily loaded
    # machine can reorder a close race. A failure is therefore run once more, alone; only one
    # that fails again counts (and prints its first diff). A retried pass is reported.
    still = []
    for path, err in failed:
        if check(args, path)[1] is None:
            print(f"RETRY {path}: passed when run alone (it failed under parallel load)")
        else:
            still.append(path)
            print(err)
    print(f"{len(tests) - len(still)} passed, {len(still)} failed")
    sys.exit(1 if still else 0)


if __name__ == "__main__":
    main()
