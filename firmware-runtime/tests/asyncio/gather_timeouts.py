# wait_for timeouts nested in gather, with return_exceptions
import asyncio

async def op(name, d):
    await asyncio.sleep(d)
    return name

async def main():
    r = await asyncio.gather(
        asyncio.wait_for(op('fast', 0.01), 0.05),
        asyncio.wait_for(op('slow', 0.1), 0.02),
        op('plain', 0.03),
        return_exceptions=True)
    print([x if isinstance(x, str) else type(x).__name__ for x in r])
    try:
        await asyncio.gather(asyncio.wait_for(op('slow', 0.1), 0.01), op('other', 0.02))
    except asyncio.TimeoutError:
        print('gather raised TimeoutError')
    await asyncio.sleep(0.05)
    print('done')

asyncio.run(main())
