# sleep with result, negative and zero delays, and many short sleeps summing up
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0, 'zero'), await asyncio.sleep(-1, 'negative'), await asyncio.sleep(0.001, [1]))
    print(await asyncio.sleep(0))
    t0 = loop.time()
    for _ in range(10):
        await asyncio.sleep(0.01)
    print('elapsed at least 90 ms', loop.time() - t0 >= 0.09)
    order = []
    async def s(tag, d):
        await asyncio.sleep(d)
        order.append(tag)
    await asyncio.gather(s('neg', -5), s('zero', 0), s('small', 0.002), s('none', 0))
    print(order)

asyncio.run(main())
