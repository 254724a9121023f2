# gather over coroutines, tasks, futures and the same task twice; results keep argument order
import asyncio

async def val(x, d=0):
    await asyncio.sleep(d)
    return x

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(val('task', 0.02))
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, 'future')
    print(await asyncio.gather(val('coro', 0.03), t, f, t))
    print(await asyncio.gather(*[val(i, (5 - i) / 1000) for i in range(5)]))
    inner = asyncio.gather(val(1), val(2))
    outer = asyncio.gather(inner, val(3))
    print(await outer)
    print(await asyncio.gather(asyncio.sleep(0.001, 's'), return_exceptions=True))

asyncio.run(main())
