# asyncio.wait with a timeout does not cancel anything: it returns what is done so far
import asyncio

async def tick(n, d):
    await asyncio.sleep(d)
    print('tick', n)
    return n

async def main():
    ts = [asyncio.create_task(tick(i, 0.02 * (i + 1))) for i in range(4)]
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print(sorted(t.result() for t in done), len(pending))
    print('pending cancelled?', any(t.cancelled() for t in pending))
    done, pending = await asyncio.wait(ts, timeout=0)
    print('timeout 0:', len(done), len(pending))
    done, pending = await asyncio.wait(ts, timeout=1)
    print('all:', sorted(t.result() for t in done), len(pending))

asyncio.run(main())
