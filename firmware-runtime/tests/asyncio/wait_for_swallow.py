# wait_for when the inner task ignores cancellation and returns a value anyway
import asyncio

async def obstinate():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('obstinate: cancelled, returning anyway')
        return 'value after cancel'

async def slow_cleanup():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        await asyncio.sleep(0.02)
        print('slow cleanup done')
        raise

async def main():
    try:
        print(await asyncio.wait_for(obstinate(), 0.01))
    except asyncio.TimeoutError:
        print('TimeoutError')
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    try:
        await asyncio.wait_for(slow_cleanup(), 0.01)
    except asyncio.TimeoutError:
        print('TimeoutError after cleanup, waited for it', loop.time() - t0 >= 0.025)

asyncio.run(main())
