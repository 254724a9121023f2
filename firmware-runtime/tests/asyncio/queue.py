# Queue: FIFO, blocking get/put with maxsize, nowait errors, task_done/join
import asyncio

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i, q.qsize())
    await q.put(None)

async def consumer(q, out):
    while True:
        x = await q.get()
        q.task_done()
        if x is None:
            return out
        out.append(x)
        print('got', x)
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(2)
    print(q.empty(), q.full(), q.maxsize)
    r = await asyncio.gather(producer(q, 5), consumer(q, []))
    print(r[1])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q.put_nowait('a')
    q.put_nowait('b')
    try:
        q.put_nowait('c')
    except asyncio.QueueFull:
        print('QueueFull', q.full())
    print(q.get_nowait(), q.get_nowait())
    # several getters are served in the order they waited
    q2 = asyncio.Queue()
    async def getter(n):
        print('getter', n, await q2.get())
    ts = [asyncio.create_task(getter(i)) for i in range(3)]
    await asyncio.sleep(0)
    for x in 'xyz':
        q2.put_nowait(x)
    await asyncio.gather(*ts)
    # join waits for task_done of every item
    q3 = asyncio.Queue()
    for i in range(3):
        q3.put_nowait(i)
    async def worker():
        while True:
            x = await q3.get()
            await asyncio.sleep(0.01)
            print('processed', x)
            q3.task_done()
    w = asyncio.create_task(worker())
    await q3.join()
    print('joined')
    w.cancel()

asyncio.run(main())
