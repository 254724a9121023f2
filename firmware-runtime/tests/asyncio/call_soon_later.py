# loop.call_soon / call_later / call_at run callbacks in order; Handle.cancel() stops one
import asyncio

log = []

def cb(tag, *extra):
    log.append((tag,) + extra)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.08, cb, 'later-20')
    loop.call_later(0.04, cb, 'later-10', 1, 2)
    h = loop.call_later(0.06, cb, 'cancelled')
    loop.call_soon(cb, 'soon-1')
    loop.call_soon(cb, 'soon-2')
    loop.call_at(loop.time() + 0.02, cb, 'at-5')
    print('handle cancelled?', h.cancelled())
    h.cancel()
    print('handle cancelled?', h.cancelled())
    await asyncio.sleep(0)
    print(log)
    await asyncio.sleep(0.12)
    print(log)
    s = loop.call_soon(cb, 'never')
    s.cancel()
    await asyncio.sleep(0)
    print(log[-1])
    t0 = loop.time()
    await asyncio.sleep(0.1)
    print('time advanced', 0.09 <= loop.time() - t0 < 5)

asyncio.run(main())
