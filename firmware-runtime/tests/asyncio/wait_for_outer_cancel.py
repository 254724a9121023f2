# cancelling the task blocked in wait_for cancels the inner awaitable too
import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('inner cancelled')
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), 0.5)
    except asyncio.CancelledError:
        print('outer cancelled (not a timeout)')
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__, t.cancelled())

asyncio.run(main())
