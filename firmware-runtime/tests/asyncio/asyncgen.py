# async generators (PEP 525) under asyncio: awaits inside them reach the event loop, tasks
# interleave, cancellation and timeouts run their finally blocks, aclose() may await
import asyncio

log = []


async def ticks(name, n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            log.append("%s%d" % (name, i))
            yield i
    finally:
        log.append(name + " closed")


async def consume(name, n, delay):
    total = 0
    async for i in ticks(name, n, delay):
        total += i
    return total


async def interleave():
    print("gather:", await asyncio.gather(consume("a", 3, 0), consume("b", 4, 0)))
    print(log)
    log.clear()


async def squares(source):
    async for x in source:
        yield x * x


async def chained():
    print("chained:", [y async for y in squares(ticks("s", 4, 0.001))])
    log.clear()


async def queue_items(q):
    while (item := await q.get()) is not None:
        yield item


async def producer(q):
    for w in ["alpha", "beta", "gamma"]:
        await asyncio.sleep(0.002)
        await q.put(w)
    await q.put(None)


async def from_queue():
    q = asyncio.Queue()
    task = asyncio.create_task(producer(q))
    print("queue:", [w.upper() async for w in queue_items(q)])
    await task


async def endless():
    i = 0
    try:
        while True:
            await asyncio.sleep(0.01)
            yield i
            i += 1
    finally:
        print("endless finally, last", i)
        await asyncio.sleep(0.005)
        print("endless cleanup awaited")


async def reader(seen, enough):
    async for i in endless():
        seen.append(i)
        if len(seen) == 3:
            enough.set()


async def cancelled():
    seen, enough = [], asyncio.Event()
    task = asyncio.create_task(reader(seen, enough))
    await enough.wait()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("reader cancelled after", seen)


async def first_slow():
    agen = endless()
    try:
        print(await asyncio.wait_for(agen.__anext__(), 1))
        await asyncio.wait_for(agen.__anext__(), 0.001)
    except asyncio.TimeoutError:
        print("timed out waiting for the next item")


async def closing():
    agen = endless()
    print("first", await agen.__anext__(), "second", await agen.__anext__())
    await agen.aclose()
    print("after aclose")
    try:
        await agen.__anext__()
    except StopAsyncIteration:
        print("exhausted")


async def broken():
    yield 1
    await asyncio.sleep(0.001)
    raise ValueError("broken source")


async def propagates():
    got = []
    try:
        async for x in broken():
            got.append(x)
    except ValueError as e:
        print("caught", e, "after", got)


async def concurrent_anext():
    agen = endless()
    first = asyncio.create_task(_anext(agen))
    await asyncio.sleep(0)
    try:
        await agen.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("first task got", await first)
    await agen.aclose()


async def _anext(agen):
    return await agen.__anext__()


async def main():
    await interleave()
    await chained()
    await from_queue()
    await cancelled()
    await first_slow()
    await closing()
    await propagates()
    await concurrent_anext()


asyncio.run(main())
