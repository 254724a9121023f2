# MicroPython's extensions (sleep_ms, wait_for_ms, ThreadSafeFlag); under CPython this test
# supplies equivalents so the two runs compare
import asyncio

sleep_ms = getattr(asyncio, 'sleep_ms', None) or (lambda ms: asyncio.sleep(ms / 1000))
wait_for_ms = getattr(asyncio, 'wait_for_ms', None) or (lambda aw, ms: asyncio.wait_for(aw, ms / 1000))
if hasattr(asyncio, 'ThreadSafeFlag'):
    TSF = asyncio.ThreadSafeFlag
else:
    class TSF:
        def __init__(self):
            self._e = asyncio.Event()
        def set(self):
            self._e.set()
        def clear(self):
            self._e.clear()
        async def wait(self):
            await self._e.wait()
            self._e.clear()

async def waiter(flag, n):
    for i in range(n):
        await flag.wait()
        print('flag', i)

async def main():
    await sleep_ms(20)
    print('slept 20 ms')
    try:
        await wait_for_ms(sleep_ms(200), 10)
    except asyncio.TimeoutError:
        print('wait_for_ms timed out')
    print(await wait_for_ms(asyncio.sleep(0.001, 'in time'), 100))
    flag = TSF()
    t = asyncio.create_task(waiter(flag, 3))
    await sleep_ms(5)
    flag.set()
    await sleep_ms(5)
    flag.set()
    flag.set()
    await sleep_ms(5)
    flag.set()
    await t
    flag.set()
    flag.clear()
    t = asyncio.create_task(waiter(flag, 1))
    await sleep_ms(5)
    print('cleared flag does not fire', t.done())
    flag.set()
    await t
    w = asyncio.create_task(waiter(flag, 1))
    await sleep_ms(1)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('flag wait cancelled')

asyncio.run(main())
