# wait_for on a bare Future: a timeout cancels the future
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    try:
        await asyncio.wait_for(fut, 0.01)
    except asyncio.TimeoutError:
        print('timeout; future cancelled:', fut.cancelled())
    fut2 = loop.create_future()
    loop.call_later(0.005, fut2.set_result, 42)
    print(await asyncio.wait_for(fut2, 0.05))
    fut3 = loop.create_future()
    fut3.set_result('ready')
    print(await asyncio.wait_for(fut3, 0))

asyncio.run(main())
