# Lock hands over in FIFO order, even to a waiter that arrives while the lock is free
import asyncio

async def user(lock, i, log):
    for _ in range(2):
        async with lock:
            log.append(i)
            await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*(user(lock, i, log) for i in range(4)))
    print(log)
    await lock.acquire()
    order = []
    async def grab(i):
        await lock.acquire()
        order.append(i)
        lock.release()
    ts = [asyncio.create_task(grab(i)) for i in range(3)]
    await asyncio.sleep(0)
    lock.release()
    late = asyncio.create_task(grab('late'))
    await asyncio.gather(*ts, late)
    print(order)

asyncio.run(main())
