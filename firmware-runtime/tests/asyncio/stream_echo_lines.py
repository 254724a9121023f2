# an echo server answering line by line until EOF, running inside "async with"
import asyncio

async def echo(r, w):
    n = 0
    while True:
        line = await r.readline()
        if not line:
            break
        n += 1
        w.write(b'%d:' % n + line)
        await w.drain()
    w.close()
    await w.wait_closed()

async def main():
    async with await asyncio.start_server(echo, '127.0.0.1', 0) as srv:
        port = srv.sockets[0].getsockname()[1]
        r, w = await asyncio.open_connection('127.0.0.1', port)
        for word in (b'one', b'two', b'three'):
            w.write(word + b'\n')
            await w.drain()
            line = await r.readuntil(b'\n')
            print(line)
        w.write(b'four\nfive\n')
        print(await r.read(7), await r.readline())
        w.close()
        await w.wait_closed()
    print('served', srv.is_serving())

asyncio.run(main())
