# sys.exit inside a child task ends the program with its status, through asyncio.run
import asyncio
import sys

async def child():
    await asyncio.sleep(0.01)
    print('child exits')
    sys.exit(3)

async def other():
    try:
        await asyncio.sleep(1)
    finally:
        print('other finally')

async def main():
    asyncio.create_task(other())
    await asyncio.create_task(child())
    print('not reached')

try:
    asyncio.run(main())
finally:
    print('finally at top level')
