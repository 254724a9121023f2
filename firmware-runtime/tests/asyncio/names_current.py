# current_task, task names, done callbacks, Future objects, ensure_future on awaitables
import asyncio

async def who():
    t = asyncio.current_task()
    await asyncio.sleep(0)
    return t.get_name()

class Later:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return 'custom awaitable'

async def main():
    me = asyncio.current_task()
    print(me.get_name(), me.done())
    t = asyncio.create_task(who(), name='worker')
    print(await t)
    print(await asyncio.create_task(who()))
    print(await asyncio.gather(who(), who()))
    t.set_name('renamed')
    print(t.get_name())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda fut: print('callback sees', fut.result()))
    async def resolve():
        await asyncio.sleep(0.01)
        f.set_result(42)
    asyncio.create_task(resolve())
    print('awaited future', await f, f.done())
    await asyncio.sleep(0)
    g = loop.create_future()
    g.set_exception(ValueError('through a future'))
    try:
        await g
    except ValueError as e:
        print(e)
    try:
        g.set_result(1)
    except asyncio.InvalidStateError:
        print('InvalidStateError')
    print(await asyncio.ensure_future(Later()))
    print(asyncio.ensure_future(f) is f, isinstance(t, asyncio.Future))
    try:
        asyncio.create_task(42)
    except TypeError:
        print('TypeError for a non-coroutine')

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError:
    print('no running loop')
