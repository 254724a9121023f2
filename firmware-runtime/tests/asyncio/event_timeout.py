# waiting on an Event with a timeout, then succeeding; many waiters released at once
import asyncio

async def waiter(ev, i):
    await ev.wait()
    print('waiter', i, 'released')
    return i

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print('event not set in time')
    ws = [asyncio.create_task(waiter(ev, i)) for i in range(4)]
    await asyncio.sleep(0.01)
    asyncio.get_running_loop().call_later(0.01, ev.set)
    print(await asyncio.wait_for(asyncio.gather(*ws), 1))
    print(ev.is_set())

asyncio.run(main())
