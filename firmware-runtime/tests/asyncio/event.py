# Event: several waiters wake in the order they waited; clear/is_set; wait on a set event
import asyncio

async def waiter(ev, n, out):
    print('wait', n)
    r = await ev.wait()
    out.append(n)
    print('woke', n, r)

async def main():
    ev = asyncio.Event()
    out = []
    ts = [asyncio.create_task(waiter(ev, i, out)) for i in range(4)]
    await asyncio.sleep(0.01)
    print('set', ev.is_set())
    ev.set()
    print('after set', ev.is_set(), out)
    await asyncio.gather(*ts)
    print(out)
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    # a waiter cancelled while waiting leaves the others alone
    out.clear()
    a = asyncio.create_task(waiter(ev, 'a', out))
    b = asyncio.create_task(waiter(ev, 'b', out))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    ev.set()
    await b
    print(out, a.cancelled())
    # set then clear before the waiter runs: it still returns True
    ev.clear()
    c = asyncio.create_task(waiter(ev, 'c', out))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    await c
    print(ev.is_set())

asyncio.run(main())
