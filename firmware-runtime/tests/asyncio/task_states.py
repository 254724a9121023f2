# done()/cancelled() through a task's life, and a task awaiting another task's result
import asyncio

async def child(ev):
    await ev.wait()
    return 'child value'

async def parent(t):
    v = await t
    return 'parent got ' + v

async def main():
    ev = asyncio.Event()
    c = asyncio.create_task(child(ev))
    p = asyncio.create_task(parent(c))
    print(c.done(), p.done())
    await asyncio.sleep(0)
    print(c.done(), p.done())
    ev.set()
    await asyncio.sleep(0)
    print(c.done(), p.done())
    print(await p)
    print(c.result(), p.result(), c.cancelled())
    print(c.get_coro() is not None)

asyncio.run(main())
