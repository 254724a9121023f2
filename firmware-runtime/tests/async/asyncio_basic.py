import asyncio
async def worker(name, delay, log):
    for i in range(3):
        await asyncio.sleep(delay)
        log.append((name, i))
        print(name, i)
    return name.upper()
async def main():
    log = []
    t1 = asyncio.create_task(worker("a", 0, log))
    t2 = asyncio.create_task(worker("b", 0, log))
    r = await asyncio.gather(t1, t2)
    print(r, len(log))
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        print("event fired")
        return 5
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await w)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    q = asyncio.Queue()
    async def prod():
        for i in range(3):
            await q.put(i)
            await asyncio.sleep(0)
    async def cons():
        out = []
        for _ in range(3):
            out.append(await q.get())
        return out
    p = asyncio.create_task(prod())
    print(await cons())
    lock = asyncio.Lock()
    async def crit(n):
        async with lock:
            print("in", n)
            await asyncio.sleep(0)
            print("out", n)
    await asyncio.gather(crit(1), crit(2))
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    return "main done"
print(asyncio.run(main()))
