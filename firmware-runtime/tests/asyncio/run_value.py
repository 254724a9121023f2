# asyncio.run returns the coroutine's value, raises its exception, can run again, and cancels
# the tasks still pending at the end (their finally blocks run)
import asyncio

async def value(x):
    await asyncio.sleep(0)
    return x * 3

async def background():
    try:
        print('background started')
        await asyncio.sleep(10)
    finally:
        print('background cleaned up')

async def spawner():
    asyncio.create_task(background())
    await asyncio.sleep(0.01)
    return 'spawner done'

async def fire_and_forget():
    async def later():
        print('ran after main returned')
    asyncio.create_task(later())
    return 'returned'

async def fails():
    await asyncio.sleep(0)
    raise OSError(5, 'io')

print(asyncio.run(value(14)))
print(asyncio.run(value('ab')))
print(asyncio.run(spawner()))
print(asyncio.run(fire_and_forget()))
try:
    asyncio.run(fails())
except OSError as e:
    print('run raised', e.errno)
async def nested():
    try:
        asyncio.run(value(1))
    except RuntimeError:
        print('nested run refused')
    return 1
print(asyncio.run(nested()))
