# shield passes the inner result or exception through; a cancelled inner cancels the outer
import asyncio

async def boom():
    await asyncio.sleep(0.01)
    raise ValueError('inner failed')

async def main():
    try:
        await asyncio.shield(boom())
    except ValueError as e:
        print('got', e)
    t = asyncio.create_task(asyncio.sleep(1))
    outer = asyncio.shield(t)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled too:', outer.cancelled())
    done = asyncio.create_task(asyncio.sleep(0, 5))
    await done
    print('shield of a done task is it:', asyncio.shield(done) is done)

asyncio.run(main())
