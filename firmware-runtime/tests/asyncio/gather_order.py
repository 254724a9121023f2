# gather returns results in argument order, whatever order the children finish in
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print('done', name)
    return name * 2

async def main():
    r = await asyncio.gather(job('a', 0.03), job('b', 0.01), job('c', 0.02))
    print(r)
    print(await asyncio.gather())
    t = asyncio.create_task(job('t', 0))
    print(await asyncio.gather(t, job('x', 0), t))
    print(await asyncio.gather(*[job(str(i), 0) for i in range(5)]))

asyncio.run(main())
