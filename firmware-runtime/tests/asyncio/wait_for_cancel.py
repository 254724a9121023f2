# cancelling a task blocked in wait_for cancels the awaitable and raises CancelledError
import asyncio

async def work():
    try:
        await asyncio.sleep(5)
    finally:
        print('work finally')

async def waiter():
    try:
        await asyncio.wait_for(work(), 2)
    except asyncio.CancelledError:
        print('waiter cancelled')
        raise
    except TimeoutError:
        print('wrong: timeout')

async def main():
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main sees cancelled', t.cancelled())

asyncio.run(main())
