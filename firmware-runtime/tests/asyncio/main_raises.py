# main raising while other tasks are pending: they are cancelled, the exception escapes run()
import asyncio

async def bystander():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('bystander cancelled')
        raise

async def main():
    asyncio.create_task(bystander())
    await asyncio.sleep(0.01)
    raise OSError(5, 'I/O failed')

try:
    asyncio.run(main())
except OSError as e:
    print('OSError', e.errno, e.strerror)
print('program continues')
asyncio.run(main())
