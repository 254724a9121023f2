# add_done_callback: runs after completion, with the task; remove_done_callback
import asyncio

def report(t):
    if t.cancelled():
        print('callback:', t.get_name(), 'cancelled')
    elif t.exception() is not None:
        print('callback:', t.get_name(), 'failed', repr(t.exception()))
    else:
        print('callback:', t.get_name(), 'result', t.result())

def unwanted(t):
    print('should not run')

async def job(x):
    await asyncio.sleep(0.01)
    if x < 0:
        raise ValueError(x)
    return x

async def main():
    a = asyncio.create_task(job(1), name='a')
    b = asyncio.create_task(job(-1), name='b')
    c = asyncio.create_task(job(2), name='c')
    for t in (a, b, c):
        t.add_done_callback(report)
    c.add_done_callback(unwanted)
    print('removed', c.remove_done_callback(unwanted))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print('gathered')
    await asyncio.sleep(0)
    a.add_done_callback(report)
    print('late callback added')
    await asyncio.sleep(0)
    print('end')

asyncio.run(main())
