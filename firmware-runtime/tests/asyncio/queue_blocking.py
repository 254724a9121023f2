# put() blocks on a full queue and get() on an empty one; nowait variants raise
import asyncio

async def producer(q):
    for i in range(5):
        print('producer putting', i)
        await q.put(i)
        print('producer put', i)
    await q.put(None)

async def consumer(q):
    while True:
        await asyncio.sleep(0.01)
        x = await q.get()
        print('consumer got', x)
        if x is None:
            break

async def main():
    q = asyncio.Queue(2)
    await asyncio.gather(producer(q), consumer(q))
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('QueueEmpty')
    q.put_nowait(1)
    q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print('QueueFull', q.qsize(), q.maxsize)
    t = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print('blocked put done?', t.done())
    print(q.get_nowait())
    await asyncio.sleep(0)
    print('now done?', t.done(), q.qsize())

asyncio.run(main())
