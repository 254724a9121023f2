# asyncio.timeout (3.11): TimeoutError after the deadline, nothing when in time
import asyncio

async def work(d):
    await asyncio.sleep(d)
    return d

async def main():
    try:
        async with asyncio.timeout(0.01) as cm:
            await work(1)
    except TimeoutError:
        print('timed out, expired =', cm.expired())
    async with asyncio.timeout(0.05) as cm:
        print('result', await work(0.01))
    print('expired =', cm.expired())
    async with asyncio.timeout(None) as cm:
        print('no deadline', cm.when())
        cm.reschedule(asyncio.get_running_loop().time() + 0.01)
        try:
            await work(1)
        except asyncio.CancelledError:
            print('inner sees CancelledError')
            raise
    print('unreachable')

try:
    asyncio.run(main())
except TimeoutError:
    print('TimeoutError reached asyncio.run')
