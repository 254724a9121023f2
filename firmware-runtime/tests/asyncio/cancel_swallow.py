# a task that swallows CancelledError finishes normally: not cancelled
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('ignoring cancel')
    await asyncio.sleep(0.01)
    return 'finished anyway'

async def cleanup():
    try:
        await asyncio.sleep(1)
    finally:
        print('cleanup runs')
        await asyncio.sleep(0.01)
        print('cleanup done')

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())
    c = asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print('cleanup task cancelled', c.cancelled())

asyncio.run(main())
