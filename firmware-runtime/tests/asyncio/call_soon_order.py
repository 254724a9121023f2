# callbacks and task steps share one FIFO: interleaving as in CPython
import asyncio

async def task(n):
    print('task', n, 'step 1')
    await asyncio.sleep(0)
    print('task', n, 'step 2')

async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(task(1))
    loop.call_soon(print, 'callback A')
    asyncio.create_task(task(2))
    loop.call_soon(print, 'callback B')
    await asyncio.sleep(0)
    print('main after first yield')
    loop.call_soon(lambda: print('lambda callback'))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('main end')

asyncio.run(main())
