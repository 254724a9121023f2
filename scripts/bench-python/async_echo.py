# asyncio echo server (issue #7): serves one connection with asyncio's streams, echoing each
# read back, and exits when the client closes. Timed on the board's own clock from the accept.
# Usage: async_echo.py [PORT]. Prints "echo: ready" once listening, then
# "echo: N reads T board-us" at the end.
import asyncio
import sys
import time

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 7000
done = asyncio.Event()


async def echo(reader, writer):
    start = time.monotonic_ns()
    reads = 0
    while True:
        data = await reader.read(256)
        if not data:
            break
        writer.write(data)
        await writer.drain()
        reads += 1
    us = (time.monotonic_ns() - start) // 1000
    writer.close()
    print("echo: %d reads %d board-us" % (reads, us), flush=True)
    done.set()


async def main():
    server = await asyncio.start_server(echo, "0.0.0.0", PORT)
    print("echo: ready", flush=True)
    await done.wait()
    server.close()


asyncio.run(main())
