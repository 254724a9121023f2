# timers fire in deadline order; equal deadlines in the order they were set
import asyncio

async def nap(name, d, out):
    await asyncio.sleep(d)
    out.append(name)

async def main():
    out = []
    ds = [0.05, 0.01, 0.03, 0.02, 0.04, 0]
    await asyncio.gather(*[nap('t%d' % i, d, out) for i, d in enumerate(ds)])
    print(out)
    out.clear()
    await asyncio.gather(*[nap(c, 0.02, out) for c in 'abcdef'])
    print(out)
    out.clear()
    ts = [asyncio.create_task(nap(c, 0.02, out)) for c in 'wxyz']
    await asyncio.sleep(0)
    ts[1].cancel()
    ts[2].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(out)
    r = await asyncio.sleep(0.01, 'slept')
    print(r)

asyncio.run(main())
