# Three tasks wait on one Event; a fourth sets it after 1 s of board time and all three wake
# together, in the order they started waiting.
import asyncio

async def waiter(event, name):
    print(name, 'waiting')
    await event.wait()
    print(name, 'woke up')   # at 1 s

async def setter(event):
    await asyncio.sleep(1)
    print('setting the event')   # at 1 s
    event.set()

async def main():
    event = asyncio.Event()
    await asyncio.gather(waiter(event, 'A'), waiter(event, 'B'), waiter(event, 'C'), setter(event))
    print('event is set:', event.is_set())

asyncio.run(main())
