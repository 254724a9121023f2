# A qotd client (RFC 865): connect to HOST PORT, print the quote line, check the server then
# closes. argv: HOST PORT.
import sys
import asyncio


async def main(host, port):
    r, w = await asyncio.open_connection(host, port)
    line = await r.readline()
    print(line.decode().rstrip())
    print('end of stream:', await r.read(-1) == b'')
    w.close()
    await w.wait_closed()


asyncio.run(main(sys.argv[1], int(sys.argv[2])))
