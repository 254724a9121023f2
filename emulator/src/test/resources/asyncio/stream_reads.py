# Stream reads against an echo server (RFC 862) and a qotd server (RFC 865): readline,
# readexactly, readuntil, read(n), read(-1) to end of stream, and EOFError from readexactly
# on a stream that ends too soon.
# argv: HOST ECHO_PORT DISCARD_PORT QOTD_PORT (on the board: 10.0.2.2 7 9 17).
import sys
import asyncio

HOST = sys.argv[1]
ECHO = int(sys.argv[2])
QOTD = int(sys.argv[4])


async def send(w, data):
    w.write(data)
    await w.drain()


async def echo_reads():
    r, w = await asyncio.open_connection(HOST, ECHO)
    await send(w, b'alpha\nbeta\n')
    print('readline', await r.readline())
    print('readline', await r.readline())
    await send(w, b'0123456789')
    print('readexactly', await r.readexactly(4))
    print('readexactly', await r.readexactly(6))
    await send(w, b'key=value;next;')
    print('readuntil', await r.readuntil(b';'))
    print('readuntil', await r.readuntil(b';'))
    # 4 KiB: more than one TCP segment each way, reassembled by readexactly
    big = bytes(range(256)) * 16
    await send(w, big)
    print('4 KiB echoed intact:', await r.readexactly(len(big)) == big)
    await send(w, b'tail')
    print('read', await r.read(100))
    w.close()
    await w.wait_closed()


async def qotd_to_eof():
    r, w = await asyncio.open_connection(HOST, QOTD)
    print('read(-1)', await r.read(-1))
    print('then', await r.read(10))
    w.close()
    await w.wait_closed()


async def short_stream():
    r, w = await asyncio.open_connection(HOST, QOTD)
    try:
        await r.readexactly(1000)
        print('readexactly returned')
    except EOFError:
        print('readexactly past the end: EOFError')
    w.close()
    await w.wait_closed()


async def main():
    await echo_reads()
    await qotd_to_eof()
    await short_stream()


asyncio.run(main())
