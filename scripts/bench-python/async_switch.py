# asyncio task switches (issue #7): TASKS tasks take turns through the ready queue with
# `await asyncio.sleep(0)`, ROUNDS times each; timed on the board's own clock.
# Usage: async_switch.py [ROUNDS]. Prints "switch: N switches T board-us".
import asyncio
import sys
import time

TASKS = 10
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 500


async def worker():
    for _ in range(ROUNDS):
        await asyncio.sleep(0)


async def main():
    start = time.monotonic_ns()
    await asyncio.gather(*[worker() for _ in range(TASKS)])
    return (time.monotonic_ns() - start) // 1000


us = asyncio.run(main())
print("switch: %d switches %d board-us" % (TASKS * ROUNDS, us))
