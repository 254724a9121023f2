# cancelling a task that awaits another task cancels the inner one too (CPython semantics);
# a task may cancel itself
import asyncio

async def inner():
    try:
        await asyncio.sleep(5)
    finally:
        print('inner finally')

async def middle(t):
    try:
        return await t
    except asyncio.CancelledError:
        print('middle sees CancelledError')
        raise

async def selfcancel():
    asyncio.current_task().cancel()
    print('still running until the next await')
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('self-cancel delivered')
    return 'after'

async def main():
    it = asyncio.create_task(inner())
    mt = asyncio.create_task(middle(it))
    await asyncio.sleep(0.01)
    mt.cancel()
    await asyncio.sleep(0.01)
    print(it.cancelled(), mt.cancelled())
    print(await asyncio.create_task(selfcancel()))

asyncio.run(main())

# a task that cancels itself and returns before its next await ends cancelled
async def quit_early():
    asyncio.current_task().cancel()
    return 'ignored'

async def main2():
    t = asyncio.create_task(quit_early())
    try:
        print(await t)
    except asyncio.CancelledError:
        print('ended cancelled', t.cancelled())

asyncio.run(main2())
