# shield: cancelling the outer await does not cancel the inner task, which keeps running
import asyncio

async def important():
    print('important: start')
    await asyncio.sleep(0.03)
    print('important: finished')
    return 'saved'

async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print('caller cancelled, inner cancelled?', inner.cancelled())
        raise

async def main():
    inner = asyncio.create_task(important())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.01)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print('caller task cancelled:', c.cancelled())
    print('inner result', await inner)
    print(await asyncio.shield(asyncio.sleep(0.01, 'direct')))
    try:
        await asyncio.wait_for(asyncio.shield(important()), 0.01)
    except asyncio.TimeoutError:
        print('timed out, shielded work continues')
    await asyncio.sleep(0.05)

asyncio.run(main())
