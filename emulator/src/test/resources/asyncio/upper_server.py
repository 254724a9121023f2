# The server example's upper-casing handler for many clients at once: listens with the largest
# backlog the firmware's TCP stack keeps (16, NET_TCP_BACKLOG_MAX; a full backlog drops SYNs,
# which the client side then retransmits after 1, 2, 4... s), answers argv[2] connections and
# then closes the server and exits. argv: PORT CONNECTIONS
import sys
import asyncio

PORT = int(sys.argv[1])
WANTED = int(sys.argv[2])
served = [0]
done = asyncio.Event()


async def handle(reader, writer):
    data = await reader.readexactly(100)
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    served[0] += 1
    if served[0] == WANTED:
        done.set()


async def main():
    server = await asyncio.start_server(handle, '0.0.0.0', PORT, backlog=16)
    print('serving on port', PORT)
    await done.wait()
    server.close()
    await server.wait_closed()
    print('served', served[0], 'connections')


asyncio.run(main())
