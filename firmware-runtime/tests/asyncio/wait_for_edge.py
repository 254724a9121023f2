# wait_for with 0 and negative timeouts, on finished tasks, and with None
import asyncio

async def quick():
    return 'quick'

async def slow():
    await asyncio.sleep(1)

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print(await asyncio.wait_for(t, 0))
    print(await asyncio.wait_for(t, -1))
    for to in (0, -0.5):
        try:
            await asyncio.wait_for(slow(), to)
        except asyncio.TimeoutError:
            print('timeout', to)
    print(await asyncio.wait_for(quick(), None))
    s = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(s, 0.01)
    except asyncio.TimeoutError as e:
        print('TimeoutError', type(e) is TimeoutError, s.cancelled())
    print(await asyncio.wait_for(asyncio.sleep(0.01, 'ok'), 0.02))

asyncio.run(main())
