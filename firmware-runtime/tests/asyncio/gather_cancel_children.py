# cancelling a gather cancels its children: each sees CancelledError
import asyncio

async def child(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('child', i, 'cancelled')
        raise
    return i

async def main():
    g = asyncio.gather(*(child(i) for i in range(3)))
    await asyncio.sleep(0.01)
    print('cancel returns', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', g.cancelled())
    print('second cancel', g.cancel())
    parent = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    parent.cancel()
    try:
        await parent
    except asyncio.CancelledError:
        print('parent cancelled', parent.cancelled())

async def waiter():
    await asyncio.gather(child(7), child(8))

asyncio.run(main())
