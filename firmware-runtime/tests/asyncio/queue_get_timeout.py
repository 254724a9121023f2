# wait_for around Queue.get: a timed-out getter loses nothing
import asyncio

async def main():
    q = asyncio.Queue()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except asyncio.TimeoutError:
        print('get timed out')
    q.put_nowait('a')
    print(await asyncio.wait_for(q.get(), 0.01))
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await asyncio.sleep(0)
    getters[1].cancel()
    q.put_nowait('x')
    q.put_nowait('y')
    r = await asyncio.gather(*getters, return_exceptions=True)
    print([x if isinstance(x, str) else type(x).__name__ for x in r], q.qsize())

asyncio.run(main())
