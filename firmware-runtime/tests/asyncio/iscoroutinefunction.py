# asyncio.iscoroutinefunction tells async functions apart by their code flags.
import asyncio


async def a():
    pass


def f():
    pass


def g():
    yield 1


class C:
    async def m(self):
        pass


print(asyncio.iscoroutinefunction(a), asyncio.iscoroutinefunction(f))
print(asyncio.iscoroutinefunction(g), asyncio.iscoroutinefunction(C().m))
print(asyncio.iscoroutinefunction(len), asyncio.iscoroutinefunction(lambda: 0))
print(a.__code__.co_flags & 0x80 != 0, g.__code__.co_flags & 0x20 != 0)
c = a()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(a))
c.close()
