# a task's exception is raised again for every awaiter; traceback-free checks
import asyncio

class AppError(Exception):
    pass

async def failing():
    await asyncio.sleep(0)
    raise AppError('disk full')

async def main():
    t = asyncio.create_task(failing())
    for i in range(2):
        try:
            await t
        except AppError as e:
            print('attempt', i, 'AppError', e.args)
    print(t.done(), t.cancelled(), repr(t.exception()))
    try:
        await asyncio.gather(t)
    except AppError:
        print('gather re-raises it')
    async def chained():
        try:
            await failing()
        except AppError as e:
            raise RuntimeError('wrapped') from e
    try:
        await chained()
    except RuntimeError as e:
        print(e, 'cause:', repr(e.__cause__))

asyncio.run(main())
