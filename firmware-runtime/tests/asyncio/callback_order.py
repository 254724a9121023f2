# done callbacks and awaiting tasks are woken in the order they registered
import asyncio

async def watcher(t, name):
    await t
    print('watcher', name, 'resumed')

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('callback 1'))
    w1 = asyncio.create_task(watcher(fut, 'one'))
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print('callback 2'))
    w2 = asyncio.create_task(watcher(fut, 'two'))
    await asyncio.sleep(0)
    fut.set_result(None)
    print('result set')
    await asyncio.gather(w1, w2)
    print('all resumed')

asyncio.run(main())
