# as_completed yields results in completion order
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return '%s after %d ms' % (name, delay * 1000)

async def main():
    jobs = [fetch('a', 0.15), fetch('b', 0.05), fetch('c', 0.1)]
    for i, fut in enumerate(asyncio.as_completed(jobs)):
        print(i, await fut)
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in (('x', 0.1), ('y', 0.25))]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.15):
            print(await fut)
    except asyncio.TimeoutError:
        print('as_completed timed out')
    print(await tasks[1])

asyncio.run(main())
