# gather runs its awaitables concurrently and returns their results in argument order:
# the result line appears after 300 ms of board time (the longest job), not 600.
import asyncio

async def job(name, ms):
    await asyncio.sleep(ms / 1000)
    print('finished', name)   # at 100, 200 and 300 ms
    return '%s:%d' % (name, ms)

async def main():
    results = await asyncio.gather(job('slow', 300), job('fast', 100), job('medium', 200))
    print('results', results)   # at 300 ms

asyncio.run(main())
