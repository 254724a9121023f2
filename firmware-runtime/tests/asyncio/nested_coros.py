# deep chains of awaits, recursion and return values through coroutines
import asyncio

async def fib(n):
    if n < 2:
        return n
    await asyncio.sleep(0)
    return await fib(n - 1) + await fib(n - 2)

async def level(n):
    if n == 0:
        raise ArithmeticError('bottom')
    try:
        return await level(n - 1)
    finally:
        if n % 5 == 0:
            print('unwinding', n)

async def main():
    print(await fib(12))
    try:
        await level(20)
    except ArithmeticError as e:
        print('caught', e)
    print(await asyncio.gather(fib(5), fib(6), fib(7)))

asyncio.run(main())
