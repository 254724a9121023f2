# a task cancelling itself: the CancelledError arrives at its next await
import asyncio

async def selfish():
    me = asyncio.current_task()
    print('cancel myself', me.cancel())
    print('still running')
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('got CancelledError at the await')
        raise
    print('not reached')

async def quitter():
    asyncio.current_task().cancel()
    return 'returned anyway'

async def main():
    t = asyncio.create_task(selfish())
    try:
        await t
    except asyncio.CancelledError:
        print('selfish cancelled', t.cancelled())
    q = asyncio.create_task(quitter())
    try:
        print(await q)
    except asyncio.CancelledError:
        print('quitter cancelled', q.cancelled())

asyncio.run(main())
