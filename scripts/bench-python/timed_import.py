# Host timing for scripts/bench: imports kernel NAME from directory DIR, which runs it, and
# prints the seconds that took. Timing inside the process keeps the interpreter's start-up out
# of the figure (subtracting a separately timed start-up left noise larger than the kernels).
# Usage: INTERPRETER timed_import.py DIR NAME
import sys
import time

sys.path.insert(0, sys.argv[1])
start = time.perf_counter()
__import__(sys.argv[2])
print("SECONDS", time.perf_counter() - start)
