# Lock: FIFO hand-over, locked(), async with, release errors, cancelled waiters
import asyncio

async def user(lock, n, log, hold):
    async with lock:
        log.append('in %s' % n)
        await asyncio.sleep(hold)
        log.append('out %s' % n)

async def main():
    lock = asyncio.Lock()
    log = []
    print(lock.locked())
    ts = [asyncio.create_task(user(lock, i, log, 0.01 * (3 - i))) for i in range(4)]
    await asyncio.sleep(0)
    print(lock.locked())
    await asyncio.gather(*ts)
    print(log)
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print('RuntimeError', e)
    print(await lock.acquire(), lock.locked())
    # a waiter that is cancelled does not get the lock; the next one does
    log.clear()
    w1 = asyncio.create_task(user(lock, 1, log, 0))
    w2 = asyncio.create_task(user(lock, 2, log, 0))
    await asyncio.sleep(0)
    w1.cancel()
    lock.release()
    print('released, locked:', lock.locked())
    await asyncio.sleep(0.01)
    print(log, w1.cancelled(), lock.locked())
    # the lock is released when the body raises
    try:
        async with lock:
            raise ValueError('inside')
    except ValueError:
        print('after raise, locked:', lock.locked())
    # a newcomer queues behind a woken waiter (no barging)
    await lock.acquire()
    log.clear()
    a = asyncio.create_task(user(lock, 'a', log, 0))
    await asyncio.sleep(0)
    lock.release()
    b = asyncio.create_task(user(lock, 'b', log, 0))
    await asyncio.gather(a, b)
    print(log)

asyncio.run(main())
