# tasks start in creation order, after the creator yields; each step runs in FIFO order
import asyncio

async def worker(name, n):
    print('start', name)
    for i in range(n):
        await asyncio.sleep(0)
        print(name, i)
    return name

async def main():
    ts = [asyncio.create_task(worker(c, 2)) for c in 'abc']
    print('created', [t.done() for t in ts])
    await asyncio.sleep(0)
    print('after one yield')
    for t in ts:
        print('result', await t)
    print([t.done() for t in ts])

asyncio.run(main())
