# streams on 127.0.0.1: start_server + open_connection in one program; readline, readexactly,
# readuntil, read(n), read(-1) to EOF, write/drain, close/wait_closed, peername
import asyncio

log = []

async def handle(r, w):
    host, port = w.get_extra_info('peername')
    log.append(('server: peer', host, port > 0))
    line = await r.readline()
    w.write(line.upper())
    await w.drain()
    data = await r.readexactly(5)
    w.write(data[::-1])
    part = await r.readuntil(b'END')
    w.write(b'%d;' % len(part))
    big = await r.readexactly(20000)
    w.write(b'big %d %d\n' % (len(big), sum(big) % 251))
    w.write(b'x' * 30000)
    await w.drain()
    w.close()
    await w.wait_closed()
    log.append('server: closed')

async def main():
    srv = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    print(isinstance(r, asyncio.StreamReader), isinstance(w, asyncio.StreamWriter))
    print('client: peer', w.get_extra_info('peername') == ('127.0.0.1', port))
    w.write(b'hello there\nabcde')
    await w.drain()
    print(await r.readline())
    print(await r.read(3), await r.readexactly(2))
    w.write(b'some text END')
    print(await r.readuntil(b';'))
    w.write(bytes(i % 256 for i in range(20000)))
    await w.drain()
    print(await r.readline())
    rest = await r.read()
    print(len(rest), rest[:5], await r.read(), await r.readline())
    try:
        await r.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected, isinstance(e, EOFError))
    w.close()
    await w.wait_closed()
    srv.close()
    await srv.wait_closed()
    print(log)

asyncio.run(main())
