# closing a stream while another task is blocked reading it ends that read with EOF
import asyncio

async def idle(r, w):
    await r.read()
    w.close()

async def main():
    srv = await asyncio.start_server(idle, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    t = asyncio.create_task(r.read(10))
    await asyncio.sleep(0.01)
    print('blocked', t.done())
    w.close()
    await w.wait_closed()
    print('read after close', await t, w.is_closing())
    srv.close()
    await srv.wait_closed()

asyncio.run(main())
