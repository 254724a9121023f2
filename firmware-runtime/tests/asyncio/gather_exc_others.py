# an exception in gather (without return_exceptions) propagates at once; the other
# children keep running and finish on their own
import asyncio

async def worker(i, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ZeroDivisionError('worker %d' % i)
    print('worker', i, 'finished')
    return i

async def main():
    ts = [asyncio.create_task(worker(0, 0.05, True)), asyncio.create_task(worker(1, 0.15)),
          asyncio.create_task(worker(2, 0.1))]
    try:
        await asyncio.gather(*ts)
    except ZeroDivisionError as e:
        print('caught', e, [t.done() for t in ts])
    await asyncio.sleep(0.25)
    print([t.done() for t in ts], ts[1].result())
    r = await asyncio.gather(worker(3, 0.01, True), worker(4, 0.01), return_exceptions=True)
    print([repr(x) for x in r])
    print(await asyncio.gather())

asyncio.run(main())
