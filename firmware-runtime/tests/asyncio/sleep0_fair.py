# sleep(0) is a round-robin yield; a task in a sleep(0) loop does not starve a timer
import asyncio

async def spinner(log):
    n = 0
    while not log:
        n += 1
        await asyncio.sleep(0)
    return n > 0

async def ticker(log):
    await asyncio.sleep(0.01)
    log.append('tick')

async def rr(name, out):
    for i in range(3):
        out.append(name + str(i))
        await asyncio.sleep(0)

async def main():
    log = []
    print(await asyncio.gather(spinner(log), ticker(log)))
    out = []
    await asyncio.gather(rr('a', out), rr('b', out), rr('c', out))
    print(out)

asyncio.run(main())
