# machine.Timer callbacks are soft interrupts: the board's dual timer interrupts whatever runs,
# and the VM calls the callback at its next safe point. A callback may set a ThreadSafeFlag,
# which wakes a task even while the event loop sleeps in WFI with nothing else to do.
import asyncio
import machine
import micropython

done = []
machine.Timer(mode=machine.Timer.ONE_SHOT, period=50, callback=lambda t: done.append(t))
print('compute start')
n = 0
while not done:
    n += 1
print('compute interrupted by the timer')

# runs at the next safe point (a backward jump or a Python call), not inside schedule()
micropython.schedule(print, 'scheduled call')
print('after schedule')

flag = asyncio.ThreadSafeFlag()
ticks = []


def isr(timer):
    ticks.append(timer)
    flag.set()


async def sleeper():
    await asyncio.sleep(1)
    return 'slept'


async def main():
    print('loop start')
    tim = machine.Timer(mode=machine.Timer.PERIODIC, period=200, callback=isr)
    for i in range(3):
        await flag.wait()
        print('woken', i)
    tim.deinit()
    print('timer ticks', len(ticks), ticks[0] is tim)
    try:
        await asyncio.wait_for(flag.wait(), 0.3)
    except asyncio.TimeoutError:
        print('no tick: timeout')
    machine.Timer(mode=machine.Timer.ONE_SHOT, period=100, callback=lambda t: flag.set())
    print(await asyncio.gather(flag.wait(), sleeper()))


asyncio.run(main())
