# producer/consumer with a bounded Queue, task_done() and join(), as in the CPython docs
import asyncio

async def worker(name, q, out):
    while True:
        item = await q.get()
        await asyncio.sleep(item / 20)
        out.append((name, item))
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=3)
    out = []
    workers = [asyncio.create_task(worker('w%d' % i, q, out)) for i in range(3)]
    for item in (7, 1, 4, 2, 9, 5, 3):
        await q.put(item)
        print('put', item, 'size', q.qsize(), 'full', q.full())
    await q.join()
    print('all processed', out)
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
