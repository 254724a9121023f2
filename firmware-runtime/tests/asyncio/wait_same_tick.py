# two tasks finishing in the same loop pass are both in FIRST_COMPLETED's done set
import asyncio

async def job(n, d):
    await asyncio.sleep(d)
    return n

async def on(ev, n):
    await ev.wait()
    return n

async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(on(ev, n)) for n in range(3)] + [asyncio.create_task(job(9, 0.5))]
    asyncio.get_running_loop().call_later(0.01, ev.set)
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    t = asyncio.create_task(job('x', 0))
    done, pending = await asyncio.wait(ts[3:] + [t], timeout=0.1)
    print([x.result() for x in done], len(pending))
    ts[3].cancel()
    done, _ = await asyncio.wait(ts[3:])
    print('cancelled task counts as done', [x.cancelled() for x in done])

asyncio.run(main())
