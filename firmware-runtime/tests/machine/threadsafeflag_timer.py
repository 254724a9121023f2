# asyncio.ThreadSafeFlag set from a machine.Timer callback wakes a task, also while the event
# loop has nothing else to do (it sleeps in poll until the timer's signal ends the wait).
import asyncio
import machine

flag = asyncio.ThreadSafeFlag()
calls = []


def isr(t):
    calls.append(t)
    flag.set()


async def sleeper(order):
    await asyncio.sleep(0.3)
    order.append('sleeper')


async def main():
    t = machine.Timer(mode=machine.Timer.PERIODIC, period=30, callback=isr)
    for i in range(3):
        await flag.wait()
        print('woken', i)
    t.deinit()
    print('calls >= 3', len(calls) >= 3)
    # the flag wakes before a longer sleep ends
    order = []
    machine.Timer(mode=machine.Timer.ONE_SHOT, period=20, callback=lambda t: flag.set())
    flag.clear()
    s = asyncio.create_task(sleeper(order))
    await flag.wait()
    order.append('flag')
    await s
    print(order)
    # nothing sets it: wait_for times out
    try:
        await asyncio.wait_for(flag.wait(), 0.05)
    except asyncio.TimeoutError:
        print('timeout')


asyncio.run(main())
