# nested timeouts: the inner one fires first and only the inner block times out
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.1):
        try:
            async with asyncio.timeout(0.01):
                await asyncio.sleep(1)
        except TimeoutError:
            print('inner timed out')
        await asyncio.sleep(0.01)
        print('outer still fine')
    try:
        async with asyncio.timeout(0.01):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('wrong: inner')
    except TimeoutError:
        print('outer timed out')
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await asyncio.sleep(0)
            print('not reached')
    except TimeoutError:
        print('deadline in the past')
    print('cancelling', asyncio.current_task().cancelling())

asyncio.run(main())
