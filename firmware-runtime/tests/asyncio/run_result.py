# asyncio.run returns the coroutine's value and re-raises its exception; nested run refused
import asyncio

async def compute(x):
    await asyncio.sleep(0)
    return x * 2

async def fails():
    await asyncio.sleep(0)
    raise LookupError('missing')

async def nested():
    coro = compute(1)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print('RuntimeError:', e)
    coro.close()
    return 'nested ok'

print(asyncio.run(compute(21)))
try:
    asyncio.run(fails())
except LookupError as e:
    print('LookupError', e)
print(asyncio.run(nested()))
try:
    asyncio.run(42)
except (ValueError, TypeError) as e:
    print('refused a non-coroutine')
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('no running loop:', e)
