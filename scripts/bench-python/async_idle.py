# An idle board (issue #7): one task asleep for an hour. scripts/bench reads the host CPU time
# of the emulator while it waits, then kills it. Prints "idle: ready" before sleeping.
import asyncio


async def main():
    print("idle: ready", flush=True)
    await asyncio.sleep(3600)


asyncio.run(main())
