# one child of a gather cancelled directly: the gather raises CancelledError, siblings run on
import asyncio

async def work(n):
    await asyncio.sleep(n / 20)
    print('work', n, 'done')
    return n

async def main():
    ts = [asyncio.create_task(work(n)) for n in (1, 2, 3)]
    g = asyncio.gather(*ts)
    await asyncio.sleep(0)
    ts[1].cancel()
    try:
        await g
    except asyncio.CancelledError:
        print('gather raised CancelledError; gather done', g.done())
    await asyncio.sleep(0.2)
    print([t.cancelled() for t in ts])
    ts = [asyncio.create_task(work(n)) for n in (1, 2)]
    g = asyncio.gather(*ts, return_exceptions=True)
    await asyncio.sleep(0)
    ts[0].cancel()
    print([type(x).__name__ for x in await g])
    done = asyncio.create_task(work(0))
    await done
    d, p = await asyncio.wait([done])
    print('wait on a finished task', len(d), len(p))

asyncio.run(main())
