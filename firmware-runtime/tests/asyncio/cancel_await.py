# awaiting a cancelled task raises CancelledError in the awaiter; cancel messages
import asyncio

async def forever():
    await asyncio.Event().wait()

async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('CancelledError args', e.args)
    for i in range(2):
        try:
            await t
        except asyncio.CancelledError:
            print('again', i)
    u = asyncio.create_task(forever())
    u.cancel()
    print('cancelled before start; done?', u.done())
    await asyncio.sleep(0)
    print(u.done(), u.cancelled())

asyncio.run(main())
