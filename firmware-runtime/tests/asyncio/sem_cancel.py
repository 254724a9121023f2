# a waiter cancelled while queued on a Semaphore does not take a unit; the next waiter does
import asyncio

async def user(sem, name, hold):
    try:
        async with sem:
            print(name, 'acquired')
            await asyncio.sleep(hold)
            print(name, 'releasing')
    except asyncio.CancelledError:
        print(name, 'cancelled while waiting')
        raise

async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(user(sem, 'a', 0.1))
    b = asyncio.create_task(user(sem, 'b', 0.05))
    c = asyncio.create_task(user(sem, 'c', 0.05))
    await asyncio.sleep(0.025)
    print('cancel b:', b.cancel())
    await asyncio.gather(a, b, c, return_exceptions=True)
    print(a.done(), b.cancelled(), c.done(), sem.locked())

asyncio.run(main())
