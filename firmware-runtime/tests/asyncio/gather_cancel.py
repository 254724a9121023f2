# cancelling a gather cancels its children; the awaiting task gets CancelledError once they end
import asyncio

async def child(n):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print('child', n, 'cancelled')
        raise
    finally:
        print('child', n, 'finally')

async def main():
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(0.01)
    print('cancel ->', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', g.cancelled())
    # cancelling the task that awaits a gather reaches the children too
    async def outer():
        await asyncio.gather(child(3), child(4))
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('outer cancelled', t.cancelled())
    # one child cancelled on its own: gather raises CancelledError
    async def short():
        await asyncio.sleep(0.01)
        return 'short'
    c = asyncio.create_task(child(5))
    s = asyncio.create_task(short())
    g2 = asyncio.gather(s, c, return_exceptions=True)
    await asyncio.sleep(0)
    c.cancel()
    r = await g2
    print(r[0], type(r[1]).__name__)

asyncio.run(main())
