# user-written async context managers and async iterators (class based)
import asyncio

class Connection:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print('open', self.name)
        return self
    async def __aexit__(self, et, e, tb):
        await asyncio.sleep(0)
        print('close', self.name, et.__name__ if et else None)
        return et is KeyError

class Ticker:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await asyncio.sleep(0.001)
        self.i += 1
        return self.i

async def main():
    async with Connection('db') as c:
        print('using', c.name)
    async with Connection('swallow'):
        raise KeyError('suppressed')
    try:
        async with Connection('a') as a, Connection('b') as b:
            raise ValueError('propagates')
    except ValueError as e:
        print('ValueError', e)
    async for x in Ticker(3):
        print('tick', x)
    print([x async for x in Ticker(4)])
    total = 0
    async for x in Ticker(5):
        if x == 4:
            break
        total += x
    else:
        print('no break')
    print('total', total)

asyncio.run(main())
