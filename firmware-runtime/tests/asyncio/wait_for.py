# wait_for: result in time; TimeoutError (the builtin) on timeout, after the awaitable was
# cancelled and its finally ran; exceptions pass through; nested timeouts
import asyncio

async def slow(d, v, log=None):
    try:
        await asyncio.sleep(d)
        return v
    finally:
        if log is not None:
            log.append('slow finally')

async def boom():
    await asyncio.sleep(0.01)
    raise KeyError('boom')

async def main():
    print(await asyncio.wait_for(slow(0.01, 'fast enough'), 1))
    log = []
    try:
        await asyncio.wait_for(slow(1, 'late', log), 0.02)
    except asyncio.TimeoutError as e:
        print('timeout', type(e).__name__, asyncio.TimeoutError is TimeoutError, log)
    try:
        await asyncio.wait_for(boom(), 1)
    except KeyError as e:
        print('passed through', repr(e))
    print(await asyncio.wait_for(slow(0, 'no timeout'), None))
    t = asyncio.create_task(slow(1, 'x'))
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        print('zero timeout', t.cancelled())
    # nested: the inner timeout fires first
    try:
        await asyncio.wait_for(asyncio.wait_for(slow(1, 'y'), 0.01), 0.5)
    except TimeoutError:
        print('inner timeout')
    # nested: the outer timeout fires first
    async def inner_guard():
        try:
            return await asyncio.wait_for(slow(1, 'z'), 0.5)
        except asyncio.CancelledError:
            print('inner wait_for cancelled')
            raise
    try:
        await asyncio.wait_for(inner_guard(), 0.01)
    except TimeoutError:
        print('outer timeout')
    # a timed-out awaitable that swallows cancellation: its value is returned
    async def swallow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return 'swallowed'
    print(await asyncio.wait_for(swallow(), 0.01))

asyncio.run(main())
