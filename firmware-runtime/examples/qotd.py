# Quote of the Day (RFC 865) client: connects to 10.0.2.2:17 (the user network's host),
# reads the quote line and prints it. An optional argument gives another port.
import asyncio
import sys

async def main(port):
    reader, writer = await asyncio.open_connection('10.0.2.2', port)
    line = await reader.readline()
    print(line.decode().rstrip())
    writer.close()
    await writer.wait_closed()

asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 17))
