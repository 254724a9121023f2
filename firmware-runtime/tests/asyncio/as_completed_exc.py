# an exception comes out of the awaited as_completed coroutine; the rest continue
import asyncio

async def job(n):
    await asyncio.sleep(n / 100)
    if n == 2:
        raise RuntimeError('job 2 failed')
    return n

async def main():
    results = []
    for f in asyncio.as_completed([asyncio.create_task(job(n)) for n in (3, 1, 2, 4)]):
        try:
            results.append(await f)
        except RuntimeError as e:
            results.append(str(e))
    print(results)
    print(len(list(asyncio.as_completed([]))))

asyncio.run(main())
