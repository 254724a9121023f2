# round-robin of many tasks over sleep(0): the order CPython gives
import asyncio

order = []

async def spinner(i, n):
    for k in range(n):
        order.append((i, k))
        await asyncio.sleep(0)

async def main():
    ts = [asyncio.create_task(spinner(i, 3 + i % 2)) for i in range(6)]
    order.append('main')
    await asyncio.sleep(0)
    order.append('main again')
    await asyncio.gather(*ts)
    print(order)

asyncio.run(main())
