import asyncio
async def fails(n):
    await asyncio.sleep(0)
    raise ValueError("bad %d" % n)
async def ok(n):
    await asyncio.sleep(0)
    return n * 2
async def main():
    print(await asyncio.gather(ok(1), ok(2), ok(3)))
    r = await asyncio.gather(ok(1), fails(2), return_exceptions=True)
    print([type(x).__name__ for x in r], r[0])
    try:
        await asyncio.gather(ok(1), fails(3))
    except ValueError as e:
        print("gather raised", e)
    t = asyncio.create_task(fails(4))
    try:
        await t
    except ValueError as e:
        print("task raised", e, t.done())
    return 0
print(asyncio.run(main()))
async def top():
    raise KeyError("k")
try:
    asyncio.run(top())
except KeyError as e:
    print("run raised", repr(e))
