# Event set/clear/wait in a loop: a ticker signals, a listener reacts each time
import asyncio

async def listener(ev, n, log):
    for i in range(n):
        await ev.wait()
        ev.clear()
        log.append(i)
        print('listener woke', i)

async def ticker(ev, n):
    for i in range(n):
        await asyncio.sleep(0.01)
        print('tick', i)
        ev.set()

async def main():
    ev = asyncio.Event()
    log = []
    await asyncio.gather(listener(ev, 3, log), ticker(ev, 3))
    print(log, ev.is_set())
    ev.set()
    print(await ev.wait(), await ev.wait())
    waiters = [asyncio.create_task(ev.wait()) for _ in range(3)]
    ev.clear()
    await asyncio.sleep(0)
    print(sum(w.done() for w in waiters))
    ev.set()
    ev.clear()
    await asyncio.sleep(0)
    print('set then clear still wakes', [w.done() for w in waiters])

asyncio.run(main())
