# resolving a future from call_later, as protocol code does
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 'from callback')
    print('waiting', fut.done())
    print(await fut, fut.done())
    fut2 = loop.create_future()
    loop.call_soon(fut2.set_exception, OSError('no route'))
    try:
        await fut2
    except OSError as e:
        print('OSError', e)
    fut3 = loop.create_future()
    loop.call_later(0.01, fut3.cancel)
    try:
        await fut3
    except asyncio.CancelledError:
        print('future cancelled', fut3.cancelled())

asyncio.run(main())
