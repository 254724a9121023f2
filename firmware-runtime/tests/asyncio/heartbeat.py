# a periodic heartbeat task stopped with an Event, while a worker runs
import asyncio

async def heartbeat(stop, period):
    n = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), period)
        except asyncio.TimeoutError:
            n += 1
            print('beat', n)
    return n

async def worker(stop):
    await asyncio.sleep(0.25)
    print('worker done')
    stop.set()

async def main():
    stop = asyncio.Event()
    beats, _ = await asyncio.gather(heartbeat(stop, 0.1), worker(stop))
    print('beats', beats)

asyncio.run(main())
