# wait_for on stream reads: a read from a silent server times out (TimeoutError, the read is
# cancelled), an answered read completes inside its timeout, and of two nested timeouts the
# shorter one fires. The connection survives each timed-out read.
# argv: HOST ECHO_PORT DISCARD_PORT QOTD_PORT (on the board: 10.0.2.2 7 9 17).
import sys
import asyncio

HOST = sys.argv[1]
ECHO = int(sys.argv[2])
DISCARD = int(sys.argv[3])


async def main():
    r, w = await asyncio.open_connection(HOST, DISCARD)
    print('connected to discard')
    try:
        print('read returned', await asyncio.wait_for(r.read(10), 0.5))
    except asyncio.TimeoutError:
        print('discard read: timeout')
    w.close()
    await w.wait_closed()

    r, w = await asyncio.open_connection(HOST, ECHO)
    w.write(b'ping\n')
    await w.drain()
    print('echo:', await asyncio.wait_for(r.readline(), 2))
    try:
        await asyncio.wait_for(asyncio.wait_for(r.readline(), 0.3), 5)
    except asyncio.TimeoutError:
        print('inner timeout')
    w.write(b'still open\n')
    await w.drain()
    print('echo:', await asyncio.wait_for(r.readexactly(11), 2))
    w.close()
    await w.wait_closed()


asyncio.run(main())
