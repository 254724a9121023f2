# an exception inside `async with lock` releases the lock; the next waiter gets it
import asyncio

async def risky(lock, i):
    async with lock:
        print('holder', i)
        await asyncio.sleep(0.01)
        if i == 1:
            raise ValueError('bad %d' % i)
    return i

async def main():
    lock = asyncio.Lock()
    r = await asyncio.gather(*(risky(lock, i) for i in range(3)), return_exceptions=True)
    print([repr(x) for x in r], lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    w.cancel()
    await asyncio.sleep(0)
    lock.release()
    print('after cancel', lock.locked(), w.cancelled())
    async with lock:
        print('reacquired', lock.locked())

asyncio.run(main())
