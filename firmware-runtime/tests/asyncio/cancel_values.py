# cancel() return values: True when pending, False when done; twice is still True
import asyncio

async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('sleeper cancelled')
        raise

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print('first', t.cancel())
    print('second', t.cancel())
    print('cancelling', t.cancelling(), t.cancelled(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print('awaited: CancelledError')
    print('after', t.cancel(), t.cancelled(), t.done())
    d = asyncio.create_task(asyncio.sleep(0))
    await d
    print('done task cancel', d.cancel(), d.cancelled())
    try:
        t.result()
    except asyncio.CancelledError:
        print('result() raises CancelledError')
    try:
        t.exception()
    except asyncio.CancelledError:
        print('exception() raises CancelledError')

asyncio.run(main())
