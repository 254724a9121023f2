# a three-stage pipeline of queues with a sentinel, as in many asyncio tutorials
import asyncio

async def source(out):
    for i in range(6):
        await out.put(i)
        await asyncio.sleep(0.001)
    await out.put(None)

async def square(inp, out):
    while (x := await inp.get()) is not None:
        await out.put(x * x)
    await out.put(None)

async def sink(inp):
    total = []
    while True:
        x = await inp.get()
        if x is None:
            return total
        total.append(x)

async def main():
    a, b = asyncio.Queue(1), asyncio.Queue(2)
    _, _, result = await asyncio.gather(source(a), square(a, b), sink(b))
    print(result, sum(result))

asyncio.run(main())
