# pre-3.7 style: new_event_loop + set_event_loop + run_until_complete + loop.create_task
import asyncio

async def hello(n):
    await asyncio.sleep(0.01)
    print('hello', n)
    return n

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t1 = loop.create_task(hello(1))
t2 = loop.create_task(hello(2))
print(loop.run_until_complete(asyncio.gather(t1, t2)))
print(loop.run_until_complete(hello(3)))
print(loop.is_running(), loop.is_closed() if hasattr(loop, 'is_closed') else False)
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, 'from call_later')
print(loop.run_until_complete(fut))
try:
    loop.run_until_complete(asyncio.wait_for(hello(4), 0.001))
except asyncio.TimeoutError:
    print('timeout in run_until_complete')
loop.close()
print('closed')
