# 200 tasks with interleaved sleeps; the wake-up order is by deadline, then creation
import asyncio

async def worker(i, out):
    await asyncio.sleep((i % 7) * 0.01)
    out.append(i)
    await asyncio.sleep(0)
    return i * i

async def main():
    out = []
    r = await asyncio.gather(*[worker(i, out) for i in range(200)])
    print(sum(r), len(out))
    print(out[:12])
    print(sorted(out) == list(range(200)))

asyncio.run(main())
