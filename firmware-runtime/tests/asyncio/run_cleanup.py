# asyncio.run cancels tasks still pending when main returns; they can clean up
# (one task only: CPython cancels the leftovers in set order)
import asyncio

async def background(name):
    try:
        while True:
            await asyncio.sleep(0.01)
    except asyncio.CancelledError:
        print(name, 'cancelled at shutdown')
        await asyncio.sleep(0)
        print(name, 'cleanup finished')
        raise

async def main():
    asyncio.create_task(background('bg1'))
    await asyncio.sleep(0.025)
    print('main returns')
    return 'result'

print(asyncio.run(main()))
print('after run')
