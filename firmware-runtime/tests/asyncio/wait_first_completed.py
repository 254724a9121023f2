# asyncio.wait with FIRST_COMPLETED: the fastest task is done, the others are pending
import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d), name=n) for n, d in (('slow', 0.25), ('fast', 0.05), ('mid', 0.15))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print('done', sorted(t.get_name() for t in done))
    print('pending', sorted(t.get_name() for t in pending))
    print([t.result() for t in done])
    done, pending = await asyncio.wait(pending)
    print('then done', sorted(t.result() for t in done), 'pending', len(pending))
    print(type(done).__name__, type(pending).__name__)

asyncio.run(main())
