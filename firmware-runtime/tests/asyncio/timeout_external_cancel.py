# an outside cancel() inside asyncio.timeout stays a CancelledError, not a TimeoutError;
# and a timeout around a task that swallows the cancellation does not fire
import asyncio

async def guarded():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('wrong: TimeoutError')
    except asyncio.CancelledError:
        print('guarded: CancelledError, as expected')
        raise

async def stubborn():
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(0.1)
        except asyncio.CancelledError:
            print('stubborn swallowed the timeout cancel')
    print('after block, expired', cm.expired())
    return 'ok'

async def main():
    t = asyncio.create_task(guarded())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__, t.cancelled())
    print(await stubborn())
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(0.05)
    except TimeoutError:
        try:
            cm.reschedule(None)
        except RuntimeError:
            print('reschedule after expiry: RuntimeError')

asyncio.run(main())
