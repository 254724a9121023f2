# an exception in a task nobody awaits goes to the default exception handler (stderr);
# the program carries on; stdout is compared
import asyncio

async def bad():
    raise ZeroDivisionError('in a detached task')

async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print('main still running')
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)
    try:
        await t
    except ZeroDivisionError:
        print('retrieved by await: not reported')
    return 'ok'

print(asyncio.run(main()))
