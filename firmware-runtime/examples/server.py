# TCP server on port 1234: each connection is handled by its own task, which reads up to 100
# bytes and sends them back upper-cased, then closes. The server keeps serving because main
# awaits server.wait_closed(); asyncio.run(asyncio.start_server(...)) alone would return at
# once. Try: vboard run --hostfwd tcp::5555-:1234 server.py, then: echo hello | nc 127.0.0.1 5555
import asyncio

async def handle(reader, writer):
    data = await reader.read(100)
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle, '0.0.0.0', 1234)
    print('serving on port 1234')
    await server.wait_closed()

asyncio.run(main())
