# wait_for gives up on an awaitable that takes too long: TimeoutError at 1.0 s of board time,
# after the slow coroutine was cancelled (its finally block runs first).
import asyncio

async def slow_sensor():
    try:
        await asyncio.sleep(10)
        return 42
    finally:
        print('sensor read abandoned')

async def main():
    print('reading, 1 s timeout')
    try:
        value = await asyncio.wait_for(slow_sensor(), 1.0)
        print('value', value)
    except asyncio.TimeoutError:
        print('timed out')   # at 1.0 s

asyncio.run(main())
