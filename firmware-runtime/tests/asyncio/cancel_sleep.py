# cancellation is delivered at the await point, can be caught, and runs finally blocks
import asyncio

async def sleeper(log):
    try:
        log.append('sleeping')
        await asyncio.sleep(5)
        log.append('woke')
    except asyncio.CancelledError:
        log.append('cancelled at sleep')
        raise
    finally:
        log.append('finally')

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print('caught, finishing normally')
    await asyncio.sleep(0.01)
    return 'survived'

async def main():
    log = []
    t = asyncio.create_task(sleeper(log))
    await asyncio.sleep(0.01)
    print(t.cancel(), t.done(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print('await raised CancelledError')
    print(log, t.done(), t.cancelled())
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    # CancelledError is a BaseException: except Exception does not catch it
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    async def swallow():
        try:
            await asyncio.sleep(5)
        except Exception:
            print('wrong')
    w = asyncio.create_task(swallow())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('not swallowed by except Exception')

asyncio.run(main())
