# asyncio.wait with FIRST_EXCEPTION returns at the first failure; ALL_COMPLETED waits for all
import asyncio

async def ok(d):
    await asyncio.sleep(d)
    return d

async def fail(d):
    await asyncio.sleep(d)
    raise KeyError('boom')

async def main():
    ts = {asyncio.create_task(ok(0.05), name='ok'), asyncio.create_task(fail(0.02), name='fail')}
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print([t.get_name() for t in done], [t.get_name() for t in pending])
    for t in done:
        print('exception:', repr(t.exception()))
    ts = [asyncio.create_task(ok(0.01)), asyncio.create_task(ok(0.02))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('no exception: all done', len(done), len(pending))
    print(len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    try:
        await asyncio.wait(ts, return_when='SOMETIMES')
    except ValueError as e:
        print('ValueError', e)

asyncio.run(main())
