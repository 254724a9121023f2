# Three workers share one Lock; each holds it for 200 ms of board time, so they get it one
# after the other in the order they asked (at 0, 200 and 400 ms) and the last one leaves at
# 600 ms.
import asyncio

async def worker(lock, name):
    print(name, 'waiting for the lock')
    async with lock:
        print(name, 'has the lock')
        await asyncio.sleep(0.2)
        print(name, 'releases the lock')

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(worker(lock, 'A'), worker(lock, 'B'), worker(lock, 'C'))
    print('locked at the end:', lock.locked())

asyncio.run(main())
