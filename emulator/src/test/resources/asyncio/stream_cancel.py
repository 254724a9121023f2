# Cancelling a task blocked in a stream read: CancelledError arrives at the read, the task's
# handlers and finally blocks run, the awaiting task sees CancelledError, and the connection
# stays usable. Then several readers blocked on their own connections are cancelled together.
# argv: HOST ECHO_PORT DISCARD_PORT QOTD_PORT (on the board: 10.0.2.2 7 9 17).
import sys
import asyncio

HOST = sys.argv[1]
ECHO = int(sys.argv[2])
DISCARD = int(sys.argv[3])


async def blocked_reader(name, r):
    try:
        data = await r.read(100)
        print(name, 'read returned', data)
    except asyncio.CancelledError:
        print(name, 'cancelled in read')
        raise
    finally:
        print(name, 'finally')


async def main():
    r, w = await asyncio.open_connection(HOST, DISCARD)
    print('connected to discard')
    t = asyncio.create_task(blocked_reader('reader', r))
    await asyncio.sleep(0.2)  # the discard server never answers: the reader stays blocked
    print('done before cancel:', t.done())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: CancelledError from the task')
    print('done after cancel:', t.done())
    w.write(b'the connection still works\n')
    await w.drain()
    w.close()
    await w.wait_closed()

    # Three echo connections, nothing sent: every reader blocks until cancelled.
    conns = [await asyncio.open_connection(HOST, ECHO) for _ in range(3)]
    readers = [asyncio.create_task(blocked_reader('echo%d' % i, c[0]))
               for i, c in enumerate(conns)]
    await asyncio.sleep(0.1)
    for t in readers:
        t.cancel()
    results = await asyncio.gather(*readers, return_exceptions=True)
    print('cancelled:', [type(x).__name__ for x in results])
    # The cancelled reads left the streams intact: one more exchange on each.
    for i, (r, w) in enumerate(conns):
        w.write(('after cancel %d\n' % i).encode())
        await w.drain()
        print(await r.readline())
        w.close()
        await w.wait_closed()


asyncio.run(main())
