# a crawler-style pattern: bounded concurrency with a Semaphore, results via as_completed
import asyncio

active = 0

async def fetch(sem, url):
    global active
    async with sem:
        active += 1
        assert active <= 3
        await asyncio.sleep(len(url) / 1000)
        active -= 1
        return url, len(url)

async def main():
    sem = asyncio.Semaphore(3)
    urls = ['a' * n for n in (12, 5, 8, 20, 3, 9, 15)]
    got = []
    for f in asyncio.as_completed([fetch(sem, u) for u in urls]):
        url, n = await f
        got.append(n)
    print(sorted(got), len(got), active)

asyncio.run(main())
