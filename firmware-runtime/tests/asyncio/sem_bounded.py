# BoundedSemaphore refuses an extra release; plain Semaphore accepts it
import asyncio

async def main():
    b = asyncio.BoundedSemaphore(2)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print('ValueError:', e)
    s = asyncio.Semaphore(1)
    s.release()
    print('plain semaphore value grew, locked:', s.locked())
    await s.acquire()
    await s.acquire()
    print('two acquired, locked:', s.locked())
    print(isinstance(b, asyncio.Semaphore))

asyncio.run(main())
