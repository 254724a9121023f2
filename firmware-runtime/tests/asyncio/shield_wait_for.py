# the usual "protect a write from a timeout" idiom: wait_for(shield(task))
import asyncio

saved = []

async def save(x):
    await asyncio.sleep(0.05)
    saved.append(x)
    return 'saved %s' % x

async def main():
    t = asyncio.create_task(save('record'))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.01)
    except asyncio.TimeoutError:
        print('caller gave up; task cancelled?', t.cancelled())
    print(await t, saved)
    u = asyncio.create_task(save('other'))
    s = asyncio.shield(u)
    s.cancel()
    await asyncio.sleep(0)
    print('outer cancelled', s.cancelled(), 'inner running', not u.done())
    print(await u)

asyncio.run(main())
