# Many tasks on one loop: start order and sleep(0) fairness, staggered wake-ups, gather's result
# order, and cancelling a hundred sleeping tasks at once (their finally blocks run). Prints
# nothing that depends on how fast the host is, so CPython gives the same output.
import asyncio

N = 50
order = []
finally_ran = [0]


async def round_robin(i):
    for r in range(3):
        order.append((i, r))
        await asyncio.sleep(0)
    return i * i


async def staggered(i):
    # wake-ups 50 ms apart: the test reads the board's timestamps of these lines
    await asyncio.sleep(0.05 * i)
    print('tick', i)
    return i


async def sleeper(i):
    try:
        await asyncio.sleep(10)
        print('sleeper', i, 'was not cancelled')
    finally:
        finally_ran[0] += 1


async def main():
    squares = await asyncio.gather(*[round_robin(i) for i in range(N)])
    want = [(i, r) for r in range(3) for i in range(N)]
    print('round robin in start order:', order == want)
    print('gather keeps argument order:', squares == [i * i for i in range(N)])

    print('staggered sleeps')
    ticks = await asyncio.gather(*[staggered(i) for i in (4, 1, 3, 2)])
    print('staggered results', ticks)

    sleepers = [asyncio.create_task(sleeper(i)) for i in range(100)]
    await asyncio.sleep(0)
    for t in sleepers:
        t.cancel()
    outcomes = await asyncio.gather(*sleepers, return_exceptions=True)
    cancelled = [o for o in outcomes if isinstance(o, asyncio.CancelledError)]
    print('cancelled', len(cancelled), 'finally ran', finally_ran[0])
    print('all done:', all(t.done() for t in sleepers))


asyncio.run(main())
print('end')
