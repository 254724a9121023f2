# tasks sleeping the same time wake in the order they went to sleep
import asyncio

async def sleeper(i, d):
    await asyncio.sleep(d)
    print('woke', i)

async def main():
    ts = [asyncio.create_task(sleeper(i, 0.08)) for i in range(5)]
    ts += [asyncio.create_task(sleeper(10 + i, 0.04)) for i in range(3)]
    await asyncio.sleep(0.02)
    ts.append(asyncio.create_task(sleeper(99, 0.06)))
    await asyncio.gather(*ts)

asyncio.run(main())
