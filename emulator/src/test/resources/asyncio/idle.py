# Sleeps argv[1] seconds in the event loop, then prints once: on the board the idle time is
# skipped in WFI, so an hour costs (almost) no instructions.
import sys
import asyncio


async def main(seconds):
    await asyncio.sleep(seconds)
    print('woke after', seconds, 's')


asyncio.run(main(float(sys.argv[1])))
