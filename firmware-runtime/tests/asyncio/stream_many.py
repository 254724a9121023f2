# one server, 20 concurrent clients, each echoed upper-cased; the server serves until closed
import asyncio

async def handle(r, w):
    data = await r.readexactly(100)
    w.write(data.upper())
    await w.drain()
    w.close()

async def client(port, i):
    r, w = await asyncio.open_connection('127.0.0.1', port)
    msg = (b'client %02d ' % i) * 10
    w.write(msg)
    await w.drain()
    got = await r.read()
    w.close()
    return got == msg.upper()

async def main():
    async with await asyncio.start_server(handle, '127.0.0.1', 0, backlog=20) as srv:
        port = srv.sockets[0].getsockname()[1]
        r = await asyncio.gather(*[client(port, i) for i in range(20)])
        print(len(r), all(r))
    print('server closed')

asyncio.run(main())
