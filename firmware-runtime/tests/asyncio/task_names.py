# task names: explicit, set_name, and current_task() identity inside the task
import asyncio

async def who(tag):
    me = asyncio.current_task()
    await asyncio.sleep(0)
    print(tag, me.get_name(), me is asyncio.current_task())
    return me

async def main():
    main_task = asyncio.current_task()
    print('main is a Task', isinstance(main_task, asyncio.Task))
    t = asyncio.create_task(who('a'), name='alpha')
    u = asyncio.create_task(who('b'))
    u.set_name('beta')
    print((await t) is t, (await u) is u)
    loop = asyncio.get_running_loop()
    v = loop.create_task(who('c'), name='gamma')
    print((await v).get_name())
    w = asyncio.ensure_future(who('d'))
    print(isinstance(w, asyncio.Task), asyncio.ensure_future(w) is w)
    await w
    print(main_task is asyncio.current_task(), main_task.done())

asyncio.run(main())
