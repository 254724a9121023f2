# cancel() of a finished task is False and changes nothing; of an unstarted task, the body
# never runs
import asyncio

async def quick():
    print('quick ran')
    return 7

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print(t.done(), t.cancel(), t.cancelled(), t.result())
    u = asyncio.create_task(quick())
    print(u.cancel(), u.cancel())
    await asyncio.sleep(0)
    print(u.done(), u.cancelled())
    try:
        u.result()
    except asyncio.CancelledError:
        print('result raises CancelledError')
    try:
        u.exception()
    except asyncio.CancelledError:
        print('exception raises CancelledError')
    v = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    v.cancel('with message')
    try:
        await v
    except asyncio.CancelledError as e:
        print('message', e.args)
    p = asyncio.create_task(quick())
    try:
        p.result()
    except asyncio.InvalidStateError:
        print('not done yet')
    await p

asyncio.run(main())
