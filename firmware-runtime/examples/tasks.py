# A background task ticks every second; main cancels it after 5 s of board time. The
# CancelledError arrives at the task's await and can be handled there.
import asyncio

async def blink():
    n = 0
    try:
        while True:
            print('tick', n)   # at 0, 1, 2, 3 and 4 s
            n += 1
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('blink cancelled after', n, 'ticks')
        raise

async def main():
    task = asyncio.create_task(blink())
    await asyncio.sleep(5)
    print('cancelling')   # at 5 s
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('task cancelled:', task.cancelled())

asyncio.run(main())
