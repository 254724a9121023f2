# retry with exponential backoff around a flaky operation, with an overall timeout
import asyncio

attempts = 0

async def flaky():
    global attempts
    attempts += 1
    await asyncio.sleep(0.01)
    if attempts < 4:
        raise ConnectionError('attempt %d failed' % attempts)
    return 'connected after %d attempts' % attempts

async def with_retry(op, tries, delay):
    for i in range(tries):
        try:
            return await op()
        except ConnectionError as e:
            print('retry', i, e)
            await asyncio.sleep(delay)
            delay *= 2
    raise ConnectionError('giving up')

async def main():
    print(await asyncio.wait_for(with_retry(flaky, 5, 0.001), 1))
    global attempts
    attempts = -10
    try:
        await asyncio.wait_for(with_retry(flaky, 20, 0.02), 0.25)
    except asyncio.TimeoutError:
        print('overall timeout, attempts', attempts > -10)

asyncio.run(main())
