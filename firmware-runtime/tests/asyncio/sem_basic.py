# Semaphore limits concurrency: at most 2 workers inside at once, FIFO admission
import asyncio

inside = 0
peak = 0

async def worker(sem, i):
    global inside, peak
    async with sem:
        inside += 1
        peak = max(peak, inside)
        print('start', i, 'inside', inside, 'locked', sem.locked())
        await asyncio.sleep(0.06 * (i % 3 + 1))
        inside -= 1
        print('end', i)
    return i * i

async def main():
    sem = asyncio.Semaphore(2)
    print('locked at start', sem.locked())
    res = await asyncio.gather(*(worker(sem, i) for i in range(6)))
    print(res, 'peak', peak, 'locked', sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
