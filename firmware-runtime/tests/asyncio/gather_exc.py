# exceptions through gather: the first one propagates, the other children keep running;
# return_exceptions=True puts them in the result list
import asyncio

async def ok(n, d):
    await asyncio.sleep(d)
    print('ok', n)
    return n

async def bad(n, d):
    await asyncio.sleep(d)
    raise ValueError('bad %d' % n)

async def main():
    try:
        await asyncio.gather(ok(1, 0.1), bad(2, 0.01), ok(3, 0.15))
    except ValueError as e:
        print('caught', e)
    await asyncio.sleep(0.3)
    r = await asyncio.gather(ok(4, 0), bad(5, 0), return_exceptions=True)
    print([type(x).__name__ for x in r], r[0], str(r[1]))
    try:
        await asyncio.gather(bad(6, 0), bad(7, 0))
    except ValueError as e:
        print('first', e)
    await asyncio.sleep(0.01)

asyncio.run(main())
