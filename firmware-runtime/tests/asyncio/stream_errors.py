# connection refused surfaces from open_connection; a read blocked on a socket can be
# cancelled or timed out with wait_for; EOF in readuntil/readline
import asyncio, errno, socket

async def silent(r, w):
    try:
        await r.read(10)
    finally:
        w.close()

async def main():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    try:
        await asyncio.open_connection('127.0.0.1', port)
    except OSError as e:
        print('refused', e.errno == errno.ECONNREFUSED)
    srv = await asyncio.start_server(silent, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    try:
        await asyncio.wait_for(r.readline(), 0.05)
    except asyncio.TimeoutError:
        print('read timed out')
    t = asyncio.create_task(r.read(5))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('blocked read cancelled')
    w.write(b'partial')
    await w.drain()
    try:
        await r.readuntil(b'\n')
    except asyncio.IncompleteReadError as e:
        print('EOF before separator', e.partial)
    print(await r.readline(), r.at_eof())
    w.close()
    srv.close()
    await srv.wait_closed()

asyncio.run(main())
